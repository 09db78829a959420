/**
 * The quarterly report as a background job: requested in the request's transaction (audited),
 * then run just after, outside it, as the member who asked (her scope and RLS), in steps that
 * each commit their progress so that the UI can poll it. The data is read in one transaction, so
 * the report is one consistent picture; its fingerprint (data_hash) is the sha256 of the
 * published tables and the indicator versions: same data and versions → same hash (and, since the
 * PDF is deterministic, the same pdf_hash).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { DASHBOARDS, type DashboardAnswer } from '../../shared/observatory/types.ts';
import { type Actor, setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { type Ctx, makeCtx } from '../http/request-context.ts';
import type { Report, ReportRequest } from './schemas.ts';
import { observatorySource } from './source.ts';

/** Bumped when the report's layout changes what it shows (part of the fingerprint). */
export const REPORT_FORMAT = 'quarterly-report-v1';
/** A job still queued or running after this long was cut off (a restart): shown as failed. */
const STALE_MS = 15 * 60_000;

interface Row {
  id: string;
  quarter: string;
  lang: 'it' | 'en';
  status: Report['status'];
  progress: number;
  requested_by: string;
  requested_at: Date | string;
  finished_at: Date | string | null;
  data_hash: string | null;
  pdf_hash: string | null;
  error_code: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function present(r: Row, me: Actor, now = Date.now()): Report {
  const stale =
    (r.status === 'queued' || r.status === 'running') && now - new Date(r.requested_at).getTime() > STALE_MS;
  return {
    id: r.id,
    quarter: r.quarter,
    lang: r.lang,
    status: stale ? 'failed' : r.status,
    progress: r.progress,
    requestedAt: iso(r.requested_at) as string,
    finishedAt: iso(r.finished_at),
    dataHash: r.data_hash,
    pdfHash: r.pdf_hash,
    errorCode: stale ? 'interrupted' : r.error_code,
    mine: r.requested_by === me.userId,
  };
}

const COLUMNS = sql`id, quarter, lang, status, progress, requested_by, requested_at, finished_at, data_hash, pdf_hash, error_code`;

export async function requestReport(ctx: Ctx, body: ReportRequest): Promise<Report> {
  const me = ctx.authorise('observatory.report');
  const scope = await observatorySource().scope(ctx);
  if (!scope.periods.some((p) => p.kind === 'quarter' && p.key === body.quarter))
    throw invalidField('quarter', 'not_allowed_value');
  const r = await sql<Row>`INSERT INTO observatory_reports (quarter, lang, requested_by, organisation_id)
    VALUES (${body.quarter}, ${body.lang ?? 'it'}, ${me.userId}::uuid, ${me.organisationId}::uuid)
    RETURNING ${COLUMNS}`.execute(ctx.tx);
  const row = r.rows[0] as Row;
  await ctx.audit({
    action: 'observatory.report_request',
    subjectType: 'observatory_report',
    subjectId: row.id,
    details: { quarter: body.quarter, lang: row.lang },
  });
  return present(row, me);
}

export async function listReports(ctx: Ctx): Promise<Report[]> {
  const me = ctx.authorise('observatory.report');
  const r = await sql<Row>`SELECT ${COLUMNS} FROM observatory_reports ORDER BY requested_at DESC LIMIT 20`.execute(
    ctx.tx,
  );
  return r.rows.map((row) => present(row, me));
}

export async function readReport(ctx: Ctx, id: string): Promise<Report> {
  const me = ctx.authorise('observatory.report');
  const r = await sql<Row>`SELECT ${COLUMNS} FROM observatory_reports WHERE id = ${id}::uuid`.execute(ctx.tx);
  const row = r.rows[0];
  if (!row) throw notFound();
  return present(row, me);
}

export async function downloadReport(ctx: Ctx, id: string): Promise<{ pdf: Buffer; filename: string }> {
  ctx.authorise('observatory.report');
  const r = await sql<{ pdf: Buffer; quarter: string; lang: string }>`
    SELECT pdf, quarter, lang FROM observatory_reports WHERE id = ${id}::uuid AND status = 'done'`.execute(ctx.tx);
  const row = r.rows[0];
  if (!row) throw notFound();
  await ctx.audit({ action: 'observatory.report_download', subjectType: 'observatory_report', subjectId: id });
  return { pdf: Buffer.from(row.pdf), filename: `osservatorio-${row.quarter}-${row.lang}.pdf` };
}

/** The fingerprint of what the report shows: the tables (numbers, marks, indicator versions) and the format. */
export function dataHash(quarter: string, answers: DashboardAnswer[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: REPORT_FORMAT, quarter, answers }))
    .digest('hex');
}

/** Runs a requested report to the end; never throws (a failure is recorded on the job). */
export async function runReportJob(db: Database, actor: Actor, id: string): Promise<void> {
  // one snapshot for all the dashboards: SET TRANSACTION must come before the first query (the
  // browser journey found the report always failing with it after setActor: 25P02)
  const step = <T>(fn: (ctx: Ctx) => Promise<T>, oneSnapshot = false) =>
    withContext(db, async (tx) => {
      if (oneSnapshot) await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(tx);
      await setActor(tx, actor);
      return fn(makeCtx(tx, actor));
    });
  const update = (fields: Record<string, unknown>) =>
    step(async ({ tx }) => {
      const sets = Object.entries(fields).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
      await sql`UPDATE observatory_reports SET ${sql.join(sets)} WHERE id = ${id}::uuid`.execute(tx);
    });
  try {
    const job = await step(async ({ tx }) => {
      const r = await sql<{ quarter: string; lang: 'it' | 'en' }>`
        UPDATE observatory_reports SET status = 'running', progress = 5 WHERE id = ${id}::uuid AND status = 'queued'
        RETURNING quarter, lang`.execute(tx);
      return r.rows[0];
    });
    if (!job) return;
    const { answers, scopeName } = await step(async (ctx) => {
      const source = observatorySource();
      const scope = await source.scope(ctx);
      const answers: DashboardAnswer[] = [];
      for (const dashboard of DASHBOARDS)
        answers.push(await source.dashboard(ctx, { dashboard, period: `quarter:${job.quarter}`, by: 'network' }));
      return { answers, scopeName: scope.networks.map((n) => n.name).join(', ') };
    }, true);
    await update({ progress: 30 });
    const hash = dataHash(job.quarter, answers);
    let last = 30;
    const pending: Promise<void>[] = [];
    // echarts, pdfkit and svg-to-pdfkit (1.5–2 s of CPU to load) on the first report, not at start
    const { renderReportPdf } = await import('./render-pdf.ts');
    const pdf = await renderReportPdf(
      { lang: job.lang, quarter: job.quarter, answers, dataHash: hash, madeOn: todayInItaly(), scopeName },
      (done, total) => {
        const progress = 30 + Math.floor((done / total) * 65);
        if (progress - last >= 10) {
          last = progress;
          pending.push(update({ progress }));
        }
      },
    );
    await Promise.all(pending);
    const pdfHash = createHash('sha256').update(pdf).digest('hex');
    await step(async ({ tx }) => {
      await sql`UPDATE observatory_reports SET status = 'done', progress = 100, finished_at = now(),
        data_hash = ${hash}, pdf_hash = ${pdfHash}, pdf = ${pdf} WHERE id = ${id}::uuid`.execute(tx);
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    await update({
      status: 'failed',
      finished_at: new Date(),
      error_code: typeof code === 'string' ? code.slice(0, 40) : 'report_failed',
    }).catch(() => undefined);
  }
}
