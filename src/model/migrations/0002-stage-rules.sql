-- Deals schema, migration 2: what the procedure engine records when a deal
-- enters a stage (issue: stage rules, tasks, refusals).

-- HS-10, RAD-12, CON-8, AXL-10: a lost deal says why (who refused is a
-- field of the procedures that ask for it, CON-8).
ALTER TABLE deals ADD COLUMN loss_reason TEXT;

-- RAD-5..7, AXL-9: tasks, created by stage rules or by hand. A task is
-- closed only with a written result.
CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  due_at      TEXT NOT NULL,
  owner_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  rule        TEXT,
  created_at  TEXT NOT NULL,
  closed_at   TEXT,
  outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'failed')),
  result      TEXT,
  CHECK ((closed_at IS NULL) = (outcome IS NULL)),
  CHECK (outcome IS NULL OR length (trim (result)) > 0)
);
CREATE INDEX tasks_deal ON tasks (deal_id, closed_at);
CREATE INDEX tasks_owner_due ON tasks (owner_id, closed_at, due_at);

-- Emails a stage queues on entry (AXL-9 welcome, AXL-10 request closed,
-- TW-4 call summary). Sending comes later; the queue is real.
CREATE TABLE email_queue (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  template    TEXT NOT NULL,
  recipient   TEXT NOT NULL CHECK (recipient IN ('contact', 'manager')),
  rule        TEXT,
  queued_at   TEXT NOT NULL,
  sent_at     TEXT
);
CREATE INDEX email_queue_unsent ON email_queue (sent_at, queued_at);
