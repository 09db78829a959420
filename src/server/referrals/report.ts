import { sql } from 'kysely';
import { REPORT_OUTCOMES } from '../../shared/codes/outcomes.ts';
import { AppError, fieldError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { outcomeDetailsErrors } from '../outcomes/outcomes.ts';
import type { ReferralRow } from './load-referral.ts';
import type { ReportBody } from './schemas.ts';

/** Reports that are outcomes of her path: they flow back into the centre's outcomes (and follow-ups). */
const isOutcomeReport = (kind: string): kind is (typeof REPORT_OUTCOMES)[number] =>
  (REPORT_OUTCOMES as readonly string[]).includes(kind);

/**
 * What the recipient did or saw happen, recorded on the referral and, when it is an outcome,
 * on her case at the centre, marked with the reporting organisation.
 */
export async function recordReport(ctx: Ctx, row: ReferralRow, report: ReportBody): Promise<void> {
  const me = ctx.me();
  const details = report.details ?? {};
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
    const made = await sql<{
      id: string;
    }>`SELECT referral_report_outcome(${row.id}::uuid, ${report.kind}, ${report.occurredOn}::date, ${JSON.stringify(details)}::jsonb) AS id`.execute(
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
      referral_id: row.id,
      organisation_id: row.organisation_id,
      recipient_organisation_id: row.recipient_organisation_id,
      kind: report.kind,
      occurred_on: report.occurredOn,
      details: JSON.stringify(details),
      outcome_id: outcomeId,
      reported_by: me.userId,
      reported_by_name: viewer.display_name,
    })
    .execute();
  await sql`SELECT referral_case_event(${row.id}::uuid, 'referral.reported', ${JSON.stringify({ kind: report.kind, outcomeId })}::jsonb)`.execute(
    ctx.tx,
  );
}
