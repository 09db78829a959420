-- The observatory's statistics store (issue 7): coarse, pseudonymous facts about paths and
-- referrals, fed from the domain tables by a catch-up job (observatory/catch-up.ts), read by the
-- observatory's API through the suppression module.
--
-- What the roles that read statistics (percorsi_app with network_coordinator, control_room_member,
-- or org_admin of a centre or CPI) can read: stats_paths and stats_referrals, rows of their scope
-- only, coarse codes and dates. What they cannot read: the source keys (case id, referral id) and
-- the linkage token, which live in stats_path_source / stats_referral_source (no grant, no policy
-- for percorsi_app), and the change log. Unique-women counts go through stats_unique_women(),
-- which returns counts only.

-- ---------------------------------------------------------------- change log and high-water mark
-- Every change to a case, its identity, needs, plan, outcomes, follow-ups or referrals notes the
-- case id here in the same transaction (statement triggers below). The catch-up job reads the
-- rows written by transactions at or after its last horizon (pg_snapshot_xmin of its previous
-- run: every transaction below it had finished), recomputes those cases' facts, moves the horizon
-- and prunes what is behind it. Recomputing a case twice is harmless.
CREATE TABLE stats_changes (
  case_id uuid NOT NULL,
  tx xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX stats_changes_tx_idx ON stats_changes (tx);

CREATE TABLE stats_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  horizon xid8 NOT NULL DEFAULT '0'::xid8,
  last_run_at timestamptz,
  last_cases integer NOT NULL DEFAULT 0
);
INSERT INTO stats_state DEFAULT VALUES;

-- ---------------------------------------------------------------- source keys (never readable by statistics roles)
CREATE TABLE stats_path_source (
  path_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL UNIQUE,
  -- HMAC-SHA-256 of her normalised identity under the platform linkage key (observatory/linkage.ts);
  -- NULL while she is anonymous: then the path counts as one woman.
  woman_token text CHECK (woman_token ~ '^[0-9a-f]{64}$')
);
CREATE INDEX stats_path_source_token_idx ON stats_path_source (woman_token) WHERE woman_token IS NOT NULL;

CREATE TABLE stats_referral_source (
  referral_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL UNIQUE,
  case_id uuid NOT NULL
);
CREATE INDEX stats_referral_source_case_idx ON stats_referral_source (case_id);

-- ---------------------------------------------------------------- facts
-- One row per path (a case at a centre). Codes and dates only.
CREATE TABLE stats_paths (
  path_key bigint PRIMARY KEY,
  network_id text,
  centre_id uuid NOT NULL,
  -- the employment centre of her first referral to a CPI, if any
  cpi_id uuid,
  -- the network of the municipality she lives in (municipality → network), not the municipality
  home_network_id text,
  age_band text NOT NULL CHECK (age_band IN ('up_to_29', '30_39', '40_49', '50_59', '60_69', '70_plus', 'unknown')),
  citizenship text NOT NULL CHECK (citizenship IN ('italian', 'eu', 'non_eu', 'unknown')),
  children text NOT NULL CHECK (children IN ('none', 'one', 'two', 'three_plus', 'unknown')),
  work_status text NOT NULL,
  education text NOT NULL,
  violence_types text[] NOT NULL DEFAULT '{}',
  author_relationships text[] NOT NULL DEFAULT '{}',
  contact_on date,
  first_interview_on date,
  taken_in_charge_on date NOT NULL,
  eligible_on date,
  needs_on date,
  plan_agreed_on date,
  concluded_on date,
  abandoned_on date,
  orientation_on date,
  training_started_on date,
  training_completed_on date,
  traineeship_on date,
  hired_on date,
  hire_contract text,
  retained_3_on date,
  retained_6_on date,
  retained_12_on date,
  housing_offered_on date,
  housing_reached_on date
);
CREATE INDEX stats_paths_network_idx ON stats_paths (network_id, taken_in_charge_on);
CREATE INDEX stats_paths_centre_idx ON stats_paths (centre_id, taken_in_charge_on);

-- One row per referral.
CREATE TABLE stats_referrals (
  referral_key bigint PRIMARY KEY,
  network_id text,
  centre_id uuid NOT NULL,
  recipient_id uuid NOT NULL,
  recipient_type text NOT NULL,
  -- the recipient when it is an employment centre (CPI breakdown)
  cpi_id uuid,
  purpose text NOT NULL,
  status text NOT NULL,
  sent_on date NOT NULL,
  acknowledged_on date,
  accepted_on date,
  declined_on date,
  decline_reason text,
  first_appointment_on date,
  ack_due_on date NOT NULL,
  appointment_due_on date NOT NULL,
  expires_on date NOT NULL,
  completed_on date,
  access_ended boolean NOT NULL DEFAULT false
);
CREATE INDEX stats_referrals_sent_idx ON stats_referrals (sent_on);
CREATE INDEX stats_referrals_network_idx ON stats_referrals (network_id, sent_on);

