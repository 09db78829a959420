-- Training and coverage (issue 8, /formazione). Courses, editions, sessions, enrolments and
-- attendance of operators; nothing here is about a woman. A course belongs to the organisation
-- that records it (a network coordinator's body, or a training coordinator's); the body that runs
-- it is a separate column. Who reads and writes (can(): training.read / training.manage):
--   the recording organisation's network coordinators and training coordinators; the control room
--   reads every course. The coverage board looks across organisations (CPI referents are users of
--   the CPIs) through SECURITY DEFINER functions that return counts, dates and operators' names.

-- One row: how many months a completed course keeps a CPI referent "trained" (config.ts
-- PERCORSI_TRAINING_VALID_MONTHS, written here at start by main.ts so SQL and the app agree), and
-- which organisation runs the CPIs (AFOL Metropolitana: its administrators are told of a drop).
CREATE TABLE training_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  validity_months integer NOT NULL DEFAULT 24 CHECK (validity_months BETWEEN 1 AND 120),
  cpi_operator_id uuid REFERENCES organisations
);
INSERT INTO training_settings DEFAULT VALUES;

CREATE TABLE training_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the recording organisation (RLS)
  organisation_id uuid NOT NULL REFERENCES organisations,
  network_id text NOT NULL REFERENCES networks,
  -- the body that runs it (gives the hours)
  running_body_id uuid NOT NULL REFERENCES organisations,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  audiences text[] NOT NULL CHECK (audiences <@ ARRAY['cpi_referent', 'centre_operator', 'social_services',
    'police', 'health', 'teachers']) CHECK (cardinality(audiences) >= 1),
  hours numeric(5, 1) NOT NULL CHECK (hours > 0 AND hours <= 500),
  topics text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 20),
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (id, organisation_id)
);
CREATE INDEX training_courses_org_idx ON training_courses (organisation_id);

CREATE TABLE training_editions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (course_id, organisation_id) REFERENCES training_courses (id, organisation_id),
  UNIQUE (id, organisation_id)
);
CREATE INDEX training_editions_course_idx ON training_editions (course_id);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  held_on date NOT NULL,
  hours numeric(4, 1) NOT NULL CHECK (hours > 0 AND hours <= 12),
  place text CHECK (length(place) BETWEEN 2 AND 200),
  online_url text CHECK (online_url ~ '^https://[^\s]{3,}$' AND length(online_url) <= 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (place IS NOT NULL OR online_url IS NOT NULL),
  FOREIGN KEY (edition_id, organisation_id) REFERENCES training_editions (id, organisation_id),
  UNIQUE (id, organisation_id)
);
CREATE INDEX training_sessions_edition_idx ON training_sessions (edition_id);

