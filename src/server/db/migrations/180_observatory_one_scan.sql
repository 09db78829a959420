-- The observatory's performance (issue 7, bench:observatory on 100,000 paths and 400,000
-- referrals): a dashboard reads the paths with an event in its period, by that event date's index,
-- instead of every path (queries.ts: the candidates of a count are the rows meeting one of its
-- measures); unique women per unit and over all units in one scan instead of two. The catch-up
-- writes facts in time order, so a period's rows sit together on disk.
--
-- The same rows as stats_unique_women() (migration 101, kept: its tests compare the two): the row
-- rule written with uncorrelated sub-selects (evaluated once per statement), the same event dates,
-- the same token or 'path:<key>' for a woman without one. Returns counts only: per unit
-- (is_total false; row_key the unit, NULL for paths without one) and over all (is_total true).

CREATE INDEX stats_paths_contact_day_idx ON stats_paths ((coalesce(contact_on, first_interview_on, taken_in_charge_on)));
CREATE INDEX stats_paths_first_interview_day_idx ON stats_paths ((coalesce(first_interview_on, taken_in_charge_on)));
CREATE INDEX stats_paths_taken_idx ON stats_paths (taken_in_charge_on);
CREATE INDEX stats_paths_contact_idx ON stats_paths (contact_on);
-- the other event dates are often empty: partial indexes (a date in a period is not null)
DO $$
DECLARE col text;
BEGIN
  FOREACH col IN ARRAY ARRAY['first_interview_on', 'eligible_on', 'needs_on', 'plan_agreed_on', 'concluded_on',
    'abandoned_on', 'orientation_on', 'training_started_on', 'training_completed_on', 'traineeship_on', 'hired_on',
    'retained_3_on', 'retained_6_on', 'retained_12_on', 'housing_offered_on', 'housing_reached_on'] LOOP
    EXECUTE format('CREATE INDEX %I ON stats_paths (%I) WHERE %I IS NOT NULL', 'stats_paths_' || col || '_idx', col, col);
  END LOOP;
END $$;

CREATE FUNCTION stats_unique_women_sets(p_event text, p_from date, p_to date, p_by text, p_network text)
RETURNS TABLE (row_key text, is_total boolean, women bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  -- fixed expressions, chosen by name: nothing of the caller's text reaches the statement
  day text := CASE p_event
    WHEN 'contact' THEN 'coalesce(s.contact_on, s.first_interview_on, s.taken_in_charge_on)'
    WHEN 'first_interview' THEN 'coalesce(s.first_interview_on, s.taken_in_charge_on)'
    WHEN 'taken_in_charge' THEN 's.taken_in_charge_on'
    WHEN 'concluded' THEN 's.concluded_on'
    WHEN 'abandoned' THEN 's.abandoned_on' END;
  unit text := CASE p_by
    WHEN 'network' THEN 's.network_id' WHEN 'centre' THEN 's.centre_id::text' WHEN 'cpi' THEN 's.cpi_id::text'
    ELSE '''all''' END;
BEGIN
  IF day IS NULL THEN
    RAISE EXCEPTION 'unknown event' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- EXECUTE: planned with the period's dates, so the event's index is used
  RETURN QUERY EXECUTE format($q$
    SELECT u, grouping(u) = 1, count(DISTINCT coalesce(src.woman_token, 'path:' || s.path_key))
    FROM stats_paths s JOIN stats_path_source src USING (path_key)
    CROSS JOIN LATERAL (SELECT %2$s AS u) x
    WHERE %1$s BETWEEN $1 AND $2
      AND ((SELECT app_has_role('control_room_member'))
        OR ((SELECT app_has_role('network_coordinator'))
          AND (s.network_id = ANY ((SELECT app_org_networks())::text[]) OR s.centre_id = (SELECT app_org_id())))
        OR ((SELECT app_has_role('org_admin')) AND s.centre_id = (SELECT app_org_id())))
      AND ($3::text IS NULL OR s.network_id = $3::text)
    GROUP BY GROUPING SETS ((u), ())$q$, day, unit)
  USING p_from, p_to, p_network;
END $$;
ALTER FUNCTION stats_unique_women_sets(text, date, date, text, text) OWNER TO percorsi_definer;
REVOKE ALL ON FUNCTION stats_unique_women_sets(text, date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats_unique_women_sets(text, date, date, text, text) TO percorsi_app;
