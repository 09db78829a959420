-- The observatory's quarterly report for the control room (obs-report): a background job per
-- request, its progress, the stored PDF and the fingerprint of the data it was made from
-- (sha256 of the published tables and indicator versions: same data and versions, same hash).
-- It holds published, suppressed tables only, never a case; the control room reads all reports.
CREATE TABLE observatory_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  lang text NOT NULL CHECK (lang IN ('it', 'en')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  requested_by uuid NOT NULL REFERENCES users,
  organisation_id uuid NOT NULL REFERENCES organisations,
  requested_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  data_hash text CHECK (data_hash ~ '^[0-9a-f]{64}$'),
  pdf_hash text CHECK (pdf_hash ~ '^[0-9a-f]{64}$'),
  pdf bytea,
  error_code text,
  CHECK ((status = 'done') = (pdf IS NOT NULL))
);
CREATE INDEX observatory_reports_recent_idx ON observatory_reports (requested_at DESC);

ALTER TABLE observatory_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE observatory_reports FORCE ROW LEVEL SECURITY;
-- can(): 'observatory.report' is control_room_member 'any'
CREATE POLICY control_room_reads ON observatory_reports FOR SELECT TO percorsi_app
  USING (app_authenticated() AND app_has_role('control_room_member'));
CREATE POLICY control_room_requests ON observatory_reports FOR INSERT TO percorsi_app
  WITH CHECK (app_has_role('control_room_member') AND requested_by = app_user_id() AND organisation_id = app_org_id());
-- the job runs as the member who asked, and writes only her own job's progress and result
CREATE POLICY own_job_progress ON observatory_reports FOR UPDATE TO percorsi_app
  USING (app_has_role('control_room_member') AND requested_by = app_user_id())
  WITH CHECK (app_has_role('control_room_member') AND requested_by = app_user_id());
GRANT SELECT, INSERT (quarter, lang, requested_by, organisation_id),
  UPDATE (status, progress, finished_at, data_hash, pdf_hash, pdf, error_code) ON observatory_reports TO percorsi_app;
