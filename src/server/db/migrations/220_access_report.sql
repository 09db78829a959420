-- Her access report (issue 12): who saw her record. A recipient's view of a referral now keeps the
-- viewer's roles at that moment, so the centre's DPO can tell her "a CPI referent", not a name.
-- Views recorded before this migration have no roles (an empty list).
-- (role codes of src/shared/codes/roles.ts, written by the app from the session's roles)
ALTER TABLE referral_views ADD COLUMN viewer_roles text[] NOT NULL DEFAULT '{}';

-- The centre's privacy settings, set by its DPO. One row per organisation; no row means the
-- defaults (role only in her access report, never staff names).
CREATE TABLE privacy_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisations,
  -- whether her access report names the staff who saw her record (else their role only)
  report_staff_names boolean NOT NULL DEFAULT false,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
ALTER TABLE privacy_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE privacy_settings FORCE ROW LEVEL SECURITY;
-- deny by default: only the organisation's DPO reads and writes its row
CREATE POLICY dpo_read ON privacy_settings FOR SELECT TO percorsi_app
  USING (organisation_id = app_org_id() AND app_has_role('dpo'));
CREATE POLICY dpo_insert ON privacy_settings FOR INSERT TO percorsi_app
  WITH CHECK (organisation_id = app_org_id() AND app_has_role('dpo') AND updated_by = app_user_id());
CREATE POLICY dpo_update ON privacy_settings FOR UPDATE TO percorsi_app
  USING (organisation_id = app_org_id() AND app_has_role('dpo'))
  WITH CHECK (organisation_id = app_org_id() AND app_has_role('dpo') AND updated_by = app_user_id());
GRANT SELECT, INSERT, UPDATE ON privacy_settings TO percorsi_app;
