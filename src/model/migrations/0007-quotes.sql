-- Deals schema, migration 7: quotes (issue 9). Portable SQL (SQLite and
-- PostgreSQL) like the migrations before it, except where noted. Money is
-- in minor units, quantities in thousandths, discounts and VAT rates in
-- basis points: integers everywhere, no rounding drift.

-- TW-5: the product masters. Rows from before this migration keep working
-- without a code (a unique index allows any number of NULLs); the store
-- asks for one when a manager next saves the product.
ALTER TABLE products ADD COLUMN code TEXT;
ALTER TABLE products ADD COLUMN name_he TEXT;
ALTER TABLE products ADD COLUMN name_ru TEXT;
ALTER TABLE products ADD COLUMN floor_price INTEGER CHECK (floor_price IS NULL OR floor_price >= 0);
ALTER TABLE products ADD COLUMN vat_rate INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate BETWEEN 0 AND 10000);
ALTER TABLE products ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK (kind IN ('hardware', 'software', 'licence', 'service', 'other'));
CREATE UNIQUE INDEX products_code ON products (code);

-- TW-5: the "masters" a rep starts a quote from. Lines of one variant name
-- become one variant of the quote (AXL-9).
CREATE TABLE quote_templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE quote_template_lines (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES quote_templates (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 0),
  variant      TEXT,
  product_id   INTEGER REFERENCES products (id),
  description  TEXT,
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  discount     INTEGER NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 10000),
  UNIQUE (template_id, position),
  CHECK (product_id IS NOT NULL OR description IS NOT NULL)
);

-- Quote numbers are gap-free per year: the counter is bumped inside the
-- transaction that creates the quote, so a create that rolls back gives
-- its number back.
CREATE TABLE quote_numbers (
  year  INTEGER PRIMARY KEY,
  last  INTEGER NOT NULL CHECK (last > 0)
);

-- A quote of a deal. A sent quote never changes: a change is a new
-- revision of the same number. The organisation's name and details are
-- frozen here when it is sent; what went out, logo included, is the PDF
-- in quote_documents.
CREATE TABLE quotes (
  id                    INTEGER PRIMARY KEY,
  deal_id               INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  number                TEXT NOT NULL CHECK (length (number) > 0),
  revision              INTEGER NOT NULL CHECK (revision >= 1),
  language              TEXT NOT NULL CHECK (language IN ('en', 'he', 'ru')),
  currency              TEXT NOT NULL CHECK (length (currency) = 3),
  valid_until           TEXT NOT NULL CHECK (length (valid_until) = 10),
  state                 TEXT NOT NULL DEFAULT 'draft'
                        CHECK (state IN ('draft', 'sent', 'accepted', 'declined', 'expired', 'superseded')),
  approval              TEXT NOT NULL DEFAULT 'none'
                        CHECK (approval IN ('none', 'pending', 'approved', 'rejected')),
  payment_term          TEXT,
  installments          INTEGER NOT NULL DEFAULT 1 CHECK (installments >= 1),
  prepayment_percent    INTEGER NOT NULL DEFAULT 0 CHECK (prepayment_percent BETWEEN 0 AND 100),
  customer_name         TEXT,
  customer_company      TEXT,
  customer_details      TEXT,
  organization_name     TEXT,
  organization_details  TEXT,
  notes                 TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  sent_at               TEXT,
  sent_how              TEXT,
  sent_by               INTEGER REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (number, revision),
  CHECK ((state = 'draft') = (sent_at IS NULL))
);
-- The deal card lists a deal's quotes; "find by number" is the unique
-- index on (number, revision).
CREATE INDEX quotes_deal ON quotes (deal_id, id);

CREATE TABLE quote_variants (
  id        INTEGER PRIMARY KEY,
  quote_id  INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position >= 0),
  name      TEXT NOT NULL,
  UNIQUE (quote_id, position)
);

-- A line keeps its own copy of what it quoted (code, price, floor, VAT,
-- kind): a product changed later changes no quote.
CREATE TABLE quote_lines (
  id           INTEGER PRIMARY KEY,
  variant_id   INTEGER NOT NULL REFERENCES quote_variants (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 0),
  product_id   INTEGER REFERENCES products (id) ON DELETE SET NULL,
  code         TEXT,
  description  TEXT NOT NULL,
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  unit_price   INTEGER NOT NULL CHECK (unit_price >= 0),
  floor_price  INTEGER CHECK (floor_price IS NULL OR floor_price >= 0),
  currency     TEXT NOT NULL CHECK (length (currency) = 3),
  discount     INTEGER NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 10000),
  vat_rate     INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate BETWEEN 0 AND 10000),
  kind         TEXT NOT NULL DEFAULT 'other'
               CHECK (kind IN ('hardware', 'software', 'licence', 'service', 'other')),
  UNIQUE (variant_id, position)
);

-- The exact bytes that went out, with their SHA-256. Not portable: the
-- type PostgreSQL spells BYTEA, the one word team mode has to translate.
CREATE TABLE quote_documents (
  quote_id    INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
  pdf         BLOB NOT NULL,
  sha256      TEXT NOT NULL CHECK (length (sha256) = 64),
  size        INTEGER NOT NULL CHECK (size > 0),
  created_at  TEXT NOT NULL
);
