-- Deals schema, migration 6, for PostgreSQL: as ../0006-leads-order.sql.

-- The Leads view reads its leads a page at a time, newest first: an index
-- serves that order for all leads and for each source's, so that a page
-- is a short walk of the index, never a sort of every lead.
DROP INDEX IF EXISTS contacts_lead;
CREATE INDEX IF NOT EXISTS contacts_lead ON contacts (lifecycle, classification, source, created_at, id);
CREATE INDEX IF NOT EXISTS contacts_lead_order ON contacts (lifecycle, classification, created_at, id);
