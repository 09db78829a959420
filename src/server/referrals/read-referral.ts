import { can } from '../../shared/can.ts';
import { sql } from 'kysely';
import { isOnTeam } from '../cases/access.ts';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { allowedActions, type Status } from './lifecycle.ts';
import { accessOpen, loadReferral, type ReferralRow } from './load-referral.ts';
import { toSummary, withNames } from './present.ts';
import { openReportText, openShare } from './pseudonym.ts';
import { settleNotifications } from '../notifications/settle.ts';
import type { ListQuery, ReferralDetail, Report, Shared } from './schemas.ts';

type Scalar = string | number | boolean | null;

/** The inbox (received by my organisation) or the outbox (sent by my centre), newest first. */
export async function listReferrals(ctx: Ctx, q: ListQuery) {
  const me = ctx.authorise('referral.read');
  const today = todayInItaly();
  let query = ctx.tx.selectFrom('referrals').selectAll();
  // the inbox holds only referrals still open to us (RLS says so too; this lets the planner use the live index)
  query =
    q.box === 'inbox'
      ? query.where('recipient_organisation_id', '=', me.organisationId).where('access_ended_at', 'is', null)
      : query.where('organisation_id', '=', me.organisationId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.purpose) query = query.where('purpose', '=', q.purpose);
  if (q.caseId) query = query.where('case_id', '=', q.caseId);
  if (q.overdue) {
    query = query.where(
      sql<boolean>`((status = 'sent' AND ${today}::date > ack_due_on AND ${today}::date <= expires_on)
        OR (status IN ('accepted', 'in_progress') AND appointment_on IS NULL AND ${today}::date > appointment_due_on))`,
    );
  }
  // Under RLS the planner counts the query's and the policy's recipient test as independent and
  // expects a handful of rows, so it reads all the CPI's live referrals and sorts them; walking the
  // live index newest first stops at the page (referrals benchmark: 17.8 → 3.8 ms at 45,000 per CPI).
  if (q.box === 'inbox') await sql`SET LOCAL enable_bitmapscan = off`.execute(ctx.tx);
  const rows = await query
    .orderBy('sent_at', 'desc')
    .orderBy('id')
    .limit(q.limit ?? 100)
    .execute();
  if (q.box === 'inbox') await sql`SET LOCAL enable_bitmapscan = on`.execute(ctx.tx);
  return (await withNames(ctx.tx, rows)).map((r) => toSummary(r, q.box, today));
}

/** A report's details with its course title opened (sealed with the referral's key, migration 200). */
export function reportDetails(
  masterKey: Buffer,
  referralId: string,
  r: { id: string; details: unknown; course_title_sealed: string | null },
): Record<string, Scalar> {
  const details = r.details as Record<string, Scalar>;
  if (!r.course_title_sealed) return details;
  return { ...details, courseTitle: openReportText(masterKey, referralId, r.id, r.course_title_sealed) };
}

async function readReports(ctx: Ctx, masterKey: Buffer, id: string): Promise<Report[]> {
  const rows = await ctx.tx
    .selectFrom('referral_reports as r')
    .innerJoin('organisations as o', 'o.id', 'r.recipient_organisation_id')
    .select([
      'r.id',
      'r.kind',
      'r.occurred_on',
      'r.details',
      'r.course_title_sealed',
      'r.outcome_id',
      'r.reported_by_name',
      'o.name',
      'r.created_at',
    ])
    .where('r.referral_id', '=', id)
    .orderBy('r.occurred_on')
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Report['kind'],
    occurredOn: isoDate(r.occurred_on),
    details: reportDetails(masterKey, id, r),
    outcomeId: r.outcome_id,
    reportedByName: r.reported_by_name,
    reportedByOrganisation: r.name,
    createdAt: isoTimestamp(r.created_at),
  }));
}

async function readHistory(ctx: Ctx, row: ReferralRow) {
  const rows = await ctx.tx
    .selectFrom('referral_events')
    .selectAll()
    .where('referral_id', '=', row.id)
    .orderBy('id')
    .execute();
  const names = new Map(
    (
      await ctx.tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('organisation_id', '=', ctx.me().organisationId)
        .execute()
    ).map((u) => [u.id, u.display_name]),
  );
  return rows.map((e) => ({
    kind: e.kind,
    side: (e.actor_organisation_id === null
      ? 'system'
      : e.actor_organisation_id === row.organisation_id
        ? 'sender'
        : 'recipient') as 'sender' | 'recipient' | 'system',
    // names of the other organisation's people are not shown in the history
    actorName: e.actor_user_id ? (names.get(e.actor_user_id) ?? null) : null,
    details: e.details as Record<string, Scalar>,
    occurredAt: isoTimestamp(e.occurred_at),
  }));
}

