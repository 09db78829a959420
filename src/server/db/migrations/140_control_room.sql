-- The control room of a protocol (issue 8, net-control): its signatories are the bodies of the
-- control room; meetings with agenda, attendance, minutes (a document), decisions and action items;
-- thematic working groups; shared operating procedures (versions, acknowledgements); documents.
-- Everything here is about the network's bodies and their work, never about a woman: the upload
-- form says so, and no column takes her data.
--
-- Who sees what (decided with the row; can() in src/shared/can.ts says the roles):
--   app_signatory(p)       any signed-in user of a body that signed protocol p (procedures in force)
--   app_in_control_room(p) a network coordinator or control-room member of a signatory of p
--   app_runs_control_room(p) a network coordinator of a signatory of p (writes)
CREATE FUNCTION app_signatory(p_protocol uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_authenticated() AND EXISTS (SELECT 1 FROM protocol_signatories s
    WHERE s.protocol_id = p_protocol AND s.organisation_id = app_org_id())
$$;
CREATE FUNCTION app_in_control_room(p_protocol uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT (app_has_role('network_coordinator') OR app_has_role('control_room_member')) AND app_signatory(p_protocol)
$$;
CREATE FUNCTION app_runs_control_room(p_protocol uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_has_role('network_coordinator') AND app_signatory(p_protocol)
$$;

-- ---------------------------------------------------------------- documents
-- The bytes, content-addressed within one protocol's store (the "bucket"): documents/storage.ts
-- puts, gets and deletes by SHA-256. An S3-compatible store can take this table's place.
CREATE TABLE document_blobs (
  protocol_id uuid NOT NULL REFERENCES protocols,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (protocol_id, sha256)
);

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  kind text NOT NULL CHECK (kind IN ('minutes', 'procedure', 'output', 'material')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'application/vnd.oasis.opendocument.text',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users,
  organisation_id uuid NOT NULL REFERENCES organisations,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (protocol_id, sha256) REFERENCES document_blobs (protocol_id, sha256)
);
CREATE INDEX documents_protocol_idx ON documents (protocol_id, uploaded_at DESC);

-- ---------------------------------------------------------------- working groups
CREATE TABLE working_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE working_group_members (
  working_group_id uuid NOT NULL REFERENCES working_groups ON DELETE CASCADE,
  protocol_id uuid NOT NULL REFERENCES protocols,
  organisation_id uuid NOT NULL REFERENCES organisations,
  PRIMARY KEY (working_group_id, organisation_id)
);
-- an output of a working group is one of its protocol's documents
ALTER TABLE documents ADD COLUMN working_group_id uuid REFERENCES working_groups;

-- ---------------------------------------------------------------- meetings
-- A meeting of the control room (working_group_id NULL) or of one working group.
CREATE TABLE control_room_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  working_group_id uuid REFERENCES working_groups,
  held_on date NOT NULL,
  place text CHECK (length(place) <= 200),
  agenda text[] NOT NULL DEFAULT '{}',
  minutes_document_id uuid REFERENCES documents,
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX control_room_meetings_protocol_idx ON control_room_meetings (protocol_id, held_on DESC);

CREATE TABLE control_room_attendance (
  meeting_id uuid NOT NULL REFERENCES control_room_meetings ON DELETE CASCADE,
  protocol_id uuid NOT NULL REFERENCES protocols,
  organisation_id uuid NOT NULL REFERENCES organisations,
  PRIMARY KEY (meeting_id, organisation_id)
);

CREATE TABLE control_room_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES control_room_meetings ON DELETE CASCADE,
  protocol_id uuid NOT NULL REFERENCES protocols,
  position integer NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  UNIQUE (meeting_id, position)
);

CREATE TABLE control_room_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES control_room_meetings ON DELETE CASCADE,
  protocol_id uuid NOT NULL REFERENCES protocols,
  decision_id uuid REFERENCES control_room_decisions,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  owner_organisation_id uuid NOT NULL REFERENCES organisations,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX control_room_actions_due_idx ON control_room_actions (protocol_id, due_on) WHERE status IN ('open', 'in_progress');

-- ---------------------------------------------------------------- procedures
-- A shared operating procedure, applying (optionally) to referrals towards one type of body.
CREATE TABLE procedures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  applies_to_type text CHECK (applies_to_type IN ('cav', 'shelter_operator', 'employment_centre', 'social_services',
    'housing_office', 'training_body', 'ats_asst', 'municipality', 'metro_city', 'company',
    'trade_union', 'ngo', 'police', 'court', 'school', 'university', 'other')),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- draft → approved (date, act reference) → superseded (procedures/lifecycle.ts); one in force at a time
CREATE TABLE procedure_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES procedures ON DELETE CASCADE,
  protocol_id uuid NOT NULL REFERENCES protocols,
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
  document_id uuid NOT NULL REFERENCES documents,
  approved_on date,
  act_reference text CHECK (length(act_reference) <= 200),
  superseded_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (procedure_id, number),
  CHECK ((status = 'draft') = (approved_on IS NULL)),
  CHECK (status = 'draft' OR act_reference IS NOT NULL)
);
CREATE UNIQUE INDEX procedure_versions_in_force_idx ON procedure_versions (procedure_id) WHERE status = 'approved';

CREATE TABLE procedure_acknowledgements (
  version_id uuid NOT NULL REFERENCES procedure_versions ON DELETE CASCADE,
  protocol_id uuid NOT NULL REFERENCES protocols,
  organisation_id uuid NOT NULL REFERENCES organisations,
  acknowledged_by uuid NOT NULL REFERENCES users,
  acknowledged_by_name text NOT NULL CHECK (length(acknowledged_by_name) <= 200),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (version_id, organisation_id)
);

-- ---------------------------------------------------------------- row-level security
ALTER TABLE document_blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_blobs FORCE ROW LEVEL SECURITY;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
ALTER TABLE working_groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE working_groups FORCE ROW LEVEL SECURITY;
ALTER TABLE working_group_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE working_group_members FORCE ROW LEVEL SECURITY;
ALTER TABLE control_room_meetings ENABLE ROW LEVEL SECURITY;
ALTER TABLE control_room_meetings FORCE ROW LEVEL SECURITY;
ALTER TABLE control_room_attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE control_room_attendance FORCE ROW LEVEL SECURITY;
ALTER TABLE control_room_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE control_room_decisions FORCE ROW LEVEL SECURITY;
ALTER TABLE control_room_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE control_room_actions FORCE ROW LEVEL SECURITY;
ALTER TABLE procedures ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures FORCE ROW LEVEL SECURITY;
ALTER TABLE procedure_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_versions FORCE ROW LEVEL SECURITY;
ALTER TABLE procedure_acknowledgements ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_acknowledgements FORCE ROW LEVEL SECURITY;

-- Documents: a procedure's text is read by every signatory's users; minutes, outputs and
-- materials by the control room. The coordinator uploads. Bytes follow their documents.
CREATE FUNCTION app_reads_document(p_protocol uuid, p_kind text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_in_control_room(p_protocol) OR (p_kind = 'procedure' AND app_signatory(p_protocol))
$$;
CREATE POLICY documents_read ON documents FOR SELECT TO percorsi_app USING (app_reads_document(protocol_id, kind));
CREATE POLICY documents_upload ON documents FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id) AND uploaded_by = app_user_id() AND organisation_id = app_org_id());
CREATE POLICY blobs_read ON document_blobs FOR SELECT TO percorsi_app USING (EXISTS (
  SELECT 1 FROM documents d WHERE d.protocol_id = document_blobs.protocol_id AND d.sha256 = document_blobs.sha256));
