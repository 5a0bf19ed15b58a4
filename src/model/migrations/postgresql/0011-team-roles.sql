-- Deals schema, migration 11, for PostgreSQL: the server enforces the roles
-- (issue 10, item 4). The person signed in is the users row whose login is
-- the connection's session_user; whether they are a sales manager is the
-- server's word: membership of the group role deals_manager. Reps and
-- managers are refused by the server itself what the store refuses them,
-- so that psql is no way round the model (docs/decisions.md, "People").
--
-- The database's owner runs this, as every migration (the store refuses
-- to migrate for anyone else), and needs CREATEROLE: it creates the group
-- roles when they are missing and, through deals_add_person(), the login
-- roles of the people a manager adds. It becomes the first manager.

-- The group roles, NOLOGIN. Roles belong to the cluster, not to one
-- database: a cluster holds one department's Deals database (several
-- databases would share who is a manager). A manager is also a rep, so
-- the reps' privileges are granted once. Two databases migrated at once
-- may race to create them; the loser finds them made.
DO $$
BEGIN
  IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user) AND
     (NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'deals_rep') OR
      NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'deals_manager') OR
      NOT pg_has_role (session_user, 'deals_manager', 'MEMBER')) THEN
    RAISE EXCEPTION 'the role % may not create the roles deals_rep and deals_manager or join them: ask your administrator to give the database''s owner CREATEROLE and to open it first as the owner', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- CREATE ROLE checks the privilege before the name: create only what
  -- is missing.
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'deals_rep') THEN
    BEGIN
      CREATE ROLE deals_rep NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'deals_manager') THEN
    BEGIN
      CREATE ROLE deals_manager NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT pg_has_role ('deals_manager', 'deals_rep', 'MEMBER') THEN
    GRANT deals_rep TO deals_manager;
  END IF;
  -- Whoever sets the schema up is its first manager.
  IF NOT pg_has_role (session_user, 'deals_manager', 'MEMBER') THEN
    GRANT deals_manager TO SESSION_USER;
  END IF;
END
$$;

-- A database from before sign-in acted as its first manager: that person
-- is now whoever runs this migration, as the file's owner is on SQLite.
INSERT INTO audit_log (at, user_id, action, entity, entity_id, new_value)
SELECT to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), id, 'bind-owner', 'user', id, session_user
FROM users
WHERE NOT EXISTS (SELECT FROM users WHERE login IS NOT NULL)
ORDER BY CASE role WHEN 'manager' THEN 0 ELSE 1 END, id
LIMIT 1;
UPDATE users SET login = session_user
WHERE id = (SELECT entity_id FROM audit_log WHERE action = 'bind-owner' ORDER BY id DESC LIMIT 1)
  AND NOT EXISTS (SELECT FROM users WHERE login IS NOT NULL);

-- Who is asking. session_user, not current_user: inside the SECURITY
-- DEFINER functions below current_user is the schema's owner, and the
-- store signs in the login role it connected as.
CREATE FUNCTION deals_is_manager () RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT pg_has_role (session_user, 'deals_manager', 'MEMBER')
$$;

CREATE FUNCTION deals_user_id () RETURNS BIGINT
LANGUAGE sql STABLE AS $$
  SELECT id FROM users WHERE login = session_user
$$;

