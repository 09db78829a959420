-- The woman's path, held by one anti-violence centre (or shelter operator): case, encrypted
-- identity, non-identifying profile, consent, needs analysis, plan, outcomes and follow-ups.
-- Every table carries organisation_id = the holding centre, and RLS keeps it there.

-- Who at a centre may see its cases: operators work on them, the DPO answers for them.
CREATE FUNCTION app_sees_cases(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_org = app_org_id() AND (app_has_role('centre_operator') OR app_has_role('dpo')) $$;
CREATE FUNCTION app_works_cases(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_org = app_org_id() AND app_has_role('centre_operator') $$;

-- Programmes with an eligibility window, e.g. the regional programme: in charge now, or closed
-- no more than `window_days` days ago.
CREATE TABLE programmes (
  code text PRIMARY KEY,
  name text NOT NULL,
  window_days integer NOT NULL CHECK (window_days BETWEEN 0 AND 3650)
);
INSERT INTO programmes VALUES
  ('lombardia-autonomia', 'Programma regionale per l''autonomia abitativa e lavorativa (Regione Lombardia)', 182);

-- A per-organisation data key, wrapped (AES-256-GCM) by the master key from configuration.
CREATE TABLE organisation_keys (
  organisation_id uuid PRIMARY KEY REFERENCES organisations,
  wrapped_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Case codes: network, year, sequence. Incremented only through next_case_code().
CREATE TABLE case_sequences (
  prefix text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (prefix, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations,
  code text NOT NULL UNIQUE,
  network_id text REFERENCES networks,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  first_contact_on date,
  intake_on date,
  taken_in_charge_on date NOT NULL,
  closed_on date,
  closure_outcome text CHECK (closure_outcome IN ('goals_reached', 'dropped_out', 'sent_to_local_services', 'moved_away', 'other')),
  -- non-identifying profile (ISTAT variables)
  age_band text CHECK (age_band IN ('under_18', '18_29', '30_39', '40_49', '50_59', '60_69', '70_plus')),
  citizenship text CHECK (citizenship IN ('italian', 'eu', 'non_eu')),
  residence_code text REFERENCES municipalities,
  education text CHECK (education IN ('none', 'primary', 'lower_secondary', 'upper_secondary', 'tertiary', 'unknown')),
  employment text CHECK (employment IN ('employed', 'unemployed', 'student', 'homemaker', 'retired', 'other', 'unknown')),
  children_count integer CHECK (children_count BETWEEN 0 AND 30),
  minor_children_count integer CHECK (minor_children_count BETWEEN 0 AND 30),
  children_witnessed boolean,
  violence_types text[] NOT NULL DEFAULT '{}',
  author_relationships text[] NOT NULL DEFAULT '{}',
  referral_source text,
  risk_tool text CHECK (risk_tool IN ('sara', 'isa', 'other')),
  risk_level text CHECK (risk_level IN ('low', 'medium', 'high')),
  risk_assessed_on date,
  -- safe-contact preferences: {channels:[…], windows:[{days,from,to}], noVoicemail, onlyThroughCentre}
  safe_contact jsonb NOT NULL DEFAULT '{"channels": [], "windows": [], "noVoicemail": true, "onlyThroughCentre": true}',
  -- the code word is a safety secret: sealed with the organisation's data key
  code_word_sealed text,
  programme_code text REFERENCES programmes DEFAULT 'lombardia-autonomia',
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (closed_on IS NULL OR closed_on >= taken_in_charge_on),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK (minor_children_count IS NULL OR children_count IS NULL OR minor_children_count <= children_count)
);
CREATE INDEX cases_org_status_idx ON cases (organisation_id, status, taken_in_charge_on DESC);
CREATE INDEX cases_org_closed_idx ON cases (organisation_id, closed_on) WHERE closed_on IS NOT NULL;

-- Her identity, sealed in the application (AES-256-GCM, the organisation's data key, the case id
-- as associated data). Exact search through keyed blind indexes (HMAC-SHA-256).
CREATE TABLE case_identities (
  case_id uuid PRIMARY KEY REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  sealed text NOT NULL,
  surname_index text,
  tax_code_index text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX case_identities_surname_idx ON case_identities (organisation_id, surname_index);
CREATE INDEX case_identities_tax_code_idx ON case_identities (organisation_id, tax_code_index);

CREATE TABLE case_team (
  case_id uuid NOT NULL REFERENCES cases,
  user_id uuid NOT NULL REFERENCES users,
  organisation_id uuid NOT NULL REFERENCES organisations,
  role_in_case text NOT NULL DEFAULT 'operator' CHECK (role_in_case IN ('lead', 'operator')),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user_idx ON case_team (user_id);

CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  purpose text NOT NULL CHECK (purpose IN ('service', 'sharing', 'statistics', 'contact_by_other_body')),
  -- for sharing / contact: a named organisation or a type of organisation, and why
  recipient_organisation_id uuid REFERENCES organisations,
  recipient_type text,
  sharing_purpose text CHECK (sharing_purpose IN ('work_orientation', 'training', 'housing', 'social_support', 'health', 'legal')),
  includes_identity boolean NOT NULL DEFAULT false,
  decision text NOT NULL CHECK (decision IN ('granted', 'refused')),
  text_version text NOT NULL,
  method text NOT NULL CHECK (method IN ('signed_form', 'verbal_with_witness')),
  witness_user_id uuid REFERENCES users,
  given_on date NOT NULL,
  expires_on date,
  revoked_on date,
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR expires_on >= given_on),
  CHECK (revoked_on IS NULL OR revoked_on >= given_on),
  CHECK (method <> 'verbal_with_witness' OR witness_user_id IS NOT NULL)
);
CREATE INDEX consents_case_idx ON consents (case_id);

CREATE TABLE needs_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  questionnaire_version text NOT NULL,
  assessed_on date NOT NULL,
  answers jsonb NOT NULL,
  -- computed: {domain: {level: 'none'|'low'|'medium'|'high', reasons: [codes]}}
  profile jsonb NOT NULL,
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX needs_assessments_case_idx ON needs_assessments (case_id, assessed_on);

-- Catalogue of plan actions; organisation_id NULL = shared by everyone, else added by a centre.
CREATE TABLE action_catalogue (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+$'),
  organisation_id uuid REFERENCES organisations,
  domain text NOT NULL,
  label_it text NOT NULL,
  label_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The shared action catalogue.
INSERT INTO action_catalogue (code, domain, label_it, label_en) VALUES
  ('orientation_interview', 'work', 'Colloquio di orientamento', 'Orientation interview'),
  ('cpi_registration', 'work', 'Iscrizione al CPI e patto di servizio', 'CPI registration and service agreement'),
  ('gol_pathway', 'work', 'Percorso GOL', 'GOL pathway'),
  ('course_enrolment', 'training', 'Iscrizione a un corso', 'Course enrolment'),
  ('traineeship', 'work', 'Tirocinio extracurriculare', 'Traineeship'),
  ('job_search_support', 'work', 'Supporto alla ricerca di lavoro', 'Job search support'),
  ('social_housing_application', 'housing', 'Domanda di alloggio sociale (SAP)', 'Social housing application'),
  ('rent_support', 'housing', 'Contributo per l''affitto', 'Rent support'),
  ('freedom_income_application', 'economic_autonomy', 'Domanda di Reddito di Libertà', 'Freedom income (Reddito di Libertà) application'),
  ('bank_account', 'economic_autonomy', 'Apertura di un conto corrente', 'Opening a bank account'),
  ('financial_literacy', 'economic_autonomy', 'Educazione finanziaria', 'Financial literacy'),
  ('childcare_place', 'childcare', 'Posto al nido o servizi per l''infanzia', 'Childcare place'),
  ('legal_aid', 'legal', 'Consulenza e patrocinio legale', 'Legal aid'),
  ('violence_leave', 'work', 'Congedo per vittime di violenza (art. 24 d.lgs. 80/2015)', 'Leave for victims of violence (art. 24 d.lgs. 80/2015)');

-- One plan per case; every change bumps `version` and stores a snapshot in plan_versions.
CREATE TABLE plans (
  case_id uuid PRIMARY KEY REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  version integer NOT NULL DEFAULT 1,
  second_language text CHECK (second_language IN ('en', 'fr', 'es', 'ar', 'uk')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plan_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  domain text NOT NULL CHECK (domain IN ('work', 'training', 'housing', 'economic_autonomy', 'childcare', 'legal', 'wellbeing')),
  title text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reached', 'dropped')),
  target_on date,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_goals_case_idx ON plan_goals (case_id);

CREATE TABLE plan_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  goal_id uuid NOT NULL REFERENCES plan_goals ON DELETE CASCADE,
  catalogue_code text NOT NULL REFERENCES action_catalogue,
  responsible_organisation_id uuid REFERENCES organisations,
  operator_user_id uuid REFERENCES users,
  starts_on date,
  due_on date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  notes text,
  CHECK (due_on IS NULL OR starts_on IS NULL OR due_on >= starts_on)
);
CREATE INDEX plan_actions_case_idx ON plan_actions (case_id);
CREATE INDEX plan_actions_due_idx ON plan_actions (organisation_id, due_on) WHERE status IN ('planned', 'in_progress');

CREATE TABLE plan_versions (
  case_id uuid NOT NULL REFERENCES cases,
  version integer NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations,
  snapshot jsonb NOT NULL,
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  agreed_on date,
  agreement_method text CHECK (agreement_method IN ('signed', 'verbal')),
  PRIMARY KEY (case_id, version)
);

CREATE TABLE plan_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  reviewed_on date NOT NULL,
  summary text NOT NULL,
  plan_version integer NOT NULL,
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_reviews_case_idx ON plan_reviews (case_id);

CREATE TABLE outcomes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  kind text NOT NULL CHECK (kind IN ('course_completed', 'traineeship_started', 'traineeship_ended', 'hired',
    'job_lost', 'housing_reached', 'freedom_income_granted', 'leave_used')),
  occurred_on date NOT NULL,
  -- hired: {contractType, weeklyHours, sector}; housing_reached: {housingType}; course: {certificate}
  details jsonb NOT NULL DEFAULT '{}',
  reported_by_organisation_id uuid REFERENCES organisations,
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outcomes_case_idx ON outcomes (case_id);

CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  outcome_id uuid NOT NULL REFERENCES outcomes,
  months integer NOT NULL CHECK (months IN (3, 6, 12)),
  due_on date NOT NULL,
  done_on date,
  still_working boolean,
  -- {contractType, weeklyHours, sameEmployer}
  details jsonb NOT NULL DEFAULT '{}',
  recorded_by uuid,
  UNIQUE (outcome_id, months)
);
CREATE INDEX follow_ups_due_idx ON follow_ups (organisation_id, due_on) WHERE done_on IS NULL;

-- What was done on a case and by whom: the case timeline. Codes and ids only.
CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases,
  organisation_id uuid NOT NULL REFERENCES organisations,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  kind text NOT NULL,
  ref_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

-- ---------------------------------------------------------------- case codes
CREATE FUNCTION next_case_code(p_prefix text, p_year integer) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  IF NOT (app_has_role('centre_operator')) THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO case_sequences AS s (prefix, year, last) VALUES (p_prefix, p_year, 1)
  ON CONFLICT (prefix, year) DO UPDATE SET last = s.last + 1
  RETURNING last INTO n;
  RETURN p_prefix || '-' || p_year || '-' || lpad(n::text, 5, '0');
END $$;
ALTER FUNCTION next_case_code(text, integer) OWNER TO percorsi_definer;
GRANT SELECT, INSERT, UPDATE ON case_sequences TO percorsi_definer;
REVOKE ALL ON FUNCTION next_case_code(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_case_code(text, integer) TO percorsi_app;

-- ---------------------------------------------------------------- row-level security
ALTER TABLE programmes ENABLE ROW LEVEL SECURITY;
ALTER TABLE programmes FORCE ROW LEVEL SECURITY;
ALTER TABLE organisation_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_keys FORCE ROW LEVEL SECURITY;
ALTER TABLE case_sequences ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_sequences FORCE ROW LEVEL SECURITY;
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
ALTER TABLE case_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_identities FORCE ROW LEVEL SECURITY;
ALTER TABLE case_team ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_team FORCE ROW LEVEL SECURITY;
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE consents FORCE ROW LEVEL SECURITY;
ALTER TABLE needs_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE needs_assessments FORCE ROW LEVEL SECURITY;
ALTER TABLE action_catalogue ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_catalogue FORCE ROW LEVEL SECURITY;
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE plans FORCE ROW LEVEL SECURITY;
ALTER TABLE plan_goals ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_goals FORCE ROW LEVEL SECURITY;
ALTER TABLE plan_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_actions FORCE ROW LEVEL SECURITY;
ALTER TABLE plan_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_versions FORCE ROW LEVEL SECURITY;
ALTER TABLE plan_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_reviews FORCE ROW LEVEL SECURITY;
ALTER TABLE outcomes ENABLE ROW LEVEL SECURITY;
ALTER TABLE outcomes FORCE ROW LEVEL SECURITY;
ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_ups FORCE ROW LEVEL SECURITY;
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_events FORCE ROW LEVEL SECURITY;

CREATE POLICY read_signed_in ON programmes FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY definer_sequences ON case_sequences FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY own_key ON organisation_keys FOR ALL TO percorsi_app
  USING (app_sees_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY catalogue_read ON action_catalogue FOR SELECT TO percorsi_app
  USING (app_authenticated() AND (organisation_id IS NULL OR organisation_id = app_org_id()));
CREATE POLICY catalogue_extend ON action_catalogue FOR INSERT TO percorsi_app
  WITH CHECK (app_works_cases(organisation_id));

-- Case data: seen by the centre's operators and DPO, written by its operators only.
CREATE POLICY case_read ON cases FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_write ON cases FOR INSERT TO percorsi_app WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_update ON cases FOR UPDATE TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));

-- Identity: only operators on the case team (and the DPO, for data-subject requests).
CREATE FUNCTION app_on_team(p_case uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = p_case AND t.user_id = app_user_id()) $$;
CREATE POLICY identity_read ON case_identities FOR SELECT TO percorsi_app
  USING (app_sees_cases(organisation_id) AND (app_has_role('dpo') OR app_on_team(case_id)));
CREATE POLICY identity_write ON case_identities FOR INSERT TO percorsi_app
  WITH CHECK (app_works_cases(organisation_id) AND app_on_team(case_id));
CREATE POLICY identity_update ON case_identities FOR UPDATE TO percorsi_app
  USING (app_works_cases(organisation_id) AND app_on_team(case_id))
  WITH CHECK (app_works_cases(organisation_id) AND app_on_team(case_id));

CREATE POLICY team_read ON case_team FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY team_write ON case_team FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));

CREATE POLICY case_data_read ON consents FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON consents FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON needs_assessments FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON needs_assessments FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON plans FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON plans FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON plan_goals FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON plan_goals FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON plan_actions FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON plan_actions FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON plan_versions FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON plan_versions FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON plan_reviews FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON plan_reviews FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON outcomes FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON outcomes FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON follow_ups FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY case_data_write ON follow_ups FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY case_data_read ON case_events FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
-- the DPO's reads (data-subject requests) are on the timeline too
CREATE POLICY case_data_write ON case_events FOR INSERT TO percorsi_app
  WITH CHECK (app_sees_cases(organisation_id) AND actor_user_id = app_user_id());

GRANT SELECT ON programmes TO percorsi_app;
GRANT SELECT, INSERT ON organisation_keys, action_catalogue TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON cases, case_identities, consents, plans, plan_versions, follow_ups TO percorsi_app;
GRANT SELECT, INSERT, DELETE ON case_team TO percorsi_app;
GRANT SELECT, INSERT ON needs_assessments, plan_reviews, outcomes, case_events TO percorsi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_goals, plan_actions TO percorsi_app;

-- Whether a case of the actor's centre has an identity on file, without revealing it: the
-- caseload shows "identity held" to colleagues who are not on the case team.
CREATE FUNCTION case_has_identity(p_case uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM case_identities i WHERE i.case_id = p_case AND i.organisation_id = app_org_id()
    AND (app_has_role('centre_operator') OR app_has_role('dpo')))
$$;
ALTER FUNCTION case_has_identity(uuid) OWNER TO percorsi_definer;
GRANT SELECT (case_id, organisation_id) ON case_identities TO percorsi_definer;
CREATE POLICY definer_exists ON case_identities FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION case_has_identity(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_has_identity(uuid) TO percorsi_app;

-- Exact search by blind index across the centre's cases (so that an operator finds a woman the
-- centre already knows, even if not on her team): returns case ids only, never the identity.
CREATE FUNCTION case_ids_by_index(p_surname text, p_tax_code text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.case_id FROM case_identities i
  WHERE i.organisation_id = app_org_id() AND (app_has_role('centre_operator') OR app_has_role('dpo'))
    AND (p_surname IS NULL OR i.surname_index = p_surname)
    AND (p_tax_code IS NULL OR i.tax_code_index = p_tax_code)
    AND (p_surname IS NOT NULL OR p_tax_code IS NOT NULL)
$$;
ALTER FUNCTION case_ids_by_index(text, text) OWNER TO percorsi_definer;
GRANT SELECT (surname_index, tax_code_index) ON case_identities TO percorsi_definer;
REVOKE ALL ON FUNCTION case_ids_by_index(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_ids_by_index(text, text) TO percorsi_app;