/**
 * The plan action a referral serves. The centre reads it as it is now; the recipient only what the
 * share set carried (the actions it is responsible for, with the served one marked), never more.
 */
async function servedAction(
  ctx: Ctx,
  row: ReferralRow,
  side: 'sender' | 'recipient',
  shared: Shared | null,
): Promise<ReferralDetail['planAction']> {
  if (side === 'recipient') {
    const a = shared?.plan?.actions?.find((x) => x.served);
    return a ? { id: null, label: a.label, status: a.status as never, dueOn: a.dueOn } : null;
  }
  if (!row.plan_action_id) return null;
  const a = await ctx.tx
    .selectFrom('plan_actions as a')
    .leftJoin('action_catalogue as c', 'c.code', 'a.catalogue_code')
    .select(['a.id', 'a.catalogue_code', 'a.status', 'a.due_on', 'c.label_it', 'c.label_en'])
    .where('a.id', '=', row.plan_action_id)
    .where('a.case_id', '=', row.case_id)
    .executeTakeFirst();
  if (!a) return null;
  return {
    id: a.id,
    label: { it: a.label_it ?? a.catalogue_code, en: a.label_en ?? a.catalogue_code },
    status: a.status as never,
    dueOn: isoDateOrNull(a.due_on),
  };
}

/**
 * The referral as the actor's side may see it. The recipient gets the pseudonym and the share
 * only, and each of its views is recorded for the sender to see; the sender sees who opened it.
 */
export async function describeReferral(ctx: Ctx, masterKey: Buffer, id: string): Promise<ReferralDetail> {
  const { me, row, side } = await loadReferral(ctx, id, 'read');
  const today = todayInItaly();
  const [named] = await withNames(ctx.tx, [row]);
  const share = await ctx.tx
    .selectFrom('referral_shares')
    .select('sealed')
    .where('referral_id', '=', id)
    .executeTakeFirst();
  const open = accessOpen(row, today);
  let shared = share && (side === 'sender' || open) ? openShare<Shared>(masterKey, id, share.sealed) : null;
  // at the centre her identity stays with the case team (and the DPO), here as on the case page
  if (
    shared?.identity &&
    side === 'sender' &&
    !me.roles.includes('dpo') &&
    !(await isOnTeam(ctx.tx, row.case_id, me.userId))
  ) {
    const { identity: _hidden, ...rest } = shared;
    shared = rest;
  }
  if (side === 'recipient') {
    const viewer = await ctx.tx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', me.userId)
      .executeTakeFirstOrThrow();
    await ctx.tx
      .insertInto('referral_views')
      .values({
        referral_id: id,
        organisation_id: row.organisation_id,
        viewer_user_id: me.userId,
        viewer_organisation_id: me.organisationId,
        viewer_name: viewer.display_name,
        viewer_roles: [...me.roles],
      })
      .execute();
  }
  const views =
    side === 'sender'
      ? (
          await ctx.tx
            .selectFrom('referral_views')
            .select(['viewer_name', 'viewed_at'])
            .where('referral_id', '=', id)
            .orderBy('viewed_at', 'desc')
            .limit(50)
            .execute()
        ).map((v) => ({ viewerName: v.viewer_name, viewedAt: isoTimestamp(v.viewed_at) }))
      : [];
  await settleNotifications(ctx, id, 'view');
  const writer = can(me, side === 'sender' ? 'referral.send' : 'referral.answer');
  return {
    ...toSummary(named as NonNullable<typeof named>, side === 'sender' ? 'outbox' : 'inbox', today),
    declineReason: row.decline_reason as ReferralDetail['declineReason'],
    completionOutcome: row.completion_outcome as ReferralDetail['completionOutcome'],
    accessUntil: isoDateOrNull(row.access_until),
    shared,
    sharedFields: row.share_fields,
    allowedActions: writer && (side === 'sender' || open) ? allowedActions(row.status as Status, side) : [],
    reports: await readReports(ctx, masterKey, id),
    history: await readHistory(ctx, row),
    views,
    planAction: await servedAction(ctx, row, side, shared),
  };
}
