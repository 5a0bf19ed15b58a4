-- Deals schema, migration 5: one vocabulary of sources (issue 5). Portable
-- SQL (SQLite and PostgreSQL) like the migrations before it.

-- The missed-call intake (AXL-1) stored "missed-call" while the templates
-- spell the key "missed_call", so AXL-7's opening could not name the
-- source of those deals. The rows take the key.
UPDATE contacts SET source = 'missed_call' WHERE source = 'missed-call';
UPDATE deals SET source = 'missed_call' WHERE source = 'missed-call';
