-- Deals schema, migration 11: the server enforces the roles (issue 10,
-- item 4). On PostgreSQL this migration makes the group roles, the grants
-- and the row-level security a team server needs (postgresql/0011-team-roles.sql).
-- A file has no roles, grants or policies to give: its one person is the
-- file's owner, signed in by the store, and the store refuses a rep what
-- a rep may not do. The migration is here so that schema 11 means the same
-- on both backends; it changes nothing.
SELECT 1;
