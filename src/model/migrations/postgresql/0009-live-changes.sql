-- Deals schema, migration 9, for PostgreSQL: every session's board follows
-- the others'. A committed change is announced on the channel crm_changes
-- (one channel; the payload says what changed) to every listening store,
-- which turns it into the signals its own writes raise. Payloads are short
-- and fixed in shape (the store parses them after a bound):
--   deal ID FROM TO UPDATED   a deal written: its stage before and after
--                             ('-' when it was created or deleted) and the
--                             time it sorted by before ('-' when created)
--   leads                     a contact added, removed or reclassified
--   activities                an activity logged or removed
-- A NOTIFY is sent at the commit, and identical payloads of one
-- transaction once, so a rolled-back write announces nothing.

CREATE FUNCTION crm_notify_deal () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify ('crm_changes', 'deal ' || NEW.id || ' - ' || NEW.stage_id || ' -');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify ('crm_changes', 'deal ' || OLD.id || ' ' || OLD.stage_id || ' - ' || OLD.updated_at);
  ELSE
    PERFORM pg_notify ('crm_changes',
                       'deal ' || NEW.id || ' ' || OLD.stage_id || ' ' || NEW.stage_id || ' ' || OLD.updated_at);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER deals_notify AFTER INSERT OR UPDATE OR DELETE ON deals
  FOR EACH ROW EXECUTE FUNCTION crm_notify_deal ();

CREATE FUNCTION crm_notify_kind () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify ('crm_changes', TG_ARGV[0]);
  RETURN NULL;
END
$$;
-- Which contacts are leads to classify: any added or removed, and those
-- whose lifecycle, classification or source changed (a deal's contact
-- saved with the same values is not a change of the leads).
CREATE TRIGGER contacts_notify_leads AFTER INSERT OR DELETE ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_kind ('leads');
CREATE TRIGGER contacts_notify_lead_change AFTER UPDATE OF lifecycle, classification, source ON contacts
  FOR EACH ROW
  WHEN (OLD.lifecycle IS DISTINCT FROM NEW.lifecycle OR
        OLD.classification IS DISTINCT FROM NEW.classification OR
        OLD.source IS DISTINCT FROM NEW.source)
  EXECUTE FUNCTION crm_notify_kind ('leads');
-- What the daily quotas count (RAD-4).
CREATE TRIGGER activities_notify AFTER INSERT OR DELETE ON activities
  FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_kind ('activities');