-- A platform user (user_id, her name copied at enrolment: the recording body cannot read other
-- bodies' users) or a named external participant (user_id NULL); participant_org_id is the body
-- she works for (hours received).
CREATE TABLE training_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  edition_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  user_id uuid REFERENCES users,
  participant_name text NOT NULL CHECK (length(participant_name) BETWEEN 2 AND 120),
  participant_org_id uuid NOT NULL REFERENCES organisations,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (edition_id, organisation_id) REFERENCES training_editions (id, organisation_id),
  UNIQUE (id, organisation_id)
);
CREATE UNIQUE INDEX training_enrolments_user_idx ON training_enrolments (edition_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX training_enrolments_user_lookup_idx ON training_enrolments (user_id) WHERE user_id IS NOT NULL;

-- Present at a session (a row) for some hours (at most the session's).
CREATE TABLE training_attendance (
  session_id uuid NOT NULL,
  enrolment_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  hours numeric(4, 1) NOT NULL CHECK (hours > 0 AND hours <= 12),
  PRIMARY KEY (session_id, enrolment_id),
  FOREIGN KEY (session_id, organisation_id) REFERENCES training_sessions (id, organisation_id) ON DELETE CASCADE,
  FOREIGN KEY (enrolment_id, organisation_id) REFERENCES training_enrolments (id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX training_attendance_enrolment_idx ON training_attendance (enrolment_id);

-- One row per CPI whose trained referents dropped below two and whose coordinators were told;
-- deleted when it is back at two or more, so the next drop is told again (once per drop).
CREATE TABLE training_coverage_alerts (
  cpi_id uuid PRIMARY KEY REFERENCES organisations,
  trained integer NOT NULL CHECK (trained BETWEEN 0 AND 1),
  notified_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- who (the two walls: can.ts)
-- training.read: network_coordinator own, training_coordinator own, control_room_member any
CREATE FUNCTION app_reads_training(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT app_has_role('control_room_member')
    OR (p_org = app_org_id() AND (app_has_role('network_coordinator') OR app_has_role('training_coordinator'))) $$;
-- training.manage: network_coordinator own, training_coordinator own
CREATE FUNCTION app_manages_training(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_org = app_org_id() AND (app_has_role('network_coordinator') OR app_has_role('training_coordinator')) $$;
-- training.coverage: those, and organisation administrators of their own body (narrowed to AFOL
-- and the CPIs inside training_coverage_on)
CREATE FUNCTION app_reads_training_coverage(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT app_has_role('control_room_member')
    OR (p_org = app_org_id() AND (app_has_role('network_coordinator') OR app_has_role('training_coordinator')
      OR app_has_role('org_admin'))) $$;

ALTER TABLE training_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE training_courses ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_courses FORCE ROW LEVEL SECURITY;
ALTER TABLE training_editions ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_editions FORCE ROW LEVEL SECURITY;
ALTER TABLE training_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_sessions FORCE ROW LEVEL SECURITY;
ALTER TABLE training_enrolments ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_enrolments FORCE ROW LEVEL SECURITY;
ALTER TABLE training_attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_attendance FORCE ROW LEVEL SECURITY;
ALTER TABLE training_coverage_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_coverage_alerts FORCE ROW LEVEL SECURITY;

-- settings: every signed-in user reads the validity (the board says it); nobody writes from the app
CREATE POLICY read_signed_in ON training_settings FOR SELECT TO percorsi_app USING (app_authenticated());
GRANT SELECT (validity_months) ON training_settings TO percorsi_app;

CREATE POLICY training_read ON training_courses FOR SELECT TO percorsi_app USING (app_reads_training(organisation_id));
CREATE POLICY training_insert ON training_courses FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_training(organisation_id) AND created_by = app_user_id());
CREATE POLICY training_update ON training_courses FOR UPDATE TO percorsi_app
  USING (app_manages_training(organisation_id)) WITH CHECK (app_manages_training(organisation_id));
CREATE POLICY training_read ON training_editions FOR SELECT TO percorsi_app USING (app_reads_training(organisation_id));
CREATE POLICY training_insert ON training_editions FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_training(organisation_id));
CREATE POLICY training_read ON training_sessions FOR SELECT TO percorsi_app USING (app_reads_training(organisation_id));
CREATE POLICY training_insert ON training_sessions FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_training(organisation_id));
CREATE POLICY training_read ON training_enrolments FOR SELECT TO percorsi_app USING (app_reads_training(organisation_id));
CREATE POLICY training_insert ON training_enrolments FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_training(organisation_id));
CREATE POLICY training_read ON training_attendance FOR SELECT TO percorsi_app USING (app_reads_training(organisation_id));
CREATE POLICY training_insert ON training_attendance FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_training(organisation_id));
CREATE POLICY training_update ON training_attendance FOR UPDATE TO percorsi_app
  USING (app_manages_training(organisation_id)) WITH CHECK (app_manages_training(organisation_id));
CREATE POLICY training_delete ON training_attendance FOR DELETE TO percorsi_app
  USING (app_manages_training(organisation_id));
-- training_coverage_alerts: no policy, no grant for percorsi_app (the sweep runs as the owner)

GRANT SELECT, INSERT (organisation_id, network_id, running_body_id, title, audiences, hours, topics, created_by),
  UPDATE (title, audiences, hours, topics, version) ON training_courses TO percorsi_app;
GRANT SELECT, INSERT (course_id, organisation_id, label) ON training_editions TO percorsi_app;
GRANT SELECT, INSERT (edition_id, organisation_id, held_on, hours, place, online_url) ON training_sessions TO percorsi_app;
GRANT SELECT, INSERT (edition_id, organisation_id, user_id, participant_name, participant_org_id)
  ON training_enrolments TO percorsi_app;
GRANT SELECT, INSERT (session_id, enrolment_id, organisation_id, hours), UPDATE (hours), DELETE
  ON training_attendance TO percorsi_app;

-- ---------------------------------------------------------------- completion and coverage
-- An enrolment is completed when her attended hours reach 75% of the course's hours; its date is
-- the last session she attended. A CPI referent is trained on `p_today` when she is active, holds
-- the cpi_referent role at the CPI (a branch counts for its CPI), and completed a course whose
-- audience includes CPI referents on a day after p_today − validity months (on the expiry day she
-- is no longer trained). The next refresher is due on the earliest expiry among the trained.
CREATE FUNCTION training_completions() RETURNS TABLE (enrolment_id uuid, user_id uuid, organisation_id uuid,
  course_id uuid, completed_on date, attended numeric, for_cpi_referents boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.id, e.user_id, e.organisation_id, c.id, max(s.held_on), sum(a.hours),
    'cpi_referent' = ANY (c.audiences)
  FROM training_enrolments e
  JOIN training_editions ed ON ed.id = e.edition_id
  JOIN training_courses c ON c.id = ed.course_id
  JOIN training_attendance a ON a.enrolment_id = e.id
  JOIN training_sessions s ON s.id = a.session_id
  GROUP BY e.id, e.user_id, e.organisation_id, c.id, c.hours, c.audiences
  HAVING sum(a.hours) >= 0.75 * c.hours $$;

CREATE FUNCTION training_referents_all(p_today date) RETURNS TABLE (cpi_id uuid, user_id uuid, display_name text,
  completed_on date, expires_on date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH cpis AS (
    SELECT o.id FROM organisations o WHERE o.type = 'employment_centre' AND o.parent_id IS NULL
  ), referents AS (
    SELECT coalesce(b.parent_id, b.id) AS cpi_id, u.id AS user_id, u.display_name
    FROM user_roles r
    JOIN users u ON u.id = r.user_id AND u.organisation_id = r.organisation_id AND u.disabled_at IS NULL
    JOIN organisations b ON b.id = r.organisation_id AND b.type = 'employment_centre'
    WHERE r.role = 'cpi_referent'
  ), months AS (SELECT validity_months AS m FROM training_settings)
  SELECT r.cpi_id, r.user_id, r.display_name, max(t.completed_on),
    (max(t.completed_on) + make_interval(months => (SELECT m FROM months)))::date
  FROM referents r
  JOIN cpis ON cpis.id = r.cpi_id
  JOIN training_completions() t ON t.user_id = r.user_id AND t.for_cpi_referents
  WHERE t.completed_on <= p_today
  GROUP BY r.cpi_id, r.user_id, r.display_name
  HAVING (max(t.completed_on) + make_interval(months => (SELECT m FROM months)))::date > p_today $$;

CREATE FUNCTION training_coverage_all(p_today date) RETURNS TABLE (cpi_id uuid, trained integer, next_due date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.id, count(r.user_id)::int, min(r.expires_on)
  FROM organisations o
  LEFT JOIN training_referents_all(p_today) r ON r.cpi_id = o.id
  WHERE o.type = 'employment_centre' AND o.parent_id IS NULL
  GROUP BY o.id $$;

-- The gated doors for requests: the control room, network and training coordinators, and the
-- administrators of AFOL (training_settings.cpi_operator_id) and of a CPI. Anyone else: no rows.
CREATE FUNCTION training_coverage_reader() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT app_authenticated() AND app_reads_training_coverage(app_org_id()) AND (
    app_has_role('control_room_member') OR app_has_role('network_coordinator') OR app_has_role('training_coordinator')
    OR app_org_id() = (SELECT cpi_operator_id FROM training_settings)
    OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = app_org_id() AND o.type = 'employment_centre')) $$;

CREATE FUNCTION training_coverage_on(p_today date) RETURNS TABLE (cpi_id uuid, trained integer, next_due date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT * FROM training_coverage_all(p_today) WHERE training_coverage_reader() $$;

CREATE FUNCTION training_referents_on(p_today date) RETURNS TABLE (cpi_id uuid, user_id uuid, display_name text,
  completed_on date, expires_on date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT * FROM training_referents_all(p_today) WHERE training_coverage_reader() $$;

-- Who may be enrolled: the active users of a body (ids and names), for a training manager only.
CREATE FUNCTION training_candidates(p_org uuid) RETURNS TABLE (user_id uuid, display_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.display_name FROM users u
  WHERE u.organisation_id = p_org AND u.disabled_at IS NULL AND app_manages_training(app_org_id())
  ORDER BY u.display_name $$;

-- The relation the observatory reads (observatory/dashboards.ts): trained referents per CPI today
-- (Italian date), for whoever the doors above let in.
CREATE VIEW training_coverage AS
  SELECT cpi_id, trained, next_due FROM training_coverage_on((now() AT TIME ZONE 'Europe/Rome')::date);

ALTER FUNCTION training_completions() OWNER TO percorsi_definer;
ALTER FUNCTION training_referents_all(date) OWNER TO percorsi_definer;
ALTER FUNCTION training_coverage_all(date) OWNER TO percorsi_definer;
ALTER FUNCTION training_coverage_reader() OWNER TO percorsi_definer;
ALTER FUNCTION training_coverage_on(date) OWNER TO percorsi_definer;
ALTER FUNCTION training_referents_on(date) OWNER TO percorsi_definer;
ALTER FUNCTION training_candidates(uuid) OWNER TO percorsi_definer;
GRANT SELECT (id, organisation_id, display_name, disabled_at) ON users TO percorsi_definer;
GRANT SELECT (user_id, organisation_id, role) ON user_roles TO percorsi_definer;
GRANT SELECT (id, type, parent_id) ON organisations TO percorsi_definer;
GRANT SELECT ON training_settings, training_courses, training_editions, training_sessions, training_enrolments,
  training_attendance TO percorsi_definer;
CREATE POLICY training_definer ON user_roles FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY training_definer ON training_settings FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY training_definer ON training_courses FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY training_definer ON training_editions FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY training_definer ON training_sessions FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY training_definer ON training_enrolments FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY training_definer ON training_attendance FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION training_completions(), training_referents_all(date), training_coverage_all(date),
  training_coverage_reader(), training_coverage_on(date), training_referents_on(date), training_candidates(uuid)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION training_coverage_on(date), training_referents_on(date), training_candidates(uuid)
  TO percorsi_app;
GRANT EXECUTE ON FUNCTION training_completions(), training_referents_all(date), training_coverage_all(date),
  training_coverage_reader() TO percorsi_definer;
GRANT SELECT ON training_coverage TO percorsi_app;
