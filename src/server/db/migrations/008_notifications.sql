-- Notifications for operators: an in-app inbox, and e-mail through a transactional outbox.
-- Nothing here is about the woman: a notification carries a kind code and, at most, a referral id;
-- an e-mail carries a fixed template code. Percorsi never e-mails the woman.

-- The inbox. A user reads, and marks as read, only their own rows.
-- referral_id has no foreign key: referrals are another migration's table, and a notification
-- outliving its referral is harmless (it shows nothing but the kind).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{2,62}$'),
  referral_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- The outbox: written in the transaction that notifies, sent afterwards by the outbox worker
-- (outbox-worker.ts) through the owner connection. The app role has no grant on it at all.
-- last_error is an error code (e.g. EENVELOPE_550), never the text of the SMTP server's reply.
CREATE TABLE email_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations,
  to_address text NOT NULL,
  template text NOT NULL CHECK (template ~ '^[a-z][a-z_]{2,62}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text CHECK (last_error ~ '^[A-Za-z0-9_]{1,64}$'),
  CHECK (sent_at IS NULL OR failed_at IS NULL)
);
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY;

CREATE POLICY notifications_own ON notifications FOR SELECT TO percorsi_app
  USING (user_id = app_user_id() AND organisation_id = app_org_id());
CREATE POLICY notifications_mark_read ON notifications FOR UPDATE TO percorsi_app
  USING (user_id = app_user_id() AND organisation_id = app_org_id())
  WITH CHECK (user_id = app_user_id() AND organisation_id = app_org_id());
GRANT SELECT ON notifications TO percorsi_app;
GRANT UPDATE (read_at) ON notifications TO percorsi_app;
-- email_outbox: no policy and no grant for percorsi_app.

-- ---------------------------------------------------------------- notify_users
-- Recipients: the active users of p_organisation who hold any of p_roles, or, when p_user_ids is
-- given, those users (still of p_organisation, and holding one of p_roles when p_roles is given
-- too), less p_actor: nobody is notified of their own action. Writes one inbox row each and, for
-- those with an e-mail address, one outbox row each; returns the count, never an address or a name.
-- Not callable by the app role: it is the body of notify_users below, and what system jobs (no
-- signed-in actor, e.g. a deadline sweep) call through the owner connection.
CREATE FUNCTION notify_recipients(p_organisation uuid, p_roles text[], p_user_ids uuid[], p_kind text,
  p_referral uuid, p_actor uuid)
RETURNS integer LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  IF p_organisation IS NULL OR (p_roles IS NULL AND p_user_ids IS NULL) THEN
    RAISE EXCEPTION 'no recipients given' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  WITH targets AS (
    SELECT u.id, u.email FROM users u
    WHERE u.organisation_id = p_organisation
      AND u.disabled_at IS NULL
      AND u.id IS DISTINCT FROM p_actor
      AND (p_user_ids IS NULL OR u.id = ANY (p_user_ids))
      AND (p_roles IS NULL OR EXISTS (SELECT 1 FROM user_roles r
        WHERE r.user_id = u.id AND r.organisation_id = p_organisation AND r.role = ANY (p_roles)))
  ), inbox AS (
    INSERT INTO notifications (user_id, organisation_id, kind, referral_id)
    SELECT t.id, p_organisation, p_kind, p_referral FROM targets t
  ), mail AS (
    INSERT INTO email_outbox (user_id, organisation_id, to_address, template)
    SELECT t.id, p_organisation, t.email, p_kind FROM targets t WHERE coalesce(t.email, '') <> ''
  )
  SELECT count(*)::integer INTO n FROM targets;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION notify_recipients(uuid, text[], uuid[], text, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notify_recipients(uuid, text[], uuid[], text, uuid, uuid) TO percorsi_definer;

-- A centre notifies a CPI's users, whose user rows it cannot read: so requests notify through this
-- SECURITY DEFINER function, callable by any signed-in actor, who is never notified themself.
CREATE FUNCTION notify_users(p_organisation uuid, p_roles text[], p_user_ids uuid[], p_kind text, p_referral uuid)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT app_authenticated() THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN notify_recipients(p_organisation, p_roles, p_user_ids, p_kind, p_referral, app_user_id());
END $$;
ALTER FUNCTION notify_users(uuid, text[], uuid[], text, uuid) OWNER TO percorsi_definer;
GRANT SELECT (email, disabled_at) ON users TO percorsi_definer;
GRANT SELECT (user_id, organisation_id, role) ON user_roles TO percorsi_definer;
GRANT INSERT ON notifications, email_outbox TO percorsi_definer;
CREATE POLICY notify_definer ON user_roles FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY notify_definer ON notifications FOR INSERT TO percorsi_definer WITH CHECK (true);
CREATE POLICY notify_definer ON email_outbox FOR INSERT TO percorsi_definer WITH CHECK (true);
REVOKE ALL ON FUNCTION notify_users(uuid, text[], uuid[], text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notify_users(uuid, text[], uuid[], text, uuid) TO percorsi_app;
