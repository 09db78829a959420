-- The course title of an outcome and of a partner's report is free text an operator types (the
-- course she took may name a place or a person), so it is sealed at rest like the plan's text
-- (migration 170, issue 11 item 6): it leaves `details` (codes, numbers, booleans only from now on)
-- for a sealed column. An outcome's under the centre's data key (cases/case-text.ts, field
-- 'outcome.course_title'), a report's under its referral's key, like the referral's messages
-- (referrals/pseudonym.ts). As in 170, the CHECKs are NOT VALID: `db/seal-free-text.ts` seals the
-- rows written before this migration at start, with the master key, then validates them.
ALTER TABLE outcomes ADD COLUMN course_title_sealed text;
ALTER TABLE outcomes ADD CONSTRAINT outcomes_details_sealed CHECK (NOT details ? 'courseTitle') NOT VALID;
ALTER TABLE referral_reports ADD COLUMN course_title_sealed text;
ALTER TABLE referral_reports ADD CONSTRAINT referral_reports_details_sealed CHECK (NOT details ? 'courseTitle') NOT VALID;

-- A recipient's outcome report flows back into the centre's case (007's referral_report_outcome),
-- and its course title must be sealed under the centre's data key, which the recipient's request
-- cannot read (organisation_keys: own_key). This function hands the server the sending centre's key,
-- still wrapped by the master key, only for a referral the caller may report on (the recipient of an
-- open, accepted referral: the same test as referral_report_outcome).
CREATE FUNCTION referral_sender_key(p_referral uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.wrapped_key FROM referrals r JOIN organisation_keys k ON k.organisation_id = r.organisation_id
  WHERE r.id = p_referral AND app_works_referrals(r.recipient_organisation_id)
    AND r.status IN ('accepted', 'in_progress')
    AND referral_access_open(r.status, r.access_ended_at, r.access_until, r.expires_on)
$$;
ALTER FUNCTION referral_sender_key(uuid) OWNER TO percorsi_definer;
GRANT SELECT (organisation_id, wrapped_key) ON organisation_keys TO percorsi_definer;
CREATE POLICY definer_sender_key ON organisation_keys FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION referral_sender_key(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_sender_key(uuid) TO percorsi_app;

-- the flow back now carries the sealed course title beside the details
DROP FUNCTION referral_report_outcome(uuid, text, date, jsonb);
CREATE FUNCTION referral_report_outcome(p_referral uuid, p_kind text, p_on date, p_details jsonb,
  p_course_title_sealed text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r record; v_outcome uuid; m integer;
BEGIN
  SELECT id, case_id, organisation_id INTO r FROM referrals
    WHERE id = p_referral AND app_works_referrals(recipient_organisation_id)
      AND status IN ('accepted', 'in_progress')
      AND referral_access_open(status, access_ended_at, access_until, expires_on);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_kind NOT IN ('course_completed', 'traineeship_started', 'hired') THEN
    RAISE EXCEPTION 'not an outcome' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO outcomes (case_id, organisation_id, kind, occurred_on, details, course_title_sealed,
      reported_by_organisation_id, recorded_by)
    VALUES (r.case_id, r.organisation_id, p_kind, p_on, p_details, p_course_title_sealed, app_org_id(), app_user_id())
    RETURNING id INTO v_outcome;
  IF p_kind = 'hired' THEN
    FOREACH m IN ARRAY ARRAY[3, 6, 12] LOOP
      INSERT INTO follow_ups (case_id, organisation_id, outcome_id, months, due_on)
        VALUES (r.case_id, r.organisation_id, v_outcome, m, (p_on + make_interval(months => m))::date);
    END LOOP;
  END IF;
  RETURN v_outcome;
END $$;
ALTER FUNCTION referral_report_outcome(uuid, text, date, jsonb, text) OWNER TO percorsi_definer;
REVOKE ALL ON FUNCTION referral_report_outcome(uuid, text, date, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_report_outcome(uuid, text, date, jsonb, text) TO percorsi_app;
