-- Percorsi foundation: roles, the real network, people, sessions, audit.
-- Runs as the owner (migration) role. The application acts as percorsi_app, which owns nothing,
-- is not superuser and cannot bypass row-level security.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'percorsi_app') THEN
    CREATE ROLE percorsi_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- Owns only the SECURITY DEFINER functions that must look across organisations
  -- (finding a user by name at login, a session by its token, the audit chain head).
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'percorsi_definer') THEN
    CREATE ROLE percorsi_definer NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

-- Request-context accessors. A missing setting reads back as '' after a transaction: nullif makes
-- it NULL, and every policy compares against it, so a missing context denies.
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION app_has_role(r text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce(r = ANY (string_to_array(nullif(current_setting('app.roles', true), ''), ',')), false) $$;
CREATE FUNCTION app_authenticated() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT app_user_id() IS NOT NULL AND app_org_id() IS NOT NULL $$;

-- ---------------------------------------------------------------- the network (reference data)
CREATE TABLE municipalities (
  istat_code text PRIMARY KEY CHECK (istat_code ~ '^[0-9]{6}$'),
  name text NOT NULL,
  province text NOT NULL
);

CREATE TABLE networks (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
  name text NOT NULL,
  lead_municipality_code text REFERENCES municipalities,
  municipalities_basis text,
  has_shelters boolean NOT NULL DEFAULT false,
  shelters_note text,
  notes text,
  source_ids text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE network_municipalities (
  network_id text NOT NULL REFERENCES networks,
  istat_code text NOT NULL REFERENCES municipalities,
  PRIMARY KEY (network_id, istat_code)
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  type text NOT NULL CHECK (type IN ('cav', 'shelter_operator', 'employment_centre', 'social_services',
    'housing_office', 'training_body', 'ats_asst', 'municipality', 'metro_city', 'company',
    'trade_union', 'ngo', 'police', 'court', 'school', 'university', 'other')),
  town text,
  municipality_code text REFERENCES municipalities,
  -- Never set for a shelter operator or a body that runs shelters: shelter addresses are secret by law.
  address text,
  helpline text,
  website text,
  description text,
  operates_shelters boolean NOT NULL DEFAULT false,
  parent_id uuid REFERENCES organisations,
  uncertain boolean NOT NULL DEFAULT false,
  notes text,
  source_ids text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT shelter_has_no_address CHECK (
    NOT (type = 'shelter_operator' OR operates_shelters) OR address IS NULL)
);
CREATE INDEX organisations_type_idx ON organisations (type);

CREATE TABLE organisation_networks (
  organisation_id uuid NOT NULL REFERENCES organisations,
  network_id text NOT NULL REFERENCES networks,
  role text,
  PRIMARY KEY (organisation_id, network_id)
);
CREATE INDEX organisation_networks_network_idx ON organisation_networks (network_id);

CREATE TABLE protocols (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  signed_on date NOT NULL,
  scope text NOT NULL,
  summary text,
  source_ids text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE protocol_signatories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  organisation_id uuid REFERENCES organisations,
  -- Used when the source names a signatory that is not (yet) an organisation in Percorsi.
  signatory_name text,
  kind text NOT NULL CHECK (kind IN ('original', 'adhesion')),
  joined_on date NOT NULL,
  CHECK (organisation_id IS NOT NULL OR signatory_name IS NOT NULL),
  UNIQUE (protocol_id, organisation_id)
);

-- A new organisation asks to adhere to a protocol; a control-room member or platform admin decides.
CREATE TABLE protocol_adhesions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  organisation_id uuid NOT NULL REFERENCES organisations,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
  motivation text,
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text
);
CREATE UNIQUE INDEX protocol_adhesions_open_idx ON protocol_adhesions (protocol_id, organisation_id)
  WHERE status = 'requested';

-- ---------------------------------------------------------------- people
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations,
  username text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  display_name text NOT NULL,
  email text,
  password_hash text,
  totp_secret text,             -- encrypted with the configured master key (AES-256-GCM)
  totp_enrolled_at timestamptz,
  totp_last_step bigint,        -- last accepted time step: a code is never accepted twice
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  -- set when the user asks for a password reset; their organisation's admins issue the link
  reset_requested_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_username_idx ON users (username);
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations,
  role text NOT NULL CHECK (role IN ('centre_operator', 'cpi_referent', 'service_operator',
    'network_coordinator', 'control_room_member', 'training_coordinator', 'company_liaison',
    'dpo', 'org_admin', 'platform_admin')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations,
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- Server-side sessions, so that several app nodes share them. The cookie carries a random token;
-- only its SHA-256 is stored.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations,
  stage text NOT NULL CHECK (stage IN ('pre_auth', 'full')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- One-time links: invitations to join an organisation, and password resets.
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations,
  token_hash text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('invite', 'reset')),
  user_id uuid REFERENCES users ON DELETE CASCADE,
  username text,
  display_name text,
  email text,
  roles text[] NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- ---------------------------------------------------------------- audit
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  organisation_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_.]+$'),
  subject_type text,
  subject_id text,
  purpose text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq);
