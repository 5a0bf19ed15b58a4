-- Deals schema, migration 3: activities, lead intake and quotas.

-- CON-1, HS-6, HS-7: every call, meeting, email, document and note is logged
-- on the contact, and shows on the deal. TW-7: customer training too.
CREATE TABLE activities (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'document', 'note', 'training')),
  outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('reached', 'no-answer', 'busy', 'wrong-number', 'call-back')),
  duration    INTEGER NOT NULL DEFAULT 0 CHECK (duration >= 0),
  note        TEXT,
  at          TEXT NOT NULL,
  CHECK (contact_id IS NOT NULL OR deal_id IS NOT NULL),
  CHECK ((kind = 'call') = (outcome IS NOT NULL))
);
CREATE INDEX activities_deal ON activities (deal_id, at);
CREATE INDEX activities_contact ON activities (contact_id, at);
CREATE INDEX activities_user_day ON activities (user_id, at);

-- HS-1: where a lead came from (source, campaign or import) and when.
ALTER TABLE contacts ADD COLUMN source TEXT;
ALTER TABLE contacts ADD COLUMN campaign TEXT;
CREATE INDEX contacts_lead ON contacts (lifecycle, classification, source);

-- RAD-4, TW-9: a manager sets each rep's daily quota of outgoing contacts.
CREATE TABLE quotas (
  user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  per_day     INTEGER NOT NULL CHECK (per_day >= 0),
  set_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
  set_at      TEXT NOT NULL
);

-- HS-10, RAD-12, CON-8, AXL-10: a closing records who refused and when.
ALTER TABLE deals ADD COLUMN refused_by_name TEXT;
ALTER TABLE deals ADD COLUMN refused_by_position TEXT;
ALTER TABLE deals ADD COLUMN closed_at TEXT;