-- the uploader reads back what she just stored (ON CONFLICT needs it) before the document row exists
CREATE POLICY blobs_read_runner ON document_blobs FOR SELECT TO percorsi_app USING (app_runs_control_room(protocol_id));
CREATE POLICY blobs_put ON document_blobs FOR INSERT TO percorsi_app WITH CHECK (app_runs_control_room(protocol_id));
CREATE POLICY blobs_delete ON document_blobs FOR DELETE TO percorsi_app USING (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT (protocol_id, sha256, bytes, size_bytes), DELETE ON document_blobs TO percorsi_app;
GRANT SELECT, INSERT (protocol_id, kind, title, media_type, size_bytes, sha256, uploaded_by, organisation_id,
  working_group_id) ON documents TO percorsi_app;

-- Working groups, meetings, decisions, actions: the control room reads, the coordinator writes;
-- a control-room member also moves an action's status (her body reports progress).
CREATE POLICY groups_read ON working_groups FOR SELECT TO percorsi_app USING (app_in_control_room(protocol_id));
CREATE POLICY groups_write ON working_groups FOR INSERT TO percorsi_app WITH CHECK (app_runs_control_room(protocol_id));
CREATE POLICY members_read ON working_group_members FOR SELECT TO percorsi_app USING (app_in_control_room(protocol_id));
CREATE POLICY members_add ON working_group_members FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id));
CREATE POLICY members_remove ON working_group_members FOR DELETE TO percorsi_app
  USING (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT (protocol_id, name) ON working_groups TO percorsi_app;
GRANT SELECT, INSERT, DELETE ON working_group_members TO percorsi_app;

CREATE POLICY meetings_read ON control_room_meetings FOR SELECT TO percorsi_app USING (app_in_control_room(protocol_id));
CREATE POLICY meetings_create ON control_room_meetings FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id) AND created_by = app_user_id());
CREATE POLICY meetings_update ON control_room_meetings FOR UPDATE TO percorsi_app
  USING (app_runs_control_room(protocol_id)) WITH CHECK (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT (protocol_id, working_group_id, held_on, place, agenda, minutes_document_id, created_by),
  UPDATE (minutes_document_id, version) ON control_room_meetings TO percorsi_app;

CREATE POLICY attendance_read ON control_room_attendance FOR SELECT TO percorsi_app USING (app_in_control_room(protocol_id));
CREATE POLICY attendance_write ON control_room_attendance FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT ON control_room_attendance TO percorsi_app;

CREATE POLICY decisions_read ON control_room_decisions FOR SELECT TO percorsi_app USING (app_in_control_room(protocol_id));
CREATE POLICY decisions_write ON control_room_decisions FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT (meeting_id, protocol_id, position, text) ON control_room_decisions TO percorsi_app;

CREATE POLICY actions_read ON control_room_actions FOR SELECT TO percorsi_app USING (app_in_control_room(protocol_id));
CREATE POLICY actions_write ON control_room_actions FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id));
CREATE POLICY actions_status ON control_room_actions FOR UPDATE TO percorsi_app
  USING (app_in_control_room(protocol_id)) WITH CHECK (app_in_control_room(protocol_id));
