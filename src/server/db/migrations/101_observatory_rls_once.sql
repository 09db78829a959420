-- The statistics store's row rule, evaluated once per statement instead of once per row (found by
-- bench:observatory: on 100,000 paths the per-row call of app_reads_statistics() — role settings
-- parsed, organisation_networks read — cost about a second per dashboard). The same rule as
-- app_reads_statistics (kept: can-vs-sql.db.test.ts compares it with can()), written with
-- uncorrelated sub-selects, which PostgreSQL runs once (InitPlans).

-- The networks of the actor's organisation (empty without an actor).
CREATE FUNCTION app_org_networks() RETURNS text[] LANGUAGE sql STABLE
  AS $$ SELECT coalesce(array_agg(n.network_id), '{}') FROM organisation_networks n WHERE n.organisation_id = app_org_id() $$;

DROP POLICY stats_paths_read ON stats_paths;
CREATE POLICY stats_paths_read ON stats_paths FOR SELECT TO percorsi_app USING (
  (SELECT app_has_role('control_room_member'))
  OR ((SELECT app_has_role('network_coordinator'))
    AND (network_id = ANY ((SELECT app_org_networks())::text[]) OR centre_id = (SELECT app_org_id())))
  OR ((SELECT app_has_role('org_admin')) AND centre_id = (SELECT app_org_id())));

DROP POLICY stats_referrals_read ON stats_referrals;
CREATE POLICY stats_referrals_read ON stats_referrals FOR SELECT TO percorsi_app USING (
  (SELECT app_has_role('control_room_member'))
  OR ((SELECT app_has_role('network_coordinator'))
    AND (network_id = ANY ((SELECT app_org_networks())::text[]) OR centre_id = (SELECT app_org_id())))
  OR ((SELECT app_has_role('org_admin')) AND (centre_id = (SELECT app_org_id()) OR cpi_id = (SELECT app_org_id()))));

-- Unique women, with the same rule written the same way.
CREATE OR REPLACE FUNCTION stats_unique_women(p_event text, p_from date, p_to date, p_by text, p_network text)
RETURNS TABLE (row_key text, women bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH p AS (
    SELECT s.network_id, s.centre_id, s.cpi_id, coalesce(src.woman_token, 'path:' || s.path_key) AS woman,
      CASE p_event
        WHEN 'contact' THEN coalesce(s.contact_on, s.first_interview_on, s.taken_in_charge_on)
        WHEN 'first_interview' THEN coalesce(s.first_interview_on, s.taken_in_charge_on)
        WHEN 'taken_in_charge' THEN s.taken_in_charge_on
        WHEN 'concluded' THEN s.concluded_on
        WHEN 'abandoned' THEN s.abandoned_on
      END AS on_day
    FROM stats_paths s JOIN stats_path_source src USING (path_key)
    WHERE ((SELECT app_has_role('control_room_member'))
        OR ((SELECT app_has_role('network_coordinator'))
          AND (s.network_id = ANY ((SELECT app_org_networks())::text[]) OR s.centre_id = (SELECT app_org_id())))
        OR ((SELECT app_has_role('org_admin')) AND s.centre_id = (SELECT app_org_id())))
      AND (p_network IS NULL OR s.network_id = p_network)
  )
  SELECT CASE p_by WHEN 'network' THEN network_id WHEN 'centre' THEN centre_id::text WHEN 'cpi' THEN cpi_id::text ELSE 'all' END,
    count(DISTINCT woman)
  FROM p WHERE on_day BETWEEN p_from AND p_to
  GROUP BY 1
$$;
