-- The audit chain leaves the request path.
--
-- Before: a BEFORE INSERT trigger numbered and hashed every audit row by updating the one
-- `audit_head` row, whose lock every audited request then held until commit (one queue for all).
-- Now: a request's audit row gets an id from a sequence, the time and its transaction id from
-- column defaults, and nothing else shared. A single chainer (audit_chain_step, run by the server
-- shortly after commit, one node at a time) appends the committed rows to `audit_chain` in batches:
-- a gap-free chain_seq, prev_hash and a hash over every field of the row. Both tables are
-- append-only; percorsi_app cannot touch the chain at all.
--
-- Rows chained before this migration move to audit_chain unchanged (their chain_seq is their seq
-- and their hash is reproduced exactly by audit_link_hash), and the new chain continues from the
-- old head.

DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_chain();

-- ---------------------------------------------------------------- the chain, in its own table
CREATE TABLE audit_chain (
  chain_seq bigint PRIMARY KEY,
  log_seq bigint NOT NULL UNIQUE,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain (chain_seq, log_seq, prev_hash, hash) SELECT seq, seq, prev_hash, hash FROM audit_log;

-- Where the chain ends (a cut tail shows against it) and the chainer's horizon: every transaction
-- older than `horizon` had ended when the chainer last finished, and its rows are chained.
CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CHECK (id = 1),
  chain_seq bigint NOT NULL,
  hash text NOT NULL,
  horizon xid8 NOT NULL,
  chained_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_chain_head (id, chain_seq, hash, horizon) SELECT 1, last_seq, last_hash, '0' FROM audit_head;
DROP TABLE audit_head;

-- ---------------------------------------------------------------- audit rows: nothing shared but a sequence
ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash;
CREATE SEQUENCE audit_log_seq_seq AS bigint OWNED BY audit_log.seq;
SELECT setval('audit_log_seq_seq', greatest(m, 1), m > 0)
FROM (SELECT greatest(coalesce(max(a.seq), 0), (SELECT h.chain_seq FROM audit_chain_head h)) AS m FROM audit_log a) x;
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq_seq');
ALTER TABLE audit_log ALTER COLUMN occurred_at SET DEFAULT clock_timestamp();
-- NULL on the rows chained above; the writing transaction's id on every new row.
ALTER TABLE audit_log ADD COLUMN tx xid8;
ALTER TABLE audit_log ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
CREATE INDEX audit_log_tx_idx ON audit_log (tx);

-- The app names the event; the database fills in id, time and transaction (no column grant on them).
REVOKE INSERT ON audit_log FROM percorsi_app;
GRANT INSERT (actor_user_id, organisation_id, action, subject_type, subject_id, purpose, outcome, details)
  ON audit_log TO percorsi_app;
GRANT USAGE ON SEQUENCE audit_log_seq_seq TO percorsi_app;

-- ---------------------------------------------------------------- the hash
-- Covers the chain position, the row's id and transaction, every field of the row and the previous
-- hash. For rows chained before this migration (id = position, no transaction) the first element is
-- the plain number, so their stored hashes still verify; the encoding stays unambiguous.
-- STABLE, not IMMUTABLE (to_char and the jsonb text are stable): the planner inlines it.
CREATE FUNCTION audit_link_hash(p_chain_seq bigint, p_seq bigint, p_tx xid8, p_at timestamptz, p_actor uuid,
  p_org uuid, p_action text, p_subject_type text, p_subject_id text, p_purpose text, p_outcome text,
  p_details jsonb, p_prev text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    CASE WHEN p_tx IS NULL AND p_seq = p_chain_seq THEN p_chain_seq::text
      ELSE p_chain_seq::text || '/' || coalesce(p_seq::text, '') || '/' || coalesce(p_tx::text, '') END,
    to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor::text, p_org::text, p_action,
    p_subject_type, p_subject_id, p_purpose, p_outcome, p_details, p_prev)::text, 'UTF8')), 'hex')
$$;
DROP FUNCTION audit_row_hash(bigint, timestamptz, uuid, uuid, text, text, text, text, text, jsonb, text);

-- A running fold over rows in chain order: each row's hash from the previous one (the first from
-- p_start). Used as a window aggregate, it chains a whole batch in one statement.
CREATE FUNCTION audit_link_fold_step(p_state text, p_start text, p_chain_seq bigint, p_seq bigint, p_tx xid8,
  p_at timestamptz, p_actor uuid, p_org uuid, p_action text, p_subject_type text, p_subject_id text,
  p_purpose text, p_outcome text, p_details jsonb)
RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN audit_link_hash(p_chain_seq, p_seq, p_tx, p_at, p_actor, p_org, p_action, p_subject_type, p_subject_id,
    p_purpose, p_outcome, p_details, coalesce(p_state, p_start));
END $$;
CREATE AGGREGATE audit_link_fold(text, bigint, bigint, xid8, timestamptz, uuid, uuid, text, text, text, text,
  text, jsonb) (SFUNC = audit_link_fold_step, STYPE = text);

-- ---------------------------------------------------------------- the chainer
-- Chains up to p_limit committed, unchained rows in id order after the head; returns how many, or
-- -1 when another chainer holds the lock (two app nodes: one chains, the other skips).
-- A row whose transaction commits late (a lower id than rows already chained) is still found: the
-- scan starts at the horizon, the oldest transaction that was still running at the last full run.
CREATE FUNCTION audit_chain_step(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_head audit_chain_head%ROWTYPE;
  v_xmin xid8;
  v_n integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7707070) THEN
    RETURN -1;
  END IF;
  -- Taken before the rows are read: every transaction older than v_xmin has ended, so the next
  -- statement sees all of its rows.
  v_xmin := pg_snapshot_xmin(pg_current_snapshot());
  SELECT * INTO STRICT v_head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  WITH batch AS (
    SELECT l.* FROM audit_log l
    WHERE l.tx >= v_head.horizon AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.log_seq = l.seq)
    ORDER BY l.seq LIMIT p_limit
  ), numbered AS (
    SELECT b.*, v_head.chain_seq + row_number() OVER (ORDER BY b.seq) AS chain_seq FROM batch b
  ), hashed AS (
    SELECT n.chain_seq, n.seq, audit_link_fold(v_head.hash, n.chain_seq, n.seq, n.tx, n.occurred_at,
        n.actor_user_id, n.organisation_id, n.action, n.subject_type, n.subject_id, n.purpose, n.outcome, n.details)
        OVER (ORDER BY n.chain_seq ROWS UNBOUNDED PRECEDING) AS hash
    FROM numbered n
  )
  INSERT INTO audit_chain (chain_seq, log_seq, prev_hash, hash)
  SELECT h.chain_seq, h.seq, coalesce(lag(h.hash) OVER (ORDER BY h.chain_seq), v_head.hash), h.hash
  FROM hashed h;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  UPDATE audit_chain_head SET
    chain_seq = v_head.chain_seq + v_n,
    hash = coalesce((SELECT c.hash FROM audit_chain c WHERE c.chain_seq = v_head.chain_seq + v_n AND v_n > 0),
      v_head.hash),
    -- a full batch may have left older rows: the horizon moves only when everything seen was chained
    horizon = CASE WHEN v_n < p_limit THEN v_xmin ELSE v_head.horizon END,
    chained_at = now()
  WHERE id = 1;
  RETURN v_n;
END $$;
REVOKE ALL ON FUNCTION audit_chain_step(integer) FROM PUBLIC;

-- ---------------------------------------------------------------- append-only, no access for the app
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
ALTER TABLE audit_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
