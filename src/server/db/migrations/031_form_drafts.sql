-- Drafts of long forms (the intake, a needs analysis), saved while she types so that a reload or a
-- lost connection loses nothing. A draft can hold her identity before any case exists, so it is
-- sealed like the identity: AES-256-GCM under the centre's data key, bound to its author and slot
-- (drafts/seal.ts); the table holds ciphertext only. Only its author reads it: a draft has no case
-- team yet, and its author is the only one who saw what it holds (colleagues see the case once it
-- is submitted). One draft per author, form and case; gone when the form is submitted, discarded,
-- or 14 days after the last save (sweep_drafts, run by the server's sweep).
CREATE TABLE form_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations,
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  form text NOT NULL CHECK (form IN ('intake', 'needs_assessment')),
  -- the case a form belongs to; none for the intake, which creates it
  case_id uuid REFERENCES cases ON DELETE CASCADE,
  sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK ((form = 'intake') = (case_id IS NULL)),
  CONSTRAINT form_drafts_slot UNIQUE NULLS NOT DISTINCT (user_id, form, case_id)
);
CREATE INDEX form_drafts_expiry_idx ON form_drafts (expires_at);
CREATE INDEX form_drafts_case_idx ON form_drafts (case_id);

ALTER TABLE form_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE form_drafts FORCE ROW LEVEL SECURITY;
-- Her own drafts, while she works cases at her centre (a role taken away ends her access too).
CREATE POLICY own_drafts ON form_drafts FOR ALL TO percorsi_app
  USING (user_id = app_user_id() AND app_works_cases(organisation_id))
  WITH CHECK (user_id = app_user_id() AND app_works_cases(organisation_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON form_drafts TO percorsi_app;

-- The sweep: deletes every expired draft, whoever wrote it; returns a count only.
CREATE FUNCTION sweep_drafts() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  DELETE FROM form_drafts WHERE expires_at <= now();
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
ALTER FUNCTION sweep_drafts() OWNER TO percorsi_definer;
GRANT SELECT (expires_at), DELETE ON form_drafts TO percorsi_definer;
CREATE POLICY definer_sweep ON form_drafts FOR ALL TO percorsi_definer USING (expires_at <= now());
REVOKE ALL ON FUNCTION sweep_drafts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sweep_drafts() TO percorsi_app;
