import { loadCase, recordCaseEvent } from '../cases/access.ts';
import { addDays } from '../cases/eligibility.ts';
import type { Actor, Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, todayInItaly } from '../db/dates.ts';
import { AppError, type FieldError, notFound, fieldError, invalidFields } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { followUpSchedule } from './schedule.ts';
import type { DueQuery, FollowUp, FollowUpRecord } from './schemas.ts';

/** How far ahead the "next 30 days" list looks. */
export const DUE_SOON_DAYS = 30;

export function followUpsQuery(tx: Tx) {
  return tx
    .selectFrom('follow_ups')
    .innerJoin('cases', 'cases.id', 'follow_ups.case_id')
    .select([
      'follow_ups.id',
      'follow_ups.case_id',
      'cases.code',
      'follow_ups.outcome_id',
      'follow_ups.months',
      'follow_ups.due_on',
      'follow_ups.done_on',
      'follow_ups.still_working',
      'follow_ups.details',
    ]);
}
type FollowUpRow = Awaited<ReturnType<ReturnType<typeof followUpsQuery>['executeTakeFirstOrThrow']>>;

const pick = <T>(value: unknown, type: 'number' | 'boolean' | 'string'): T | null =>
  typeof value === type ? (value as T) : null;

export function toFollowUp(row: FollowUpRow): FollowUp {
  const d = row.details ?? {};
  return {
    id: row.id,
    caseId: row.case_id,
    caseCode: row.code,
    outcomeId: row.outcome_id,
    months: row.months,
    dueOn: isoDate(row.due_on),
    doneOn: isoDateOrNull(row.done_on),
    stillWorking: row.still_working,
    contractType: pick<string>(d.contractType, 'string'),
    weeklyHours: pick<number>(d.weeklyHours, 'number'),
    sameEmployer: pick<boolean>(d.sameEmployer, 'boolean'),
  };
}

/** A hire schedules the retention checks at 3, 6 and 12 months, in the hire's transaction. */
export async function scheduleFollowUps(
  tx: Tx,
  me: Actor,
  caseId: string,
  outcomeId: string,
  hiredOn: string,
): Promise<void> {
  await tx
    .insertInto('follow_ups')
    .values(
      followUpSchedule(hiredOn).map((f) => ({
        case_id: caseId,
        organisation_id: me.organisationId,
        outcome_id: outcomeId,
        months: f.months,
        due_on: f.dueOn,
      })),
    )
    .execute();
}

export async function listCaseFollowUps(ctx: Ctx, caseId: string): Promise<FollowUp[]> {
  await loadCase(ctx, caseId, 'read');
  const rows = await followUpsQuery(ctx.tx)
    .where('follow_ups.case_id', '=', caseId)
    .orderBy('follow_ups.due_on')
    .orderBy('follow_ups.months')
    .execute();
  await ctx.audit({
    action: 'case.read',
    subjectType: 'case',
    subjectId: caseId,
    details: { part: 'follow_ups', results: rows.length },
  });
  return rows.map(toFollowUp);
}

/**
 * The centre's due list: `overdue` (not done, due before today), `next30` (not done, due from
 * today to 30 days ahead), `all` (every follow-up, done or not). Only the actor's centre.
 */
export async function listDueFollowUps(ctx: Ctx, q: DueQuery): Promise<FollowUp[]> {
  const me = ctx.authorise('case.read');
  const today = todayInItaly();
  const due = q.due ?? 'all';
  let query = followUpsQuery(ctx.tx)
    .where('follow_ups.organisation_id', '=', me.organisationId)
    .where('cases.organisation_id', '=', me.organisationId);
  if (due === 'overdue') query = query.where('follow_ups.done_on', 'is', null).where('follow_ups.due_on', '<', today);
  if (due === 'next30') {
    query = query
      .where('follow_ups.done_on', 'is', null)
      .where('follow_ups.due_on', '>=', today)
      .where('follow_ups.due_on', '<=', addDays(today, DUE_SOON_DAYS));
  }
  const rows = await query
    .orderBy('follow_ups.due_on')
    .orderBy('cases.code')
    .orderBy('follow_ups.months')
    .limit(q.limit ?? 200)
    .offset(q.offset ?? 0)
    .execute();
  await ctx.audit({
    action: 'case.list',
    subjectType: 'organisation',
    subjectId: me.organisationId,
    details: { view: 'follow_ups', due, results: rows.length },
  });
  return rows.map(toFollowUp);
}

/**
 * Records one retention check, once (409 `follow_up_done`). No `assertOpen` here on purpose:
 * retention is checked after the path ends, so a closed case still takes its follow-ups.
 */
export async function recordFollowUp(
  ctx: Ctx,
  caseId: string,
  followUpId: string,
  body: FollowUpRecord,
): Promise<FollowUp> {
  const { me } = await loadCase(ctx, caseId, 'write');
  const current = await ctx.tx
    .selectFrom('follow_ups')
    .innerJoin('outcomes', 'outcomes.id', 'follow_ups.outcome_id')
    .select(['follow_ups.done_on', 'follow_ups.months', 'outcomes.occurred_on'])
    .where('follow_ups.id', '=', followUpId)
    .where('follow_ups.case_id', '=', caseId)
    .executeTakeFirst();
  if (!current) throw notFound();
  if (current.done_on !== null) throw new AppError(409, 'follow_up_done', 'This follow-up is already recorded');
  const fields: FieldError[] = [];
  if (body.doneOn > todayInItaly()) fields.push(fieldError('doneOn', 'in_the_future'));
  if (body.doneOn < isoDate(current.occurred_on)) fields.push(fieldError('doneOn', 'before_hire', 'before the hire'));
  if (!body.stillWorking) {
    for (const field of ['contractType', 'weeklyHours', 'sameEmployer'] as const) {
      if (body[field] !== undefined) fields.push(fieldError(field, 'only_if_working', 'only when she still works'));
    }
  }
  if (fields.length) throw invalidFields(fields);
  const details = { contractType: body.contractType, weeklyHours: body.weeklyHours, sameEmployer: body.sameEmployer };
  const updated = await ctx.tx
    .updateTable('follow_ups')
    .set({
      done_on: body.doneOn,
      still_working: body.stillWorking,
      details: JSON.stringify(details),
      recorded_by: me.userId,
    })
    .where('id', '=', followUpId)
    .where('done_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new AppError(409, 'follow_up_done', 'This follow-up is already recorded');
  const event = { months: current.months, stillWorking: body.stillWorking, contractType: body.contractType ?? null };
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'follow_up.recorded', refId: followUpId, details: event });
  await ctx.audit({
    action: 'follow_up.record',
    subjectType: 'follow_up',
    subjectId: followUpId,
    details: { caseId, ...event },
  });
  const row = await followUpsQuery(ctx.tx).where('follow_ups.id', '=', followUpId).executeTakeFirstOrThrow();
  return toFollowUp(row);
}