-- ---------------------------------------------------------------- who reads statistics
-- Decided with the row: control room everything; a network coordinator her networks' rows (and
-- her own organisation's, never a centre); an organisation administrator her centre's rows, or,
-- for referrals, her CPI's (p_cpi). can(): 'observatory.read' (src/shared/can.ts).
CREATE FUNCTION app_reads_statistics(p_network text, p_centre uuid, p_cpi uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT app_has_role('control_room_member')
    OR (app_has_role('network_coordinator') AND (p_centre = app_org_id() OR p_network IN (
      SELECT n.network_id FROM organisation_networks n WHERE n.organisation_id = app_org_id())))
    OR (app_has_role('org_admin') AND (p_centre = app_org_id() OR p_cpi = app_org_id())) $$;

ALTER TABLE stats_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_changes FORCE ROW LEVEL SECURITY;
ALTER TABLE stats_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_state FORCE ROW LEVEL SECURITY;
ALTER TABLE stats_path_source ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_path_source FORCE ROW LEVEL SECURITY;
ALTER TABLE stats_referral_source ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_referral_source FORCE ROW LEVEL SECURITY;
ALTER TABLE stats_paths ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_paths FORCE ROW LEVEL SECURITY;
ALTER TABLE stats_referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_referrals FORCE ROW LEVEL SECURITY;

-- Paths: a CPI's administrator does not read paths (only referral indicators): p_cpi NULL.
CREATE POLICY stats_paths_read ON stats_paths FOR SELECT TO percorsi_app
  USING (app_reads_statistics(network_id, centre_id, NULL));
CREATE POLICY stats_referrals_read ON stats_referrals FOR SELECT TO percorsi_app
  USING (app_reads_statistics(network_id, centre_id, cpi_id));
GRANT SELECT ON stats_paths, stats_referrals TO percorsi_app;
-- stats_changes, stats_state, stats_path_source, stats_referral_source: no grant, no policy for
-- percorsi_app. The catch-up runs on the owner connection.

-- ---------------------------------------------------------------- noting changes (same transaction)
CREATE FUNCTION stats_note_cases() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO stats_changes (case_id) SELECT DISTINCT id FROM changed;
  RETURN NULL;
END $$;
CREATE FUNCTION stats_note_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO stats_changes (case_id) SELECT DISTINCT case_id FROM changed;
  RETURN NULL;
END $$;
ALTER FUNCTION stats_note_cases() OWNER TO percorsi_definer;
ALTER FUNCTION stats_note_rows() OWNER TO percorsi_definer;
REVOKE ALL ON FUNCTION stats_note_cases() FROM PUBLIC;
REVOKE ALL ON FUNCTION stats_note_rows() FROM PUBLIC;
GRANT INSERT ON stats_changes TO percorsi_definer;
CREATE POLICY stats_changes_note ON stats_changes FOR INSERT TO percorsi_definer WITH CHECK (true);

CREATE TRIGGER stats_cases_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION stats_note_cases();
CREATE TRIGGER stats_cases_upd AFTER UPDATE ON cases REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION stats_note_cases();
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['needs_assessments', 'plan_versions', 'plan_actions', 'outcomes', 'follow_ups', 'referrals'] LOOP
    EXECUTE format('CREATE TRIGGER stats_%1$s_ins AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION stats_note_rows()', t);
    EXECUTE format('CREATE TRIGGER stats_%1$s_upd AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION stats_note_rows()', t);
    EXECUTE format('CREATE TRIGGER stats_%1$s_del AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION stats_note_rows()', t);
  END LOOP;
END $$;

-- ---------------------------------------------------------------- the linkage token
-- Written by the centre's use case when her identity is stored or changed (cases/identity.ts):
-- the token is computed in the application under the platform linkage key and kept only here.
CREATE FUNCTION stats_put_linkage(p_case uuid, p_token text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND app_works_cases(c.organisation_id)) THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO stats_path_source (case_id, woman_token) VALUES (p_case, p_token)
    ON CONFLICT (case_id) DO UPDATE SET woman_token = EXCLUDED.woman_token;
  INSERT INTO stats_changes (case_id) VALUES (p_case);
END $$;
ALTER FUNCTION stats_put_linkage(uuid, text) OWNER TO percorsi_definer;
GRANT SELECT, INSERT, UPDATE (woman_token) ON stats_path_source TO percorsi_definer;
CREATE POLICY stats_path_source_definer ON stats_path_source FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
GRANT SELECT (id, organisation_id) ON cases TO percorsi_definer;
CREATE POLICY stats_linkage_definer ON cases FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION stats_put_linkage(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats_put_linkage(uuid, text) TO percorsi_app;

-- ---------------------------------------------------------------- unique women (counts only)
-- Women with a path event of `p_event` in [p_from, p_to], per row of the breakdown, among the
-- paths the caller may read: one woman at two centres counts once (same token). Paths without a
-- token (anonymous women) count one each. Returns counts, never a token.
CREATE FUNCTION stats_unique_women(p_event text, p_from date, p_to date, p_by text, p_network text)
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
    WHERE app_reads_statistics(s.network_id, s.centre_id, NULL)
      AND (p_network IS NULL OR s.network_id = p_network)
  )
  SELECT CASE p_by WHEN 'network' THEN network_id WHEN 'centre' THEN centre_id::text WHEN 'cpi' THEN cpi_id::text ELSE 'all' END,
    count(DISTINCT woman)
  FROM p WHERE on_day BETWEEN p_from AND p_to
  GROUP BY 1
$$;
ALTER FUNCTION stats_unique_women(text, date, date, text, text) OWNER TO percorsi_definer;
GRANT SELECT ON stats_paths TO percorsi_definer;
CREATE POLICY stats_paths_definer ON stats_paths FOR SELECT TO percorsi_definer USING (true);
GRANT SELECT (organisation_id, network_id) ON organisation_networks TO percorsi_definer;
REVOKE ALL ON FUNCTION stats_unique_women(text, date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stats_unique_women(text, date, date, text, text) TO percorsi_app;

-- Existing data: every case is noted once, so the first catch-up builds the store.
INSERT INTO stats_changes (case_id) SELECT id FROM cases;