CREATE INDEX audit_log_org_idx ON audit_log (organisation_id, seq);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, seq);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

-- The hash of one audit row covers the previous row's hash and every field of the row.
CREATE FUNCTION audit_row_hash(p_seq bigint, p_at timestamptz, p_actor uuid, p_org uuid, p_action text,
  p_subject_type text, p_subject_id text, p_purpose text, p_outcome text, p_details jsonb, p_prev text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(p_seq::text,
    to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor::text, p_org::text, p_action,
    p_subject_type, p_subject_id, p_purpose, p_outcome, p_details, p_prev)::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  head record;
BEGIN
  -- The row lock on audit_head serialises writers, so the chain has no forks.
  UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash INTO head;
  NEW.seq := head.last_seq;
  NEW.occurred_at := date_trunc('microseconds', clock_timestamp());
  NEW.prev_hash := head.last_hash;
  NEW.hash := audit_row_hash(NEW.seq, NEW.occurred_at, NEW.actor_user_id, NEW.organisation_id, NEW.action,
    NEW.subject_type, NEW.subject_id, NEW.purpose, NEW.outcome, NEW.details, NEW.prev_hash);
  UPDATE audit_head SET last_hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- ---------------------------------------------------------------- cross-organisation look-ups
-- Only these functions look across organisations, and they return ids, never secrets.
CREATE FUNCTION auth_find_user(p_username text) RETURNS TABLE (user_id uuid, organisation_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organisation_id FROM users WHERE username = lower(p_username)
$$;
CREATE FUNCTION auth_find_session(p_id_hash text) RETURNS TABLE (user_id uuid, organisation_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT user_id, organisation_id FROM sessions WHERE id_hash = p_id_hash
$$;
CREATE FUNCTION auth_find_link(p_token_hash text) RETURNS TABLE (link_id uuid, organisation_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, organisation_id FROM invitations WHERE token_hash = p_token_hash
$$;
CREATE FUNCTION auth_username_taken(p_username text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM users WHERE username = lower(p_username))
$$;

ALTER FUNCTION audit_chain() OWNER TO percorsi_definer;
ALTER FUNCTION auth_find_user(text) OWNER TO percorsi_definer;
ALTER FUNCTION auth_find_session(text) OWNER TO percorsi_definer;
ALTER FUNCTION auth_find_link(text) OWNER TO percorsi_definer;
ALTER FUNCTION auth_username_taken(text) OWNER TO percorsi_definer;
GRANT SELECT, UPDATE ON audit_head TO percorsi_definer;
GRANT SELECT (id, organisation_id, username) ON users TO percorsi_definer;
GRANT SELECT (id_hash, user_id, organisation_id) ON sessions TO percorsi_definer;
GRANT SELECT (id, organisation_id, token_hash) ON invitations TO percorsi_definer;
REVOKE ALL ON FUNCTION auth_find_user(text), auth_find_session(text), auth_find_link(text),
  auth_username_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user(text), auth_find_session(text), auth_find_link(text),
  auth_username_taken(text) TO percorsi_app;

-- ---------------------------------------------------------------- row-level security
-- Every table is RLS-enabled and forced; the catalog test checks this for all tables.
ALTER TABLE municipalities ENABLE ROW LEVEL SECURITY;
ALTER TABLE municipalities FORCE ROW LEVEL SECURITY;
ALTER TABLE networks ENABLE ROW LEVEL SECURITY;
ALTER TABLE networks FORCE ROW LEVEL SECURITY;
ALTER TABLE network_municipalities ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_municipalities FORCE ROW LEVEL SECURITY;
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
ALTER TABLE organisation_networks ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_networks FORCE ROW LEVEL SECURITY;
ALTER TABLE protocols ENABLE ROW LEVEL SECURITY;
ALTER TABLE protocols FORCE ROW LEVEL SECURITY;
ALTER TABLE protocol_signatories ENABLE ROW LEVEL SECURITY;
ALTER TABLE protocol_signatories FORCE ROW LEVEL SECURITY;
ALTER TABLE protocol_adhesions ENABLE ROW LEVEL SECURITY;
ALTER TABLE protocol_adhesions FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_roles FORCE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes FORCE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_head FORCE ROW LEVEL SECURITY;

-- The network directory is shared reference data: any signed-in user reads it.
CREATE POLICY read_signed_in ON municipalities FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY read_signed_in ON networks FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY read_signed_in ON network_municipalities FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY read_signed_in ON organisations FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY read_signed_in ON organisation_networks FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY read_signed_in ON protocols FOR SELECT TO percorsi_app USING (app_authenticated());
CREATE POLICY read_signed_in ON protocol_signatories FOR SELECT TO percorsi_app USING (app_authenticated());

-- An organisation's admin edits their own organisation; the platform admin any.
CREATE POLICY edit_own ON organisations FOR UPDATE TO percorsi_app
  USING ((id = app_org_id() AND app_has_role('org_admin')) OR app_has_role('platform_admin'))
  WITH CHECK ((id = app_org_id() AND app_has_role('org_admin')) OR app_has_role('platform_admin'));
CREATE POLICY platform_insert ON organisations FOR INSERT TO percorsi_app
  WITH CHECK (app_has_role('platform_admin'));

CREATE FUNCTION app_decides_adhesions() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT app_has_role('control_room_member') OR app_has_role('platform_admin') $$;
CREATE POLICY signatories_by_decider ON protocol_signatories FOR INSERT TO percorsi_app
  WITH CHECK (app_decides_adhesions());
CREATE POLICY adhesion_read ON protocol_adhesions FOR SELECT TO percorsi_app
  USING (organisation_id = app_org_id() OR app_decides_adhesions());
CREATE POLICY adhesion_request ON protocol_adhesions FOR INSERT TO percorsi_app
  WITH CHECK (organisation_id = app_org_id() AND app_has_role('org_admin') AND requested_by = app_user_id());
CREATE POLICY adhesion_decide ON protocol_adhesions FOR UPDATE TO percorsi_app
  USING (app_decides_adhesions()) WITH CHECK (app_decides_adhesions());

-- People: colleagues of the same organisation see each other; admins manage their organisation.
CREATE FUNCTION app_admins_org(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT (p_org = app_org_id() AND app_has_role('org_admin')) OR app_has_role('platform_admin') $$;
CREATE POLICY users_read ON users FOR SELECT TO percorsi_app
  USING (organisation_id = app_org_id() OR id = app_user_id() OR app_has_role('platform_admin'));
CREATE POLICY users_update ON users FOR UPDATE TO percorsi_app
  USING (id = app_user_id() OR app_admins_org(organisation_id))
  WITH CHECK (id = app_user_id() OR app_admins_org(organisation_id));
CREATE FUNCTION app_link_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.link_id', true), '')::uuid $$;
CREATE POLICY users_insert ON users FOR INSERT TO percorsi_app
  WITH CHECK (app_admins_org(organisation_id)
    OR (organisation_id = app_org_id() AND app_link_id() IS NOT NULL));
CREATE POLICY roles_read ON user_roles FOR SELECT TO percorsi_app
  USING (organisation_id = app_org_id() OR user_id = app_user_id() OR app_has_role('platform_admin'));
CREATE POLICY roles_write ON user_roles FOR ALL TO percorsi_app
  USING (app_admins_org(organisation_id))
  WITH CHECK (app_admins_org(organisation_id)
    OR (organisation_id = app_org_id() AND user_id = app_user_id() AND EXISTS (
      SELECT 1 FROM invitations i WHERE i.id = app_link_id() AND i.kind = 'invite'
        AND i.used_at IS NULL AND user_roles.role = ANY (i.roles))));
CREATE POLICY recovery_own ON recovery_codes FOR ALL TO percorsi_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
CREATE POLICY sessions_own ON sessions FOR ALL TO percorsi_app
  USING (user_id = app_user_id() OR app_admins_org(organisation_id))
  WITH CHECK (user_id = app_user_id());
-- A one-time link is readable by the admins of its organisation, or by whoever holds its token
-- (the app sets app.link_id only after auth_find_link matched the token's hash).
CREATE POLICY links_read ON invitations FOR SELECT TO percorsi_app
  USING (app_admins_org(organisation_id) OR id = app_link_id());
CREATE POLICY links_create ON invitations FOR INSERT TO percorsi_app
  WITH CHECK (app_admins_org(organisation_id)
    OR (kind = 'reset' AND organisation_id = app_org_id()));
CREATE POLICY links_use ON invitations FOR UPDATE TO percorsi_app
  USING (app_admins_org(organisation_id) OR id = app_link_id())
  WITH CHECK (true);

-- Audit: anyone's actions are appended; a DPO reads their organisation's trail, everyone their own.
CREATE POLICY audit_append ON audit_log FOR INSERT TO percorsi_app WITH CHECK (true);
CREATE POLICY audit_read ON audit_log FOR SELECT TO percorsi_app
  USING ((organisation_id = app_org_id() AND app_has_role('dpo'))
    OR (actor_user_id = app_user_id())
    OR app_has_role('platform_admin'));
CREATE POLICY head_definer ON audit_head FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY lookup_definer ON users FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY lookup_definer ON sessions FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY lookup_definer ON invitations FOR SELECT TO percorsi_definer USING (true);

GRANT USAGE ON SCHEMA public TO percorsi_app;
GRANT SELECT ON municipalities, networks, network_municipalities, organisation_networks, protocols
  TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON organisations TO percorsi_app;
GRANT SELECT, INSERT ON protocol_signatories TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON protocol_adhesions TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON users TO percorsi_app;
GRANT SELECT, INSERT, DELETE ON user_roles TO percorsi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes, sessions TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON invitations TO percorsi_app;
GRANT SELECT, INSERT ON audit_log TO percorsi_app;