GRANT SELECT, INSERT (meeting_id, protocol_id, decision_id, title, owner_organisation_id, due_on),
  UPDATE (status, updated_at, version) ON control_room_actions TO percorsi_app;

-- Procedures: every signatory's users read them (the referral wizard links the one in force);
-- the coordinator writes and moves versions; a body's administrator acknowledges for her body.
CREATE POLICY procedures_read ON procedures FOR SELECT TO percorsi_app USING (app_signatory(protocol_id));
CREATE POLICY procedures_write ON procedures FOR INSERT TO percorsi_app WITH CHECK (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT (protocol_id, title, applies_to_type) ON procedures TO percorsi_app;
CREATE POLICY versions_read ON procedure_versions FOR SELECT TO percorsi_app USING (app_signatory(protocol_id));
CREATE POLICY versions_write ON procedure_versions FOR INSERT TO percorsi_app
  WITH CHECK (app_runs_control_room(protocol_id));
CREATE POLICY versions_move ON procedure_versions FOR UPDATE TO percorsi_app
  USING (app_runs_control_room(protocol_id)) WITH CHECK (app_runs_control_room(protocol_id));
GRANT SELECT, INSERT (procedure_id, protocol_id, number, document_id),
  UPDATE (status, approved_on, act_reference, superseded_on, version) ON procedure_versions TO percorsi_app;
CREATE POLICY acks_read ON procedure_acknowledgements FOR SELECT TO percorsi_app USING (app_signatory(protocol_id));
CREATE POLICY acks_write ON procedure_acknowledgements FOR INSERT TO percorsi_app
  WITH CHECK (app_has_role('org_admin') AND organisation_id = app_org_id() AND acknowledged_by = app_user_id()
    AND app_signatory(protocol_id));
GRANT SELECT, INSERT (version_id, protocol_id, organisation_id, acknowledged_by, acknowledged_by_name)
  ON procedure_acknowledgements TO percorsi_app;
