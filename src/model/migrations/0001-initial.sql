-- Deals schema, migration 1. Kept to portable SQL (SQLite and PostgreSQL)
-- except where noted: team mode runs the same statements through libpq.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE users (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL CHECK (length (trim (name)) > 0),
  role   TEXT NOT NULL CHECK (role IN ('rep', 'manager')),
  email  TEXT
);

CREATE TABLE companies (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),
  phone      TEXT,
  email      TEXT,
  website    TEXT,
  city       TEXT,
  address    TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE contacts (
  id             INTEGER PRIMARY KEY,
  company_id     INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  name           TEXT NOT NULL CHECK (length (trim (name)) > 0),
  position       TEXT,
  lifecycle      TEXT NOT NULL DEFAULT 'lead'
                 CHECK (lifecycle IN ('lead', 'opportunity', 'customer', 'other')),
  classification TEXT
                 CHECK (classification IS NULL OR classification IN
                        ('relevant', 'supplier', 'partner', 'not-relevant', 'junk')),
  created_at     TEXT NOT NULL
);
CREATE INDEX contacts_company ON contacts (company_id);

-- Phones are stored in E.164 so that duplicates are found by equality.
CREATE TABLE contact_phones (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  number     TEXT NOT NULL CHECK (number LIKE '+%')
);
CREATE INDEX contact_phones_number ON contact_phones (number);
CREATE INDEX contact_phones_contact ON contact_phones (contact_id);

CREATE TABLE contact_emails (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  address    TEXT NOT NULL CHECK (address LIKE '%_@_%')
);
CREATE INDEX contact_emails_address ON contact_emails (address);
CREATE INDEX contact_emails_contact ON contact_emails (contact_id);

CREATE TABLE pipelines (
  id       INTEGER PRIMARY KEY,
  key      TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL,
  name_en  TEXT NOT NULL,
  name_he  TEXT,
  name_ru  TEXT
);

CREATE TABLE stages (
  id          INTEGER PRIMARY KEY,
  pipeline_id INTEGER NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  name_en     TEXT NOT NULL,
  name_he     TEXT,
  name_ru     TEXT,
  UNIQUE (pipeline_id, key)
);

-- Amounts are integers in minor units (agorot, kopecks): no rounding drift.
CREATE TABLE deals (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL CHECK (length (trim (title)) > 0),
  contact_id     INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  company_id     INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  pipeline_id    INTEGER NOT NULL REFERENCES pipelines (id),
  stage_id       INTEGER NOT NULL REFERENCES stages (id),
  amount         INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency       TEXT NOT NULL CHECK (length (currency) = 3),
  owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
  source         TEXT,
  next_step      TEXT,
  expected_close TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
-- The board reads a column as "deals of a stage, most recently touched first";
-- the second index covers count and total per stage without touching rows.
CREATE INDEX deals_stage_order ON deals (stage_id, updated_at DESC, id DESC);
CREATE INDEX deals_stage_amount ON deals (stage_id, currency, amount);
CREATE INDEX deals_contact ON deals (contact_id);
CREATE INDEX deals_company ON deals (company_id);
CREATE INDEX deals_owner ON deals (owner_id);

-- Per-procedure custom fields (e.g. the RAD-10 qualification fields).
CREATE TABLE field_defs (
  id       INTEGER PRIMARY KEY,
  key      TEXT NOT NULL UNIQUE,
  entity   TEXT NOT NULL CHECK (entity IN ('deal', 'contact')),
  type     TEXT NOT NULL CHECK (type IN ('text', 'number', 'choice', 'boolean', 'date')),
  position INTEGER NOT NULL,
  rule     TEXT,
  name_en  TEXT NOT NULL,
  name_he  TEXT,
  name_ru  TEXT
);

CREATE TABLE field_choices (
  field_id INTEGER NOT NULL REFERENCES field_defs (id) ON DELETE CASCADE,
  key      TEXT NOT NULL,
  position INTEGER NOT NULL,
  name_en  TEXT NOT NULL,
  name_he  TEXT,
  name_ru  TEXT,
  PRIMARY KEY (field_id, key)
);

CREATE TABLE deal_field_values (
  deal_id  INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES field_defs (id) ON DELETE CASCADE,
  value    TEXT NOT NULL,
  PRIMARY KEY (deal_id, field_id)
);

CREATE TABLE contact_field_values (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  field_id   INTEGER NOT NULL REFERENCES field_defs (id) ON DELETE CASCADE,
  value      TEXT NOT NULL,
  PRIMARY KEY (contact_id, field_id)
);

-- Append-only: stage moves, closings and (later) approvals are evidence.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   INTEGER REFERENCES users (id),
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

-- Full-text search (SQLite FTS5; team mode uses PostgreSQL's tsvector). The
-- rowid encodes the row: id * 4 + 1 for a deal, + 2 a contact, + 3 a company,
-- so the triggers below update one entry by primary key.
CREATE VIRTUAL TABLE search_index USING fts5 (
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER deals_search_insert AFTER INSERT ON deals
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES (NEW.id * 4 + 1, NEW.title,
          coalesce (NEW.source, '') || ' ' || coalesce (NEW.next_step, ''));
END;
CREATE TRIGGER deals_search_update AFTER UPDATE OF title, source, next_step ON deals
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
  INSERT INTO search_index (rowid, title, body)
  VALUES (NEW.id * 4 + 1, NEW.title,
          coalesce (NEW.source, '') || ' ' || coalesce (NEW.next_step, ''));
END;
CREATE TRIGGER deals_search_delete AFTER DELETE ON deals
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES (NEW.id * 4 + 2, NEW.name, coalesce (NEW.position, ''));
END;
CREATE TRIGGER contacts_search_update AFTER UPDATE OF name, position ON contacts
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
  INSERT INTO search_index (rowid, title, body)
  VALUES (NEW.id * 4 + 2, NEW.name, coalesce (NEW.position, ''));
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies
BEGIN
  INSERT INTO search_index (rowid, title, body)
  VALUES (NEW.id * 4 + 3, NEW.name,
          coalesce (NEW.city, '') || ' ' || coalesce (NEW.website, ''));
END;
CREATE TRIGGER companies_search_update AFTER UPDATE OF name, city, website ON companies
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
  INSERT INTO search_index (rowid, title, body)
  VALUES (NEW.id * 4 + 3, NEW.name,
          coalesce (NEW.city, '') || ' ' || coalesce (NEW.website, ''));
END;
CREATE TRIGGER companies_search_delete AFTER DELETE ON companies
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;
