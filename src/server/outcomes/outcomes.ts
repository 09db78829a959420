import { Value } from '@sinclair/typebox/value';
import { assertOpen, loadCase, recordCaseEvent } from '../cases/access.ts';
import { caseTexts } from '../cases/case-text.ts';
import type { Tx } from '../db/context.ts';
import { isoDate, todayInItaly } from '../db/dates.ts';
import { reasonOfValueError } from '../http/error-handler.ts';
import { AppError, type FieldError, fieldError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { followUpsQuery, scheduleFollowUps, toFollowUp } from './follow-ups.ts';
import type { OutcomeKind } from '../../shared/codes/outcomes.ts';
import { OUTCOME_DETAILS, type Outcome, type OutcomeCreate, OutcomeDetails } from './schemas.ts';

const invalid = (fields: FieldError[]) => new AppError(400, 'validation_failed', 'The request is not valid', fields);

/** Checks `details` against its kind's branch of the union; each problem names `details.<field>`. */
export function outcomeDetailsErrors(kind: OutcomeKind, details: Record<string, unknown> | undefined): FieldError[] {
  const fields = new Map<string, FieldError>();
  for (const e of Value.Errors(OUTCOME_DETAILS[kind], details ?? {})) {
    const field = `details${e.path.replace(/\//g, '.')}`;
    if (!fields.has(field)) fields.set(field, fieldError(field, reasonOfValueError(e.type), e.message));
  }
  return [...fields.values()];
}

/**
 * The course title is free text: it leaves `details` (codes, numbers, booleans) for its sealed
 * column (migration 200, cases/case-text.ts 'outcome.course_title').
 */
export function splitCourseTitle(details: Record<string, unknown>): {
  coded: Record<string, unknown>;
  courseTitle: string | null;
} {
  const { courseTitle, ...coded } = details;
  return { coded, courseTitle: typeof courseTitle === 'string' ? courseTitle : null };
}

async function outcomesOf(tx: Tx, masterKey: Buffer, caseId: string, outcomeId?: string): Promise<Outcome[]> {
  let query = tx
    .selectFrom('outcomes')
    .leftJoin('organisations', 'organisations.id', 'outcomes.reported_by_organisation_id')
    .selectAll('outcomes')
    .select('organisations.name as reporter_name')
    .where('outcomes.case_id', '=', caseId);
  if (outcomeId) query = query.where('outcomes.id', '=', outcomeId);
  const rows = await query.orderBy('outcomes.occurred_on', 'desc').orderBy('outcomes.created_at', 'desc').execute();
  const followUps = rows.length
    ? await followUpsQuery(tx)
        .where(
          'follow_ups.outcome_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('follow_ups.months')
        .execute()
    : [];
  const texts = rows.some((r) => r.course_title_sealed) ? await caseTexts(tx, masterKey, caseId) : null;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as OutcomeKind,
    occurredOn: isoDate(r.occurred_on),
    details:
      r.course_title_sealed && texts
        ? {
            ...(r.details as Record<string, unknown>),
            courseTitle: texts.open('outcome.course_title', r.course_title_sealed),
          }
        : r.details,
    reportedByOrganisationId: r.reported_by_organisation_id,
    reportedByOrganisationName: r.reporter_name,
    recordedBy: r.recorded_by,
    followUps: followUps.filter((f) => f.outcome_id === r.id).map(toFollowUp),
  }));
}

export async function listOutcomes(ctx: Ctx, masterKey: Buffer, caseId: string): Promise<Outcome[]> {
  await loadCase(ctx, caseId, 'read');
  const items = await outcomesOf(ctx.tx, masterKey, caseId);
  await ctx.audit({
    action: 'case.read',
    subjectType: 'case',
    subjectId: caseId,
    details: { part: 'outcomes', results: items.length },
  });
  return items;
}

/**
 * Records an outcome of her path. A closed case takes no new outcome (409 `case_closed`); a hire
 * schedules its 3/6/12-month follow-ups in the same transaction.
 */
export async function recordOutcome(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  body: OutcomeCreate,
): Promise<Outcome> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const fields = outcomeDetailsErrors(body.kind, body.details);
  if (body.occurredOn > todayInItaly()) fields.push(fieldError('occurredOn', 'in_the_future'));
  if (body.occurredOn < isoDate(row.taken_in_charge_on))
    fields.push(fieldError('occurredOn', 'before_taken_in_charge', 'before the taking in charge'));
  if (body.reportedByOrganisationId) {
    const org = await ctx.tx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', body.reportedByOrganisationId)
      .executeTakeFirst();
    if (!org) fields.push(fieldError('reportedByOrganisationId', 'unknown_organisation'));
  }
  const checked = { kind: body.kind, details: body.details ?? {} };
  if (fields.length || !Value.Check(OutcomeDetails, checked)) throw invalid(fields);
  const { coded, courseTitle } = splitCourseTitle(checked.details);
  const courseTitleSealed = courseTitle
    ? (await caseTexts(ctx.tx, masterKey, caseId)).seal('outcome.course_title', courseTitle)
    : null;
  const created = await ctx.tx
    .insertInto('outcomes')
    .values({
      case_id: caseId,
      organisation_id: me.organisationId,
      kind: checked.kind,
      occurred_on: body.occurredOn,
      details: JSON.stringify(coded),
      course_title_sealed: courseTitleSealed,
      reported_by_organisation_id: body.reportedByOrganisationId ?? null,
      recorded_by: me.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (checked.kind === 'hired') await scheduleFollowUps(ctx.tx, me, caseId, created.id, body.occurredOn);
  // Codes only on the timeline and in the audit: a course title is not among them.
  const event: Record<string, string | number | boolean | null> = {
    kind: checked.kind,
    reportedByOrganisationId: body.reportedByOrganisationId ?? null,
  };
  if (checked.kind === 'hired')
    Object.assign(event, { contractType: checked.details.contractType, sector: checked.details.sector, followUps: 3 });
  if (checked.kind === 'housing_reached') event.housingType = checked.details.housingType;
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'outcome.recorded', refId: created.id, details: event });
  await ctx.audit({
    action: 'outcome.record',
    subjectType: 'outcome',
    subjectId: created.id,
    details: { caseId, ...event },
  });
  const [outcome] = await outcomesOf(ctx.tx, masterKey, caseId, created.id);
  if (!outcome) throw new Error('outcome vanished');
  return outcome;
}
