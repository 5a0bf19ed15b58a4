-- Deals schema, migration 8: the account a user signs in as. On SQLite
-- the one person who signs in is the file's owner, the user whose login is
-- the local account running Deals; the store binds it once for a file that
-- names none. Team mode will fill it from its own sign-in.
ALTER TABLE users ADD COLUMN login TEXT;
CREATE UNIQUE INDEX users_login ON users (login);
