-- Referrals (invii) between bodies: a small, consented, time-limited contract between the centre
-- holding a case and a recipient organisation. The recipient sees a pseudonym made for it alone
-- and the fields she agreed to share, sealed in the application, only while access is open.

-- Who at an organisation works referrals it receives: CPI referents, service operators, and the
-- operators of a centre receiving from another centre; the DPO reads.
CREATE FUNCTION app_receives_referrals(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_org = app_org_id() AND (app_has_role('cpi_referent') OR app_has_role('service_operator')
    OR app_has_role('centre_operator') OR app_has_role('dpo')) $$;
CREATE FUNCTION app_works_referrals(p_org uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_org = app_org_id() AND (app_has_role('cpi_referent') OR app_has_role('service_operator')
    OR app_has_role('centre_operator')) $$;

-- Whether the recipient's access to a referral is open: not ended by an event (revocation,
-- withdrawal, decline, expiry), within its time limit, and not an unanswered referral past expiry.
CREATE FUNCTION referral_access_open(p_status text, p_ended timestamptz, p_until date, p_expires date)
  RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT p_ended IS NULL AND p_status NOT IN ('declined', 'withdrawn', 'expired')
    AND (p_until IS NULL OR current_date <= p_until)
    AND NOT (p_status = 'sent' AND p_expires IS NOT NULL AND current_date > p_expires) $$;

-- Deadlines per protocol and recipient type, in working days (Italian calendar). A NULL protocol
-- or recipient type is the default. access_days: how long the recipient keeps access after
-- completion.
CREATE TABLE referral_rules (
  id serial PRIMARY KEY,
  protocol_id uuid REFERENCES protocols,
  recipient_type text,
  ack_working_days integer NOT NULL CHECK (ack_working_days BETWEEN 1 AND 60),
  appointment_working_days integer NOT NULL CHECK (appointment_working_days BETWEEN 1 AND 120),
  expiry_working_days integer NOT NULL CHECK (expiry_working_days BETWEEN 1 AND 120),
  access_days integer NOT NULL DEFAULT 30 CHECK (access_days BETWEEN 0 AND 365),
  UNIQUE NULLS NOT DISTINCT (protocol_id, recipient_type)
);
INSERT INTO referral_rules (protocol_id, recipient_type, ack_working_days, appointment_working_days, expiry_working_days) VALUES
  (NULL, NULL, 10, 30, 20),
  (NULL, 'employment_centre', 5, 15, 10);
-- The protocols that name CPI deadlines: acknowledge within 5 working days, first appointment within 15.
INSERT INTO referral_rules (protocol_id, recipient_type, ack_working_days, appointment_working_days, expiry_working_days)
  SELECT id, 'employment_centre', 5, 15, 10 FROM protocols WHERE code IN ('milano-lavoro-2022', 'metropolitano-2023');

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases,
  -- the sending centre, which holds the case
  organisation_id uuid NOT NULL REFERENCES organisations,
  recipient_organisation_id uuid NOT NULL REFERENCES organisations,
  -- a named referent at the recipient; NULL: the recipient's shared inbox
  recipient_user_id uuid REFERENCES users,
  recipient_user_name text,
  network_id text REFERENCES networks,
  protocol_id uuid REFERENCES protocols,
  purpose text NOT NULL CHECK (purpose IN ('work_orientation', 'training', 'housing', 'social_support', 'health', 'legal')),
  urgency text NOT NULL CHECK (urgency IN ('routine', 'priority', 'urgent')),
  contact_mode text NOT NULL CHECK (contact_mode IN ('direct', 'through_centre')),
  pseudonym text NOT NULL,
  consent_id uuid NOT NULL REFERENCES consents,
  identity_consent_id uuid REFERENCES consents,
  share_fields text[] NOT NULL,
  plan_action_id uuid,
  status text NOT NULL DEFAULT 'sent'
    CHECK (status IN ('sent', 'accepted', 'declined', 'in_progress', 'completed', 'withdrawn', 'expired')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  sent_on date NOT NULL,
  ack_due_on date NOT NULL,
  appointment_due_on date NOT NULL,
  expires_on date NOT NULL,
  answered_at timestamptz,
  decline_reason text CHECK (decline_reason IN ('not_competent', 'no_capacity', 'not_eligible', 'duplicate', 'other')),
  appointment_on date,
  completed_on date,
  completion_outcome text CHECK (completion_outcome IN ('goal_reached', 'partly_reached', 'not_reached', 'she_withdrew', 'other')),
  access_days integer NOT NULL,
  -- the last day the recipient may see shared data (consent expiry; completion + access_days)
  access_until date,
  access_ended_at timestamptz,
  access_end_reason text CHECK (access_end_reason IN ('consent_revoked', 'withdrawn', 'declined', 'expired', 'time_limit')),
  -- the last missed deadline both sides were told about, so each is flagged once
  overdue_notified text CHECK (overdue_notified IN ('acknowledgement', 'first_appointment')),
  created_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (recipient_organisation_id <> organisation_id)
);
CREATE INDEX referrals_case_idx ON referrals (case_id);
CREATE INDEX referrals_sender_idx ON referrals (organisation_id, sent_at DESC);
CREATE INDEX referrals_recipient_idx ON referrals (recipient_organisation_id, sent_at DESC);
CREATE INDEX referrals_consent_idx ON referrals (consent_id);
CREATE INDEX referrals_identity_consent_idx ON referrals (identity_consent_id) WHERE identity_consent_id IS NOT NULL;
CREATE INDEX referrals_open_idx ON referrals (network_id, status) WHERE status IN ('sent', 'accepted', 'in_progress');
-- The recipient's inbox walks only referrals whose access has not ended, newest first (found by
-- the referrals benchmark: without it the planner read every referral of a big CPI, 4,000 of
-- 45,000 still visible, because it counts the query's and the policy's organisation test twice).
CREATE INDEX referrals_recipient_live_idx ON referrals (recipient_organisation_id, sent_at DESC, id) WHERE access_ended_at IS NULL;