-- A person's role as the server has it: a login role that is a member of
-- deals_manager (or a superuser) is a manager, any other login a rep. A
-- user with no login (added before sign-in, or by a test) keeps the role
-- stored on the row.
CREATE FUNCTION deals_role (person_login TEXT, stored_role TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN person_login IS NULL THEN stored_role
    WHEN EXISTS (SELECT FROM pg_roles r
                 WHERE r.rolname = person_login
                   AND (r.rolsuper OR pg_has_role (r.oid, 'deals_manager', 'MEMBER'))) THEN 'manager'
    ELSE 'rep'
  END
$$;

-- A deal is its owner's to change, and every deal is a manager's: there
-- is one team per database today, so "their team's" is everyone's. A deal
-- with no owner is a manager's.
CREATE FUNCTION deals_may_change (owner BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT deals_is_manager () OR coalesce (owner = deals_user_id (), FALSE)
$$;

CREATE FUNCTION deals_may_change_deal (deal BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT deals_is_manager () OR
         coalesce ((SELECT owner_id = deals_user_id () FROM deals WHERE id = deal), FALSE)
$$;

CREATE FUNCTION deals_may_change_quote (quote BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT deals_may_change_deal ((SELECT deal_id FROM quotes WHERE id = quote))
$$;

CREATE FUNCTION deals_may_change_variant (variant BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT deals_may_change_quote ((SELECT quote_id FROM quote_variants WHERE id = variant))
$$;

-- What every person may do: read everything (the board, Today and the
-- reports are the team's), work on the shared contacts and companies,
-- and write deals and what hangs on them under the policies below. The
-- audit log takes INSERT only; UPDATE, DELETE and TRUNCATE are granted to
-- nobody, and its trigger stays as a second wall. Identities draw their
-- values without a grant; lastval() needs USAGE on the sequences.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO deals_rep;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO deals_rep;
GRANT INSERT, UPDATE, DELETE ON companies, contacts, contact_phones, contact_emails,
  contact_field_values TO deals_rep;
GRANT INSERT, UPDATE, DELETE ON deals, deal_field_values, tasks, email_queue, activities,
  quotes, quote_variants, quote_lines, quote_documents TO deals_rep;
-- A rep's new quote draws the year's next number.
GRANT INSERT, UPDATE ON quote_numbers TO deals_rep;
GRANT INSERT ON audit_log TO deals_rep;

-- What only a manager changes: the quotas, the products and quote
-- templates, the settings and call scripts (rows of meta), the procedure
-- installed (pipelines, stages, custom fields). People and roles are
-- written by nobody directly, only through the functions below, so that a
-- role on the row and the membership of the group role cannot part.
GRANT INSERT, UPDATE, DELETE ON quotas, products, quote_templates, quote_template_lines, meta,
  pipelines, stages, field_defs, field_choices TO deals_manager;

-- The search index follows the rows through its trigger, which now runs
-- as the schema's owner: nobody writes the index directly. No SET
-- search_path here, unlike the functions below: that clause costs every
-- row its own configuration change, a third of a test's time. What the
-- caller's search_path can do to it is small: functions and operators
-- are never looked up in pg_temp, and a temporary table named search_index
-- would only catch the caller's own session's entries.
ALTER FUNCTION search_index_follow () SECURITY DEFINER;

-- Row-level security on a deal and what hangs on it. Everyone reads. A
-- deal's UPDATE is checked on the new row (WITH CHECK) and, by the
-- trigger, on the old one, so that a rep changing another's deal is
-- refused with an error, not filtered into an UPDATE of no rows; a DELETE
-- of another's deal removes nothing. The owner of the tables is not bound
-- by these (it is the first manager anyway); FORCE is not set, so the
-- cascades of foreign keys still reach every row.
ALTER TABLE deals ENABLE ROW LEVEL SECURITY;
CREATE POLICY deals_read ON deals FOR SELECT USING (TRUE);
CREATE POLICY deals_add ON deals FOR INSERT WITH CHECK (deals_may_change (owner_id));
CREATE POLICY deals_change ON deals FOR UPDATE USING (TRUE) WITH CHECK (deals_may_change (owner_id));
CREATE POLICY deals_remove ON deals FOR DELETE USING (deals_may_change (owner_id));

CREATE FUNCTION deals_guard_owner () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT deals_may_change (OLD.owner_id) OR NOT deals_may_change (NEW.owner_id) THEN
    RAISE EXCEPTION 'Only the deal''s owner or a sales manager may change deal %.', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER deals_guard BEFORE UPDATE ON deals
  FOR EACH ROW EXECUTE FUNCTION deals_guard_owner ();

-- The rows of a deal follow the deal's owner. An activity of a contact
-- alone (a call before any deal) is shared work, like the contact.
ALTER TABLE deal_field_values ENABLE ROW LEVEL SECURITY;
CREATE POLICY deal_field_values_read ON deal_field_values FOR SELECT USING (TRUE);
CREATE POLICY deal_field_values_write ON deal_field_values FOR ALL
  USING (deals_may_change_deal (deal_id)) WITH CHECK (deals_may_change_deal (deal_id));

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tasks_read ON tasks FOR SELECT USING (TRUE);
CREATE POLICY tasks_write ON tasks FOR ALL
  USING (deals_may_change_deal (deal_id)) WITH CHECK (deals_may_change_deal (deal_id));

ALTER TABLE email_queue ENABLE ROW LEVEL SECURITY;
CREATE POLICY email_queue_read ON email_queue FOR SELECT USING (TRUE);
CREATE POLICY email_queue_write ON email_queue FOR ALL
  USING (deals_may_change_deal (deal_id)) WITH CHECK (deals_may_change_deal (deal_id));

ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY activities_read ON activities FOR SELECT USING (TRUE);
CREATE POLICY activities_write ON activities FOR ALL
  USING (deal_id IS NULL OR deals_may_change_deal (deal_id))
  WITH CHECK (deal_id IS NULL OR deals_may_change_deal (deal_id));

ALTER TABLE quotes ENABLE ROW LEVEL SECURITY;
CREATE POLICY quotes_read ON quotes FOR SELECT USING (TRUE);
CREATE POLICY quotes_write ON quotes FOR ALL
  USING (deals_may_change_deal (deal_id)) WITH CHECK (deals_may_change_deal (deal_id));

ALTER TABLE quote_variants ENABLE ROW LEVEL SECURITY;
CREATE POLICY quote_variants_read ON quote_variants FOR SELECT USING (TRUE);
CREATE POLICY quote_variants_write ON quote_variants FOR ALL
  USING (deals_may_change_quote (quote_id)) WITH CHECK (deals_may_change_quote (quote_id));

ALTER TABLE quote_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY quote_lines_read ON quote_lines FOR SELECT USING (TRUE);
CREATE POLICY quote_lines_write ON quote_lines FOR ALL
  USING (deals_may_change_variant (variant_id)) WITH CHECK (deals_may_change_variant (variant_id));

ALTER TABLE quote_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY quote_documents_read ON quote_documents FOR SELECT USING (TRUE);
CREATE POLICY quote_documents_write ON quote_documents FOR ALL
  USING (deals_may_change_quote (quote_id)) WITH CHECK (deals_may_change_quote (quote_id));

-- TW-6: approving or rejecting a quote's payment term is a manager's
-- decision; a rep's own quote is theirs to write, but not its approval.
CREATE FUNCTION quotes_guard_approval () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.approval IN ('approved', 'rejected') AND
     (TG_OP = 'INSERT' OR OLD.approval IS DISTINCT FROM NEW.approval) AND
     NOT deals_is_manager () THEN
    RAISE EXCEPTION 'Only a sales manager may approve or reject quote %.', NEW.number
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER quotes_guard BEFORE INSERT OR UPDATE OF approval ON quotes
  FOR EACH ROW EXECUTE FUNCTION quotes_guard_approval ();

-- People and roles: a manager's action, done as the schema's owner so
-- that a manager need not hold CREATEROLE, and refused to anyone else
-- even from psql. The users row and the group membership change in the
-- caller's one transaction.
CREATE FUNCTION deals_grant_role (person_login TEXT, person_role TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_has_role (person_login, 'deals_rep', 'MEMBER') THEN
    EXECUTE format ('GRANT deals_rep TO %I', person_login);
  END IF;
  IF person_role = 'manager' AND NOT pg_has_role (person_login, 'deals_manager', 'MEMBER') THEN
    EXECUTE format ('GRANT deals_manager TO %I', person_login);
  ELSIF person_role = 'rep' AND pg_has_role (person_login, 'deals_manager', 'MEMBER') THEN
    EXECUTE format ('REVOKE deals_manager FROM %I', person_login);
  END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION deals_grant_role (TEXT, TEXT) FROM PUBLIC;

-- A person with a login gets that login role, made when it is missing
-- (LOGIN with no password: the administrator gives it one, as psql's
-- \password does, hashed; Deals never sees it).
CREATE FUNCTION deals_add_person (person_name TEXT, person_login TEXT, person_role TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  new_id BIGINT;
BEGIN
  IF NOT deals_is_manager () THEN
    RAISE EXCEPTION 'Only a sales manager may add people to the department.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO users (name, role, login) VALUES (person_name, person_role, person_login)
    RETURNING id INTO new_id;
  IF person_login IS NOT NULL THEN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = person_login) THEN
      EXECUTE format ('CREATE ROLE %I LOGIN', person_login);
    END IF;
    PERFORM deals_grant_role (person_login, person_role);
  END IF;
  RETURN new_id;
END
$$;

CREATE FUNCTION deals_set_role (person BIGINT, person_role TEXT) RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  person_login TEXT;
BEGIN
  IF NOT deals_is_manager () THEN
    RAISE EXCEPTION 'Only a sales manager may change someone''s role.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE users SET role = person_role WHERE id = person RETURNING login INTO person_login;
  IF person_login IS NOT NULL THEN
    PERFORM deals_grant_role (person_login, person_role);
  END IF;
END
$$;
