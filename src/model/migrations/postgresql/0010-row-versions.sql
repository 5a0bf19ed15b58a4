-- Deals schema, migration 10, for PostgreSQL: row versions, as
-- ../0010-row-versions.sql. Here the trigger counts the version up in the
-- row being written, before the write.
ALTER TABLE deals ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE companies ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE FUNCTION crm_count_version () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER deals_version BEFORE UPDATE ON deals
  FOR EACH ROW EXECUTE FUNCTION crm_count_version ();
CREATE TRIGGER contacts_version BEFORE UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION crm_count_version ();
CREATE TRIGGER companies_version BEFORE UPDATE ON companies
  FOR EACH ROW EXECUTE FUNCTION crm_count_version ();