-- What a referral carries, sealed by the application with a key derived for this referral alone.
-- Deleted as soon as the recipient's access ends: what stays is the referral's status.
CREATE TABLE referral_shares (
  referral_id uuid PRIMARY KEY REFERENCES referrals,
  organisation_id uuid NOT NULL REFERENCES organisations,
  recipient_organisation_id uuid NOT NULL REFERENCES organisations,
  sealed text NOT NULL
);

-- The referral's history: who did what, codes only.
CREATE TABLE referral_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals,
  organisation_id uuid NOT NULL REFERENCES organisations,
  recipient_organisation_id uuid NOT NULL REFERENCES organisations,
  actor_user_id uuid,
  actor_organisation_id uuid,
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, id);

-- What the recipient reports back: appointments, actions and outcomes. They flow back to the
-- centre's case (outcomes, timeline), marked with who reported them.
CREATE TABLE referral_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals,
  organisation_id uuid NOT NULL REFERENCES organisations,
  recipient_organisation_id uuid NOT NULL REFERENCES organisations,
  kind text NOT NULL CHECK (kind IN ('first_appointment', 'registered', 'service_agreement_signed', 'course_started',
    'course_completed', 'traineeship_started', 'hired', 'housing_offered', 'action_taken')),
  occurred_on date NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  outcome_id uuid REFERENCES outcomes,
  reported_by uuid NOT NULL,
  reported_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_reports_referral_idx ON referral_reports (referral_id);

CREATE TABLE referral_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referrals,
  organisation_id uuid NOT NULL REFERENCES organisations,
  recipient_organisation_id uuid NOT NULL REFERENCES organisations,
  author_user_id uuid NOT NULL,
  author_organisation_id uuid NOT NULL,
  author_name text NOT NULL,
  -- sealed like the share (an operator may write her name in a message)
  body_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_messages_referral_idx ON referral_messages (referral_id, created_at);

-- Every view of a referral by the recipient: the centre sees who opened it, and when.
CREATE TABLE referral_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals,
  organisation_id uuid NOT NULL REFERENCES organisations,
  viewer_user_id uuid NOT NULL,
  viewer_organisation_id uuid NOT NULL,
  viewer_name text NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_views_referral_idx ON referral_views (referral_id, viewed_at DESC);

-- Idempotency keys of referral creation: a retried request returns the first referral.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  organisation_id uuid NOT NULL REFERENCES organisations,
  request_hash text NOT NULL,
  -- checked at commit: the key is taken first, so that a concurrent retry waits for it
  referral_id uuid NOT NULL REFERENCES referrals DEFERRABLE INITIALLY DEFERRED,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- Columns that never change after sending, whoever updates the row.
