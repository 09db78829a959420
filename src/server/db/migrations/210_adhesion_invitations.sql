-- Protocol adhesion by invitation (issue 8): a protocol's control room invites a body that is not in
-- Percorsi yet. The invitation is a single-use link /adesione/<token> (only its SHA-256 is kept),
-- valid for a set time; the body fills in a public form, which makes a pending request
-- (protocol_adhesions without an organisation yet). The coordinator approves: that creates the
-- organisation, makes it a signatory (kind 'adhesion'), and makes the one-time invitation of its
-- administrator (the existing user invitation, role org_admin). Nothing here is about a woman.
--
-- Who decides adhesions of protocol p: the control room members and platform administrators (as
-- before), and now the network coordinators of p's signatories (app_runs_control_room(p)).
CREATE FUNCTION app_decides_adhesion(p_protocol uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_has_role('control_room_member') OR app_has_role('platform_admin') OR app_runs_control_room(p_protocol)
$$;

DROP POLICY adhesion_read ON protocol_adhesions;
DROP POLICY adhesion_decide ON protocol_adhesions;
DROP POLICY signatories_by_decider ON protocol_signatories;
-- replaced by app_decides_adhesion(protocol): one helper decides, compared with can() by a test
DROP FUNCTION app_decides_adhesions();
CREATE POLICY adhesion_read ON protocol_adhesions FOR SELECT TO percorsi_app
  USING (organisation_id = app_org_id() OR app_decides_adhesion(protocol_id));
CREATE POLICY adhesion_decide ON protocol_adhesions FOR UPDATE TO percorsi_app
  USING (app_decides_adhesion(protocol_id)) WITH CHECK (app_decides_adhesion(protocol_id));
CREATE POLICY signatories_by_decider ON protocol_signatories FOR INSERT TO percorsi_app
  WITH CHECK (app_decides_adhesion(protocol_id));

CREATE TABLE adhesion_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  protocol_id uuid NOT NULL REFERENCES protocols,
  -- the network the new body will be a member of (the inviter's network), if any
  network_id text REFERENCES networks,
  -- the body's name as the inviter knows it (the form asks for the exact one)
  invited_name text NOT NULL CHECK (length(invited_name) BETWEEN 2 AND 300),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  organisation_id uuid NOT NULL REFERENCES organisations,
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX adhesion_invitations_protocol_idx ON adhesion_invitations (protocol_id, created_at DESC);
ALTER TABLE adhesion_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE adhesion_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_read ON adhesion_invitations FOR SELECT TO percorsi_app
  USING (app_decides_adhesion(protocol_id));
-- A coordinator invites into one of her organisation's networks; the control room into any.
CREATE POLICY invitations_create ON adhesion_invitations FOR INSERT TO percorsi_app
  WITH CHECK (app_decides_adhesion(protocol_id) AND organisation_id = app_org_id() AND created_by = app_user_id()
    AND used_at IS NULL
    AND (network_id IS NULL OR app_has_role('control_room_member') OR app_has_role('platform_admin')
      OR network_id IN (SELECT n.network_id FROM organisation_networks n WHERE n.organisation_id = app_org_id())));
GRANT SELECT, INSERT ON adhesion_invitations TO percorsi_app;

-- A request made through an invitation has no organisation until it is approved; it holds what the
-- form said. The administrator's name and e-mail are dropped when the request is decided (they go
-- into her one-time invitation on approval).
ALTER TABLE protocol_adhesions ALTER COLUMN organisation_id DROP NOT NULL;
ALTER TABLE protocol_adhesions ALTER COLUMN requested_by DROP NOT NULL;
ALTER TABLE protocol_adhesions
  ADD COLUMN invitation_id uuid UNIQUE REFERENCES adhesion_invitations,
  ADD COLUMN applicant_name text CHECK (length(applicant_name) BETWEEN 2 AND 300),
  ADD COLUMN applicant_type text CHECK (applicant_type IN ('cav', 'shelter_operator', 'employment_centre',
    'social_services', 'housing_office', 'training_body', 'ats_asst', 'municipality', 'metro_city', 'company',
    'trade_union', 'ngo', 'police', 'court', 'school', 'university', 'other')),
  ADD COLUMN applicant_municipality_code text REFERENCES municipalities,
  ADD COLUMN applicant_website text CHECK (length(applicant_website) <= 300 AND applicant_website ~ '^https://[^\s]{3,}$'),
  ADD COLUMN admin_display_name text CHECK (length(admin_display_name) BETWEEN 2 AND 200),
  ADD COLUMN admin_email text CHECK (length(admin_email) <= 200 AND admin_email ~ '^[^@\s]+@[^@\s]+$'),
  ADD CONSTRAINT adhesion_has_body CHECK (
    (organisation_id IS NOT NULL AND requested_by IS NOT NULL)
    OR (invitation_id IS NOT NULL AND applicant_name IS NOT NULL AND applicant_type IS NOT NULL)),
  ADD CONSTRAINT adhesion_admin_until_decided CHECK (
    status = 'requested' OR (admin_display_name IS NULL AND admin_email IS NULL));

-- ---------------------------------------------------------------- the public side (no session)
-- The form's state for a token: 'open', 'used', 'expired' or 'unknown'; and, while open, the
-- protocol's name and the invited body's name (nothing else: the link may be forwarded).
CREATE FUNCTION adhesion_invitation_state(p_hash text)
RETURNS TABLE (state text, protocol_name text, invited_name text, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(s.state, 'unknown'), s.protocol_name, s.invited_name, s.expires_at
  FROM (SELECT 1) one LEFT JOIN (
    SELECT CASE WHEN i.used_at IS NOT NULL THEN 'used' WHEN i.expires_at <= now() THEN 'expired' ELSE 'open' END AS state,
      CASE WHEN i.used_at IS NULL AND i.expires_at > now() THEN p.name END AS protocol_name,
      CASE WHEN i.used_at IS NULL AND i.expires_at > now() THEN i.invited_name END AS invited_name,
      CASE WHEN i.used_at IS NULL AND i.expires_at > now() THEN i.expires_at END AS expires_at
    FROM adhesion_invitations i JOIN protocols p ON p.id = i.protocol_id
    WHERE i.token_hash = p_hash) s ON true
$$;

-- The municipalities the form offers (public reference data), only to the holder of an open link.
CREATE FUNCTION adhesion_form_municipalities(p_hash text) RETURNS TABLE (istat_code text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.istat_code, m.name FROM municipalities m
  WHERE EXISTS (SELECT 1 FROM adhesion_invitation_state(p_hash) s WHERE s.state = 'open')
  ORDER BY m.name, m.istat_code
$$;

-- Spends the token and records the request in one statement's lock (a second, concurrent answer
-- waits on the row and then finds it spent). Returns the state and, when saved, the request's id
-- and its protocol. Values are checked by the caller's schema and by the columns' CHECKs.
CREATE FUNCTION adhesion_apply(p_hash text, p_name text, p_type text, p_municipality text, p_website text,
  p_motivation text, p_admin_name text, p_admin_email text)
RETURNS TABLE (state text, adhesion_id uuid, protocol_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE inv record; new_id uuid := gen_random_uuid();
BEGIN
  UPDATE adhesion_invitations i SET used_at = now()
    WHERE i.token_hash = p_hash AND i.used_at IS NULL AND i.expires_at > now()
    RETURNING i.id, i.protocol_id INTO inv;
  IF NOT FOUND THEN
    RETURN QUERY SELECT s.state, NULL::uuid, NULL::uuid FROM adhesion_invitation_state(p_hash) s;
    RETURN;
  END IF;
  INSERT INTO protocol_adhesions (id, protocol_id, invitation_id, applicant_name, applicant_type,
    applicant_municipality_code, applicant_website, motivation, admin_display_name, admin_email)
  VALUES (new_id, inv.protocol_id, inv.id, p_name, p_type, p_municipality, p_website, p_motivation, p_admin_name,
    p_admin_email);
  RETURN QUERY SELECT 'saved'::text, new_id, inv.protocol_id;
END $$;

-- The decider approves a request made through an invitation: creates the organisation (in the
-- invitation's network), makes it a signatory, writes the one-time invitation of its administrator
-- (the caller made the token and passes its hash) and closes the request. Checks the caller itself.
-- Returns the new organisation's id and the administrator's invitation id; NULLs when there is no
-- open invited request of that id that the caller may decide.
CREATE FUNCTION adhesion_approve_new_body(p_adhesion uuid, p_admin_username text, p_admin_token_hash text,
  p_note text, p_invite_hours integer)
RETURNS TABLE (organisation_id uuid, link_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE a record; org uuid := gen_random_uuid(); link uuid := gen_random_uuid(); town text;
BEGIN
  SELECT x.id, x.protocol_id, x.applicant_name, x.applicant_type, x.applicant_municipality_code, x.applicant_website,
      x.admin_display_name, x.admin_email, i.network_id
    INTO a
    FROM protocol_adhesions x JOIN adhesion_invitations i ON i.id = x.invitation_id
    WHERE x.id = p_adhesion AND x.status = 'requested' AND x.organisation_id IS NULL
    FOR UPDATE OF x;
  IF NOT FOUND OR NOT app_authenticated() OR NOT app_decides_adhesion(a.protocol_id) THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  SELECT m.name INTO town FROM municipalities m WHERE m.istat_code = a.applicant_municipality_code;
  INSERT INTO organisations (id, name, type, town, municipality_code, website)
    VALUES (org, a.applicant_name, a.applicant_type, town, a.applicant_municipality_code, a.applicant_website);
  IF a.network_id IS NOT NULL THEN
    INSERT INTO organisation_networks (organisation_id, network_id, role) VALUES (org, a.network_id, 'member');
  END IF;
  INSERT INTO protocol_signatories (protocol_id, organisation_id, kind, joined_on)
    VALUES (a.protocol_id, org, 'adhesion', (now() AT TIME ZONE 'Europe/Rome')::date);
  INSERT INTO invitations (id, organisation_id, token_hash, kind, username, display_name, email, roles, created_by,
      expires_at)
    VALUES (link, org, p_admin_token_hash, 'invite', p_admin_username, a.admin_display_name, a.admin_email,
      ARRAY['org_admin'], app_user_id(), now() + make_interval(hours => p_invite_hours));
  UPDATE protocol_adhesions SET status = 'approved', organisation_id = org, decided_by = app_user_id(),
      decided_at = now(), decision_note = p_note, admin_display_name = NULL, admin_email = NULL
    WHERE id = a.id;
  RETURN QUERY SELECT org, link;
END $$;

ALTER FUNCTION adhesion_invitation_state(text) OWNER TO percorsi_definer;
ALTER FUNCTION adhesion_form_municipalities(text) OWNER TO percorsi_definer;
ALTER FUNCTION adhesion_apply(text, text, text, text, text, text, text, text) OWNER TO percorsi_definer;
ALTER FUNCTION adhesion_approve_new_body(uuid, text, text, text, integer) OWNER TO percorsi_definer;
GRANT SELECT (id, protocol_id, network_id, invited_name, token_hash, expires_at, used_at), UPDATE (used_at)
  ON adhesion_invitations TO percorsi_definer;
GRANT SELECT (id, name) ON protocols TO percorsi_definer;
GRANT SELECT (istat_code, name) ON municipalities TO percorsi_definer;
GRANT SELECT (protocol_id, organisation_id) ON protocol_signatories TO percorsi_definer;
GRANT INSERT ON protocol_signatories TO percorsi_definer;
GRANT SELECT, INSERT, UPDATE ON protocol_adhesions TO percorsi_definer;
GRANT INSERT ON organisations, organisation_networks TO percorsi_definer;
GRANT INSERT ON invitations TO percorsi_definer;
CREATE POLICY definer_all ON adhesion_invitations FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_read ON protocols FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY definer_read ON municipalities FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY definer_signatories ON protocol_signatories FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_adhesions ON protocol_adhesions FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_create ON organisations FOR INSERT TO percorsi_definer WITH CHECK (true);
CREATE POLICY definer_create ON organisation_networks FOR INSERT TO percorsi_definer WITH CHECK (true);
CREATE POLICY definer_invite ON invitations FOR INSERT TO percorsi_definer WITH CHECK (kind = 'invite');
REVOKE ALL ON FUNCTION adhesion_invitation_state(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION adhesion_form_municipalities(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION adhesion_form_municipalities(text) TO percorsi_app;
REVOKE ALL ON FUNCTION adhesion_apply(text, text, text, text, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION adhesion_approve_new_body(uuid, text, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION adhesion_invitation_state(text) TO percorsi_app;
GRANT EXECUTE ON FUNCTION adhesion_apply(text, text, text, text, text, text, text, text) TO percorsi_app;
GRANT EXECUTE ON FUNCTION adhesion_approve_new_body(uuid, text, text, text, integer) TO percorsi_app;
