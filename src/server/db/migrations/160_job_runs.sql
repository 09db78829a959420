-- Background jobs (issue 11, items 8 and 9): one row per job, shared by every app node. A node runs
-- a job only when it wins the row's due check in one UPDATE (jobs/runner.ts), so each run of a
-- job happens on one node. Holds job names, node names, error codes and counts, never a person.
CREATE TABLE job_runs (
  job text PRIMARY KEY CHECK (job ~ '^[a-z][a-z_]{2,40}$'),
  runs bigint NOT NULL DEFAULT 0 CHECK (runs >= 0),
  last_node text CHECK (last_node ~ '^[A-Za-z0-9._:-]{1,100}$'),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_ms integer,
  last_ok boolean,
  last_error text CHECK (last_error ~ '^[A-Za-z0-9_]{1,64}$'),
  -- counts of what the run did, e.g. {"emails": 3, "sessions": 12}
  last_result jsonb
);
ALTER TABLE job_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_runs FORCE ROW LEVEL SECURITY;
-- job_runs: no policy and no grant for percorsi_app (the jobs run through the owner connection).

-- One-time links are looked up by expiry when the retention job purges them.
CREATE INDEX invitations_expires_idx ON invitations (expires_at);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
