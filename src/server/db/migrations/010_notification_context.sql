-- Notifications that clear themselves: when a referral is acted on, its notifications of the
-- acting organisation become read (notifications/settle.ts says which kinds, per action). The
-- actor may update only her own rows (policy notifications_mark_read), so clearing her
-- colleagues' rows goes through this SECURITY DEFINER function: it touches only the caller's
-- organisation's rows of a referral that organisation is a party to, and returns a count.
-- The context a notification shows (case code or pseudonym, bodies, purpose, due date) is not
-- stored: the inbox reads it from the referral at read time, under the reader's RLS.
CREATE INDEX notifications_referral_idx ON notifications (referral_id) WHERE referral_id IS NOT NULL;

CREATE FUNCTION clear_notifications(p_referral uuid, p_kinds text[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  IF NOT app_authenticated() THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM referrals r WHERE r.id = p_referral
      AND app_org_id() IN (r.organisation_id, r.recipient_organisation_id)) THEN
    RETURN 0;
  END IF;
  UPDATE notifications SET read_at = now()
  WHERE organisation_id = app_org_id() AND referral_id = p_referral AND kind = ANY (p_kinds) AND read_at IS NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
ALTER FUNCTION clear_notifications(uuid, text[]) OWNER TO percorsi_definer;
GRANT SELECT (organisation_id, referral_id, kind, read_at) ON notifications TO percorsi_definer;
GRANT UPDATE (read_at) ON notifications TO percorsi_definer;
CREATE POLICY clear_definer_read ON notifications FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY clear_definer ON notifications FOR UPDATE TO percorsi_definer USING (true) WITH CHECK (true);
REVOKE ALL ON FUNCTION clear_notifications(uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clear_notifications(uuid, text[]) TO percorsi_app;
