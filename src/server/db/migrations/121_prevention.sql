-- Prevention activities (issue 8, /prevenzione): campaigns, schools, families, universities, public
-- events, by Milan's nine Municipi or by municipality, the bodies involved, participants, materials
-- and the resources each body committed. Nothing here is about a woman. An activity belongs to the
-- organisation that records it (can(): prevention.read / prevention.manage): its network
-- coordinators and administrators record and read; the control room reads every activity.
CREATE TABLE prevention_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations,
  network_id text NOT NULL REFERENCES networks,
  kind text NOT NULL CHECK (kind IN ('school_workshop', 'teacher_training', 'family_meeting', 'university',
    'campaign', 'public_event')),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  -- one of Milan's nine Municipi, or a municipality (ISTAT code)
  municipio smallint CHECK (municipio BETWEEN 1 AND 9),
  municipality_code text REFERENCES municipalities,
  audiences text[] NOT NULL CHECK (audiences <@ ARRAY['students', 'teachers', 'families', 'university',
    'general_public', 'professionals']) CHECK (cardinality(audiences) >= 1),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  participants integer CHECK (participants BETWEEN 0 AND 1000000),
  materials text[] NOT NULL DEFAULT '{}' CHECK (cardinality(materials) <= 30),
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((municipio IS NULL) <> (municipality_code IS NULL)),
  UNIQUE (id, organisation_id)
);
CREATE INDEX prevention_activities_org_idx ON prevention_activities (organisation_id, starts_on);

-- The bodies involved, and what each committed: money (euro) or hours (0 when only involved).
CREATE TABLE prevention_resources (
  activity_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  body_id uuid NOT NULL REFERENCES organisations,
  kind text NOT NULL CHECK (kind IN ('involved', 'money', 'hours')),
  amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0 AND amount <= 10000000),
  PRIMARY KEY (activity_id, body_id, kind),
  FOREIGN KEY (activity_id, organisation_id) REFERENCES prevention_activities (id, organisation_id) ON DELETE CASCADE
);

-- prevention.read: network_coordinator own, org_admin own, control_room_member any
CREATE FUNCTION app_reads_prevention(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT app_has_role('control_room_member')
    OR (p_org = app_org_id() AND (app_has_role('network_coordinator') OR app_has_role('org_admin'))) $$;
-- prevention.manage: network_coordinator own, org_admin own
CREATE FUNCTION app_manages_prevention(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_org = app_org_id() AND (app_has_role('network_coordinator') OR app_has_role('org_admin')) $$;

ALTER TABLE prevention_activities ENABLE ROW LEVEL SECURITY;
ALTER TABLE prevention_activities FORCE ROW LEVEL SECURITY;
ALTER TABLE prevention_resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE prevention_resources FORCE ROW LEVEL SECURITY;
CREATE POLICY prevention_read ON prevention_activities FOR SELECT TO percorsi_app
  USING (app_reads_prevention(organisation_id));
CREATE POLICY prevention_insert ON prevention_activities FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_prevention(organisation_id) AND created_by = app_user_id());
CREATE POLICY prevention_read ON prevention_resources FOR SELECT TO percorsi_app
  USING (app_reads_prevention(organisation_id));
CREATE POLICY prevention_insert ON prevention_resources FOR INSERT TO percorsi_app
  WITH CHECK (app_manages_prevention(organisation_id));
GRANT SELECT, INSERT (organisation_id, network_id, kind, title, municipio, municipality_code, audiences, starts_on,
  ends_on, participants, materials, created_by) ON prevention_activities TO percorsi_app;
GRANT SELECT, INSERT (activity_id, organisation_id, body_id, kind, amount) ON prevention_resources TO percorsi_app;