CREATE FUNCTION referral_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.case_id <> OLD.case_id OR NEW.organisation_id <> OLD.organisation_id
     OR NEW.recipient_organisation_id <> OLD.recipient_organisation_id OR NEW.pseudonym <> OLD.pseudonym
     OR NEW.consent_id <> OLD.consent_id OR NEW.identity_consent_id IS DISTINCT FROM OLD.identity_consent_id
     OR NEW.share_fields <> OLD.share_fields OR NEW.purpose <> OLD.purpose OR NEW.contact_mode <> OLD.contact_mode
     OR NEW.created_by <> OLD.created_by THEN
    RAISE EXCEPTION 'referral fields are immutable' USING ERRCODE = 'check_violation';
  END IF;
  -- once ended, access never reopens
  IF OLD.access_ended_at IS NOT NULL AND NEW.access_ended_at IS DISTINCT FROM OLD.access_ended_at THEN
    RAISE EXCEPTION 'access has ended' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER referral_immutable BEFORE UPDATE ON referrals FOR EACH ROW EXECUTE FUNCTION referral_immutable();

-- ---------------------------------------------------------------- row-level security
ALTER TABLE referral_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_rules FORCE ROW LEVEL SECURITY;
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_shares FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_events FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_reports FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_messages FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_views FORCE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;

CREATE POLICY read_signed_in ON referral_rules FOR SELECT TO percorsi_app USING (app_authenticated());

-- The sender's centre sees its referrals (operators and DPO) and its operators write them; the
-- recipient sees and answers them only while access is open.
CREATE POLICY sender_read ON referrals FOR SELECT TO percorsi_app USING (app_sees_cases(organisation_id));
CREATE POLICY sender_insert ON referrals FOR INSERT TO percorsi_app WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY sender_update ON referrals FOR UPDATE TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY recipient_read ON referrals FOR SELECT TO percorsi_app
  USING (app_receives_referrals(recipient_organisation_id)
    AND referral_access_open(status, access_ended_at, access_until, expires_on));
CREATE POLICY recipient_update ON referrals FOR UPDATE TO percorsi_app
  USING (app_works_referrals(recipient_organisation_id)
    AND referral_access_open(status, access_ended_at, access_until, expires_on))
  WITH CHECK (app_works_referrals(recipient_organisation_id));

-- Shared data: the recipient reads it through its visible referral; the sender writes it once and
-- deletes it when access ends.
CREATE POLICY sender_all ON referral_shares FOR ALL TO percorsi_app
  USING (app_works_cases(organisation_id)) WITH CHECK (app_works_cases(organisation_id));
CREATE POLICY recipient_read ON referral_shares FOR SELECT TO percorsi_app
  USING (app_receives_referrals(recipient_organisation_id)
    AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));

-- History, reports, messages: both sides read (the recipient while its referral is visible) and
-- write as themselves.
CREATE POLICY both_read ON referral_events FOR SELECT TO percorsi_app
  USING (app_sees_cases(organisation_id) OR EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id AND app_receives_referrals(r.recipient_organisation_id)));
CREATE POLICY both_insert ON referral_events FOR INSERT TO percorsi_app
  WITH CHECK (actor_user_id = app_user_id() AND actor_organisation_id = app_org_id()
    AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
CREATE POLICY both_read ON referral_reports FOR SELECT TO percorsi_app
  USING (app_sees_cases(organisation_id) OR EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id AND app_receives_referrals(r.recipient_organisation_id)));
CREATE POLICY recipient_insert ON referral_reports FOR INSERT TO percorsi_app
  WITH CHECK (reported_by = app_user_id() AND app_works_referrals(recipient_organisation_id)
    AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id AND r.recipient_organisation_id = app_org_id()));
CREATE POLICY both_read ON referral_messages FOR SELECT TO percorsi_app
  USING (app_sees_cases(organisation_id) OR EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id AND app_receives_referrals(r.recipient_organisation_id)));
CREATE POLICY both_insert ON referral_messages FOR INSERT TO percorsi_app
  WITH CHECK (author_user_id = app_user_id() AND author_organisation_id = app_org_id()
    AND (app_works_cases(organisation_id) OR app_works_referrals(recipient_organisation_id))
    AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
CREATE POLICY sender_read ON referral_views FOR SELECT TO percorsi_app
  USING (app_sees_cases(organisation_id) OR viewer_user_id = app_user_id());
CREATE POLICY recipient_insert ON referral_views FOR INSERT TO percorsi_app
  WITH CHECK (viewer_user_id = app_user_id() AND viewer_organisation_id = app_org_id()
    AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id AND app_receives_referrals(r.recipient_organisation_id)));
CREATE POLICY own_keys ON idempotency_keys FOR ALL TO percorsi_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id() AND organisation_id = app_org_id());

