-- Deals schema, migration 8, for PostgreSQL: as ../0008-user-login.sql.
-- Team mode will fill the login from its own sign-in.
ALTER TABLE users ADD COLUMN login TEXT;
CREATE UNIQUE INDEX users_login ON users (login);
