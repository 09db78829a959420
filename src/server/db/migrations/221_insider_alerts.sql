-- Insider alerts (issue 12): what the `insider_alerts` job found in the audit trail, told to the
-- organisation's DPO. Ids, codes, counts and the audit rows behind each alert (their seq), nothing
-- about her. One alert per user, kind and hour.
CREATE TABLE insider_alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations,
  user_id uuid NOT NULL REFERENCES users,
  kind text NOT NULL CHECK (kind IN ('volume_ceiling', 'volume_pattern', 'off_team', 'unusual_hour')),
  hour_start timestamptz NOT NULL,
  count integer NOT NULL CHECK (count >= 1),
  audit_seqs bigint[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, kind, hour_start)
);
CREATE INDEX insider_alerts_org_idx ON insider_alerts (organisation_id, created_at DESC);
ALTER TABLE insider_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE insider_alerts FORCE ROW LEVEL SECURITY;
-- deny by default: the organisation's DPO reads; only the job (owner connection) writes
CREATE POLICY dpo_read ON insider_alerts FOR SELECT TO percorsi_app
  USING (organisation_id = app_org_id() AND app_has_role('dpo'));
GRANT SELECT ON insider_alerts TO percorsi_app;
