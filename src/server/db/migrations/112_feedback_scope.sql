-- The women's feedback in the observatory (issue 7): feedback_counts() answers each reader exactly
-- the rows app_reads_statistics() gives her in the statistics store (control room everything, a
-- network coordinator her networks' centres, a centre's administrator her centre), and names the
-- network of each centre so the dashboard can count by network. A platform administrator, who
-- reads no statistics, no longer gets counts here either.
DROP FUNCTION feedback_counts(date, date);
CREATE FUNCTION feedback_counts(p_from date, p_to date)
RETURNS TABLE (organisation_id uuid, network_id text, question text, answer text, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.organisation_id, net.network_id, a.question, a.answer, count(*)
  FROM feedback_answers a
  CROSS JOIN LATERAL (
    SELECT min(x.network_id) AS network_id FROM organisation_networks x WHERE x.organisation_id = a.organisation_id
  ) net
  WHERE app_authenticated()
    AND app_reads_statistics(net.network_id, a.organisation_id, NULL)
    AND a.plan_month BETWEEN date_trunc('month', p_from)::date AND p_to
  GROUP BY 1, 2, 3, 4
$$;
ALTER FUNCTION feedback_counts(date, date) OWNER TO percorsi_definer;
REVOKE ALL ON FUNCTION feedback_counts(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION feedback_counts(date, date) TO percorsi_app;
