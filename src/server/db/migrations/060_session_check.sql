-- The session check in one statement (issue 13: it was four round trips per request).
-- auth_session_check finds the session behind a cookie's hash, refuses the wrong stage, deletes
-- a session past its idle or absolute limit or of a disabled user, touches last_seen_at at most
-- once a minute, and sets the transaction's actor (app.user_id, app.org_id, app.roles: the same
-- settings setActor writes) before returning. It returns the outcome and the actor, never a
-- secret other than the session's own CSRF token, which the caller already holds in its cookie
-- pair. Owned by the NOLOGIN definer role, with grants on just what it reads and writes.
CREATE FUNCTION auth_session_check(p_id_hash text, p_stage text, p_idle_minutes integer)
RETURNS TABLE (status text, user_id uuid, organisation_id uuid, roles text[], csrf_token text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s record;
BEGIN
  SELECT se.user_id, se.organisation_id, se.stage, se.csrf_token, u.disabled_at,
    se.expires_at < now()
      OR (se.stage = 'full' AND se.last_seen_at < now() - make_interval(mins => p_idle_minutes)) AS expired,
    se.last_seen_at < now() - interval '1 minute' AS stale,
    coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = se.user_id),
      '{}'::text[]) AS roles
  INTO s
  FROM sessions se JOIN users u ON u.id = se.user_id
  WHERE se.id_hash = p_id_hash;
  IF NOT FOUND OR s.stage <> p_stage THEN
    RETURN QUERY SELECT 'missing'::text, NULL::uuid, NULL::uuid, NULL::text[], NULL::text;
    RETURN;
  END IF;
  IF s.expired OR s.disabled_at IS NOT NULL THEN
    DELETE FROM sessions WHERE id_hash = p_id_hash;
    RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::uuid, NULL::text[], NULL::text;
    RETURN;
  END IF;
  IF s.stale THEN
    UPDATE sessions SET last_seen_at = now() WHERE id_hash = p_id_hash;
  END IF;
  PERFORM set_config('app.user_id', s.user_id::text, true),
    set_config('app.org_id', s.organisation_id::text, true),
    set_config('app.roles', array_to_string(s.roles, ','), true);
  RETURN QUERY SELECT 'ok'::text, s.user_id, s.organisation_id, s.roles, s.csrf_token;
END $$;
ALTER FUNCTION auth_session_check(text, text, integer) OWNER TO percorsi_definer;
GRANT SELECT (id_hash, user_id, organisation_id, stage, csrf_token, last_seen_at, expires_at) ON sessions
  TO percorsi_definer;
GRANT UPDATE (last_seen_at), DELETE ON sessions TO percorsi_definer;
GRANT SELECT (id, disabled_at) ON users TO percorsi_definer;
CREATE POLICY session_check_update ON sessions FOR UPDATE TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY session_check_delete ON sessions FOR DELETE TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION auth_session_check(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_session_check(text, text, integer) TO percorsi_app;
