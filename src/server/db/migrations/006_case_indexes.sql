-- Found by the caseload benchmark (100,000 cases): the list counts due follow-ups per case, and
-- JIT compilation of the list's plan cost more than it saved at this size.
CREATE INDEX IF NOT EXISTS follow_ups_case_idx ON follow_ups (case_id);
ALTER ROLE percorsi_app SET jit = off;