GRANT SELECT ON referral_rules TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON referrals TO percorsi_app;
GRANT SELECT, INSERT, DELETE ON referral_shares TO percorsi_app;
GRANT SELECT, INSERT ON referral_events, referral_reports, referral_messages, referral_views, idempotency_keys TO percorsi_app;

-- ---------------------------------------------------------------- across organisations
-- The referents a centre may address at a recipient: ids and display names of its active users
-- who receive referrals, nothing else.
CREATE FUNCTION referral_referents(p_org uuid) RETURNS TABLE (user_id uuid, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.display_name FROM users u
  WHERE app_has_role('centre_operator') AND u.organisation_id = p_org AND u.disabled_at IS NULL
    AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('cpi_referent', 'service_operator', 'centre_operator'))
  ORDER BY u.display_name
$$;
ALTER FUNCTION referral_referents(uuid) OWNER TO percorsi_definer;
GRANT SELECT (id, organisation_id, display_name, disabled_at) ON users TO percorsi_definer;
GRANT SELECT (user_id, role) ON user_roles TO percorsi_definer;
CREATE POLICY definer_referents ON users FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY definer_referents ON user_roles FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION referral_referents(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_referents(uuid) TO percorsi_app;

-- A recipient's report that is an outcome flows back into the centre's case: the outcome (and,
-- for a hire, the follow-ups at 3, 6 and 12 months) and a timeline entry, marked with the
-- reporting organisation. Only the recipient of an open, accepted referral may call it.
CREATE FUNCTION referral_report_outcome(p_referral uuid, p_kind text, p_on date, p_details jsonb) RETURNS uuid
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
  INSERT INTO outcomes (case_id, organisation_id, kind, occurred_on, details, reported_by_organisation_id, recorded_by)
    VALUES (r.case_id, r.organisation_id, p_kind, p_on, p_details, app_org_id(), app_user_id())
    RETURNING id INTO v_outcome;
  IF p_kind = 'hired' THEN
    FOREACH m IN ARRAY ARRAY[3, 6, 12] LOOP
      INSERT INTO follow_ups (case_id, organisation_id, outcome_id, months, due_on)
        VALUES (r.case_id, r.organisation_id, v_outcome, m, (p_on + make_interval(months => m))::date);
    END LOOP;
  END IF;
  RETURN v_outcome;
END $$;
ALTER FUNCTION referral_report_outcome(uuid, text, date, jsonb) OWNER TO percorsi_definer;
GRANT SELECT (id, case_id, organisation_id, recipient_organisation_id, status, access_ended_at, access_until, expires_on) ON referrals TO percorsi_definer;
CREATE POLICY definer_flow_back ON referrals FOR SELECT TO percorsi_definer USING (true);
GRANT INSERT ON outcomes, follow_ups TO percorsi_definer;
GRANT SELECT (id) ON outcomes TO percorsi_definer;
CREATE POLICY definer_flow_back ON outcomes FOR ALL TO percorsi_definer USING (true) WITH CHECK (reported_by_organisation_id IS NOT NULL);
CREATE POLICY definer_flow_back ON follow_ups FOR INSERT TO percorsi_definer WITH CHECK (true);
REVOKE ALL ON FUNCTION referral_report_outcome(uuid, text, date, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_report_outcome(uuid, text, date, jsonb) TO percorsi_app;

-- A timeline entry on the centre's case for an event the recipient caused (codes only).
CREATE FUNCTION referral_case_event(p_referral uuid, p_kind text, p_details jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r record;
BEGIN
  SELECT id, case_id, organisation_id INTO r FROM referrals
    WHERE id = p_referral AND app_works_referrals(recipient_organisation_id);
  IF NOT FOUND OR p_kind NOT LIKE 'referral.%' THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO case_events (case_id, organisation_id, actor_user_id, kind, ref_id, details)
    VALUES (r.case_id, r.organisation_id, app_user_id(), p_kind, p_referral::text,
      p_details || jsonb_build_object('byOrganisationId', app_org_id()));
END $$;
ALTER FUNCTION referral_case_event(uuid, text, jsonb) OWNER TO percorsi_definer;
GRANT INSERT ON case_events TO percorsi_definer;
CREATE POLICY definer_flow_back ON case_events FOR INSERT TO percorsi_definer WITH CHECK (kind LIKE 'referral.%');
REVOKE ALL ON FUNCTION referral_case_event(uuid, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_case_event(uuid, text, jsonb) TO percorsi_app;

-- The network coordinator's overdue list: referrals of the coordinator's networks past a
-- deadline, with organisations, purpose and dates only (no case, no pseudonym).
CREATE FUNCTION overdue_referrals(p_today date) RETURNS TABLE (
  id uuid, network_id text, sender_organisation_id uuid, recipient_organisation_id uuid, purpose text,
  urgency text, status text, sent_on date, ack_due_on date, appointment_due_on date, overdue text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.id, r.network_id, r.organisation_id, r.recipient_organisation_id, r.purpose, r.urgency, r.status,
    r.sent_on, r.ack_due_on, r.appointment_due_on,
    CASE WHEN r.status = 'sent' THEN 'acknowledgement' ELSE 'first_appointment' END
  FROM referrals r
  WHERE (app_has_role('network_coordinator') OR app_has_role('control_room_member'))
    AND (app_has_role('control_room_member')
      OR r.network_id IN (SELECT n.network_id FROM organisation_networks n WHERE n.organisation_id = app_org_id()))
    AND r.access_ended_at IS NULL
    AND ((r.status = 'sent' AND p_today > r.ack_due_on AND p_today <= r.expires_on)
      OR (r.status IN ('accepted', 'in_progress') AND r.appointment_on IS NULL AND p_today > r.appointment_due_on))
  ORDER BY r.sent_on
$$;
ALTER FUNCTION overdue_referrals(date) OWNER TO percorsi_definer;
GRANT SELECT ON referrals TO percorsi_definer;
GRANT SELECT (organisation_id, network_id) ON organisation_networks TO percorsi_definer;
CREATE POLICY definer_overdue ON organisation_networks FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION overdue_referrals(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overdue_referrals(date) TO percorsi_app;

-- The periodic sweep (any context may run it; it only ever closes access): unanswered referrals
-- past expiry become expired, access past its time limit is marked ended, and every share whose
-- access has ended is deleted.
CREATE FUNCTION sweep_referrals(p_today date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  UPDATE referrals SET status = 'expired', access_ended_at = now(), access_end_reason = 'expired',
      updated_at = now(), version = version + 1
    WHERE status = 'sent' AND p_today > expires_on AND access_ended_at IS NULL;
  UPDATE referrals SET access_ended_at = now(), access_end_reason = 'time_limit', updated_at = now(), version = version + 1
    WHERE access_ended_at IS NULL AND access_until IS NOT NULL AND p_today > access_until;
  DELETE FROM referral_shares s USING referrals r
    WHERE r.id = s.referral_id
      AND (r.access_ended_at IS NOT NULL OR (r.access_until IS NOT NULL AND p_today > r.access_until));
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
ALTER FUNCTION sweep_referrals(date) OWNER TO percorsi_definer;
GRANT UPDATE (status, access_ended_at, access_end_reason, updated_at, version) ON referrals TO percorsi_definer;
CREATE POLICY definer_sweep ON referrals FOR UPDATE TO percorsi_definer USING (true) WITH CHECK (true);
GRANT SELECT (referral_id), DELETE ON referral_shares TO percorsi_definer;
CREATE POLICY definer_sweep ON referral_shares FOR ALL TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION sweep_referrals(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sweep_referrals(date) TO percorsi_app;

-- The recipient declines: the one step by which it ends its own access. As a plain UPDATE the new
-- row would fail the recipient's SELECT policy (access closed), so it runs here, checked the same
-- way, and deletes the share in the same statement's transaction. Returns the rows changed (0: a
-- stale version or a step not allowed).
CREATE FUNCTION referral_decline(p_id uuid, p_version integer, p_reason text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  UPDATE referrals SET status = 'declined', answered_at = now(), decline_reason = p_reason,
      access_ended_at = now(), access_end_reason = 'declined', updated_at = now(), version = version + 1
    WHERE id = p_id AND version = p_version AND status = 'sent'
      AND app_works_referrals(recipient_organisation_id)
      AND referral_access_open(status, access_ended_at, access_until, expires_on);
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 1 THEN
    DELETE FROM referral_shares WHERE referral_id = p_id;
  END IF;
  RETURN n;
END $$;
ALTER FUNCTION referral_decline(uuid, integer, text) OWNER TO percorsi_definer;
GRANT UPDATE (answered_at, decline_reason) ON referrals TO percorsi_definer;
REVOKE ALL ON FUNCTION referral_decline(uuid, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION referral_decline(uuid, integer, text) TO percorsi_app;
