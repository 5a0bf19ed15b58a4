-- Deals schema, migration 10: row versions (issue 10, item 5). Two people
-- may have one deal's card open; each save sends the version it read, and
-- a save that finds another refuses to overwrite what the other person
-- wrote. Every write of the row counts its version up, whichever
-- statement makes it: a trigger, so that no path of the store can forget.
-- The deal card saves the deal with its contact and company, so they carry
-- one too.
ALTER TABLE deals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE companies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- SQLite cannot change NEW before the write: the trigger writes the row
-- again, which with recursive triggers off (the default) fires nothing
-- more. An UPDATE that changes the version itself is left as it is.
CREATE TRIGGER deals_version AFTER UPDATE ON deals
  WHEN NEW.version = OLD.version
BEGIN
  UPDATE deals SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER contacts_version AFTER UPDATE ON contacts
  WHEN NEW.version = OLD.version
BEGIN
  UPDATE contacts SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER companies_version AFTER UPDATE ON companies
  WHEN NEW.version = OLD.version
BEGIN
  UPDATE companies SET version = OLD.version + 1 WHERE id = NEW.id;
END;
