-- Deals schema, migration 4: the call-script panel (issue 4). Portable SQL
-- (SQLite and PostgreSQL) like the migrations before it.

-- TW-3: a call records the script it followed and the stages it went
-- through, in order, as comma-separated stage keys of that script.
ALTER TABLE activities ADD COLUMN script TEXT;
ALTER TABLE activities ADD COLUMN stages TEXT;

-- TW-4: the call summary goes to the sales manager and to one more named
-- recipient, rendered at the end of the call (subject and body in the
-- rep's language). A CHECK constraint cannot be altered in place on
-- SQLite, so the queue is rebuilt: create, copy, drop, rename. Rows queued
-- by stage rules keep their template and have no rendered text.
CREATE TABLE email_queue_new (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  template    TEXT NOT NULL,
  recipient   TEXT NOT NULL CHECK (recipient IN ('contact', 'manager', 'address')),
  address     TEXT,
  subject     TEXT,
  body        TEXT,
  rule        TEXT,
  queued_at   TEXT NOT NULL,
  sent_at     TEXT,
  CHECK ((recipient = 'address') = (address IS NOT NULL)),
  CHECK ((subject IS NULL) = (body IS NULL))
);
INSERT INTO email_queue_new (id, deal_id, template, recipient, rule, queued_at, sent_at)
  SELECT id, deal_id, template, recipient, rule, queued_at, sent_at FROM email_queue;
DROP TABLE email_queue;
ALTER TABLE email_queue_new RENAME TO email_queue;
CREATE INDEX email_queue_unsent ON email_queue (sent_at, queued_at);

-- CON-4: the product catalogue; its lowest active price in a currency is
-- the lower bound a rep may name. Prices in minor units, like deals.amount.
-- Quotes (TW-5) will extend it.
CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  price       INTEGER NOT NULL CHECK (price >= 0),
  currency    TEXT NOT NULL CHECK (length (currency) = 3),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
);
CREATE INDEX products_floor ON products (currency, active, price);

-- The settings "organization-name" (AXL-7: {company} in the opening line)
-- and "call-summary-cc" (TW-4: the summary's second recipient) live in
-- meta, which needs no change.
