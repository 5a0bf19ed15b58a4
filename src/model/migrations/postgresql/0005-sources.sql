-- Deals schema, migration 5, for PostgreSQL: one vocabulary of sources
-- (issue 5), the same statements as ../0005-sources.sql.

-- The missed-call intake (AXL-1) stored "missed-call" while the templates
-- spell the key "missed_call", so AXL-7's opening could not name the
-- source of those deals. The rows take the key.
UPDATE contacts SET source = 'missed_call' WHERE source = 'missed-call';
UPDATE deals SET source = 'missed_call' WHERE source = 'missed-call';
