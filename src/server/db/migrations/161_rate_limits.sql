-- Rate-limit counters shared by every app node on PostgreSQL (issue 11, item 7; http/rate-limit.ts).
-- One row per bucket: a fixed window and its count. The key is a SHA-256 of what the bucket counts
-- (a user id, a client address, a username), never the address or the name itself.
CREATE TABLE rate_limit_hits (
  key text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'),
  window_start timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits > 0)
);
CREATE INDEX rate_limit_hits_window_idx ON rate_limit_hits (window_start);
ALTER TABLE rate_limit_hits ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_hits FORCE ROW LEVEL SECURITY;

-- Counts one hit in the bucket and answers the count and the milliseconds left in its window, in
-- one statement. percorsi_app may only call it; it reads and writes nothing else.
CREATE FUNCTION rate_limit_hit(p_key text, p_window_ms integer)
RETURNS TABLE (hits integer, ttl_ms integer)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO rate_limit_hits AS h (key, window_start, hits) VALUES (p_key, clock_timestamp(), 1)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN h.window_start <= clock_timestamp() - make_interval(secs => p_window_ms / 1000.0)
      THEN 1 ELSE h.hits + 1 END,
    window_start = CASE WHEN h.window_start <= clock_timestamp() - make_interval(secs => p_window_ms / 1000.0)
      THEN clock_timestamp() ELSE h.window_start END
  RETURNING h.hits,
    greatest(0, ceil(extract(epoch FROM (h.window_start + make_interval(secs => p_window_ms / 1000.0)
      - clock_timestamp())) * 1000))::integer
$$;
ALTER FUNCTION rate_limit_hit(text, integer) OWNER TO percorsi_definer;
GRANT SELECT, INSERT, UPDATE ON rate_limit_hits TO percorsi_definer;
CREATE POLICY rate_limit_definer_read ON rate_limit_hits FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY rate_limit_definer_insert ON rate_limit_hits FOR INSERT TO percorsi_definer WITH CHECK (true);
CREATE POLICY rate_limit_definer_update ON rate_limit_hits FOR UPDATE TO percorsi_definer USING (true) WITH CHECK (true);
REVOKE ALL ON FUNCTION rate_limit_hit(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rate_limit_hit(text, integer) TO percorsi_app;
