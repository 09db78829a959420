import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { caseTextsWith } from '../cases/case-text.ts';
import { unwrapDataKey } from '../cases/keys.ts';
import { REPORT_OUTCOMES } from '../../shared/codes/outcomes.ts';
import { AppError, fieldError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { outcomeDetailsErrors, splitCourseTitle } from '../outcomes/outcomes.ts';
import type { ReferralRow } from './load-referral.ts';
import { sealReportText } from './pseudonym.ts';
import type { ReportBody } from './schemas.ts';

/** Reports that are outcomes of her path: they flow back into the centre's outcomes (and follow-ups). */
const isOutcomeReport = (kind: string): kind is (typeof REPORT_OUTCOMES)[number] =>
  (REPORT_OUTCOMES as readonly string[]).includes(kind);

/**
 * What the recipient did or saw happen, recorded on the referral and, when it is an outcome,
 * on her case at the centre, marked with the reporting organisation. A course title is free text:
 * sealed with the referral's key on the report and under the centre's data key on her outcome
 * (migration 200); `details` keeps the codes.
 */
export async function recordReport(ctx: Ctx, masterKey: Buffer, row: ReferralRow, report: ReportBody): Promise<void> {
  const me = ctx.me();
  const details = report.details ?? {};
  const { coded, courseTitle } = splitCourseTitle(details);
  const reportId = randomUUID();
  const sentOn = String(typeof row.sent_on === 'string' ? row.sent_on : (row.sent_on as Date).toISOString()).slice(
    0,
    10,
  );
  if (report.occurredOn < sentOn) {
    throw new AppError(400, 'validation_failed', 'The report is dated before the referral', [
      fieldError('report.occurredOn', 'before_sent', 'before the referral was sent'),
    ]);
  }
  let outcomeId: string | null = null;
  if (isOutcomeReport(report.kind)) {
    const errors = outcomeDetailsErrors(report.kind, details);
    if (errors.length > 0) {
      throw new AppError(
        400,
        'validation_failed',
        'The report’s details are not valid',
        errors.map((e) => ({ ...e, field: `report.${e.field}` })),
      );
    }
    let sealedForCentre: string | null = null;
    if (courseTitle) {
      // the sending centre's key, still wrapped, for this referral only (migration 200)
      const wrapped = await sql<{ k: string | null }>`SELECT referral_sender_key(${row.id}::uuid) AS k`.execute(ctx.tx);
      const k = wrapped.rows[0]?.k;
      if (!k) throw new AppError(404, 'not_found', 'Not found');
      sealedForCentre = caseTextsWith(unwrapDataKey(masterKey, row.organisation_id, k), row.case_id).seal(
        'outcome.course_title',
        courseTitle,
      );
    }
    const made = await sql<{
      id: string;
    }>`SELECT referral_report_outcome(${row.id}::uuid, ${report.kind}, ${report.occurredOn}::date, ${JSON.stringify(coded)}::jsonb, ${sealedForCentre}) AS id`.execute(
      ctx.tx,
    );
    outcomeId = made.rows[0]?.id ?? null;
  } else if (Object.keys(details).length > 0) {
    throw new AppError(400, 'validation_failed', 'This kind of report has no details', [
      fieldError('report.details', 'not_for_this_kind', 'not for this kind'),
    ]);
  }
  const viewer = await ctx.tx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', me.userId)
    .executeTakeFirstOrThrow();
  await ctx.tx
    .insertInto('referral_reports')
    .values({
      id: reportId,
      referral_id: row.id,
      organisation_id: row.organisation_id,
      recipient_organisation_id: row.recipient_organisation_id,
      kind: report.kind,
      occurred_on: report.occurredOn,
      details: JSON.stringify(coded),
      course_title_sealed: courseTitle ? sealReportText(masterKey, row.id, reportId, courseTitle) : null,
      outcome_id: outcomeId,
      reported_by: me.userId,
      reported_by_name: viewer.display_name,
    })
    .execute();
  await sql`SELECT referral_case_event(${row.id}::uuid, 'referral.reported', ${JSON.stringify({ kind: report.kind, outcomeId })}::jsonb)`.execute(
    ctx.tx,
  );
}
