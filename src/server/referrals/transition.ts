import { sql } from 'kysely';
import { todayInItaly } from '../db/dates.ts';
import { AppError, invalidField, versionConflict } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { recordCaseEvent } from '../cases/access.ts';
import { ENDS_ACCESS, type Status, transition } from './lifecycle.ts';
import { loadReferral, type ReferralRow } from './load-referral.ts';
import { notifyParty } from './notify-parties.ts';
import { settleNotifications } from '../notifications/settle.ts';
import { recordReport } from './report.ts';
import type { TransitionBody } from './schemas.ts';
import { addDays } from '../cases/eligibility.ts';
import type { NotificationKind } from '../../shared/codes/notifications.ts';

const NOTIFY: Partial<Record<TransitionBody['action'], NotificationKind>> = {
  accept: 'referral_accepted',
  decline: 'referral_declined',
  report: 'referral_reported',
  complete: 'referral_completed',
  withdraw: 'referral_withdrawn',
};

/** The columns an action sets, beside the status; each names the field it needs. */
function changesFor(body: TransitionBody, row: ReferralRow, today: string) {
  switch (body.action) {
    case 'accept':
      return { answered_at: new Date() };
    case 'decline':
      if (!body.declineReason) throw invalidField('declineReason', 'required', { message: 'required to decline' });
      return {}; // referral_decline() writes it
    case 'book': {
      if (!body.appointmentOn) throw invalidField('appointmentOn', 'required', { message: 'required to book' });
      const sentOn = typeof row.sent_on === 'string' ? row.sent_on : (row.sent_on as Date).toISOString().slice(0, 10);
      if (body.appointmentOn < sentOn)
        throw invalidField('appointmentOn', 'before_sent', { message: 'before the referral was sent' });
      return { appointment_on: body.appointmentOn };
    }
    case 'report':
      if (!body.report) throw invalidField('report', 'required', { message: 'required to report' });
      return {};
    case 'complete': {
      if (!body.completionOutcome)
        throw invalidField('completionOutcome', 'required', { message: 'required to complete' });
      const window = addDays(today, row.access_days);
      const until =
        row.access_until && String(row.access_until).slice(0, 10) < window
          ? String(row.access_until).slice(0, 10)
          : window;
      return { completed_on: today, completion_outcome: body.completionOutcome, access_until: until };
    }
    case 'withdraw':
      // access may have ended already (she revoked): it stays ended for that reason
      return row.access_ended_at === null ? { access_ended_at: new Date(), access_end_reason: 'withdrawn' } : {};
    default:
      return {};
  }
}

/** One step of the lifecycle, by the side whose step it is, from the version the caller saw. */
export async function applyTransition(
  ctx: Ctx,
  masterKey: Buffer,
  id: string,
  body: TransitionBody,
  expectedVersion: number,
) {
  const { me, row, side } = await loadReferral(ctx, id, 'write');
  if (side === 'sender' && !me.roles.includes('centre_operator')) throw new AppError(404, 'not_found', 'Not found');
  const step = transition(row.status as Status, side, body.action);
  if (!step.ok) {
    throw step.reason === 'not_your_action'
      ? new AppError(403, 'not_your_action', 'This step belongs to the other organisation')
      : new AppError(409, 'illegal_transition', 'This step is not possible in the referral’s current status');
  }
  if (row.version !== expectedVersion) throw versionConflict();
  const today = todayInItaly();
  const changes = changesFor(body, row, today);
  const details = {
    action: body.action,
    status: step.status,
    ...(body.declineReason ? { reason: body.declineReason } : {}),
    ...(body.appointmentOn ? { appointmentOn: body.appointmentOn } : {}),
    ...(body.report ? { report: body.report.kind } : {}),
    ...(body.completionOutcome ? { outcome: body.completionOutcome } : {}),
  };
  // the history first: after a decline the recipient no longer sees the referral it would attach to
  await ctx.tx
    .insertInto('referral_events')
    .values({
      referral_id: id,
      organisation_id: row.organisation_id,
      recipient_organisation_id: row.recipient_organisation_id,
      actor_user_id: me.userId,
      actor_organisation_id: me.organisationId,
      kind: body.action,
      details: JSON.stringify(details),
    })
    .execute();
  if (body.action === 'report' && body.report) await recordReport(ctx, masterKey, row, body.report);
  if (body.action === 'decline') {
    const n = await sql<{
      n: number;
    }>`SELECT referral_decline(${id}::uuid, ${expectedVersion}, ${body.declineReason ?? null}) AS n`.execute(ctx.tx);
    if (n.rows[0]?.n !== 1) throw versionConflict();
  } else {
    const updated = await ctx.tx
      .updateTable('referrals')
      .set((eb) => ({ ...changes, status: step.status, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw versionConflict();
    if (body.action === 'withdraw') await ctx.tx.deleteFrom('referral_shares').where('referral_id', '=', id).execute();
  }
  if (side === 'sender')
    await recordCaseEvent(ctx.tx, me, {
      caseId: row.case_id,
      kind: `referral.${body.action}`,
      refId: id,
      details: { status: step.status },
    });
  else
    await sql`SELECT referral_case_event(${id}::uuid, ${`referral.${body.action}`}, ${JSON.stringify({ status: step.status })}::jsonb)`.execute(
      ctx.tx,
    );
  const kind = NOTIFY[body.action];
  if (kind) {
    const parties = {
      id,
      organisationId: row.organisation_id,
      createdBy: row.created_by,
      recipientOrganisationId: row.recipient_organisation_id,
      recipientUserId: row.recipient_user_id,
    };
    await notifyParty(ctx.tx, { side: side === 'sender' ? 'recipient' : 'sender', referral: parties, kind });
  }
  await settleNotifications(ctx, id, body.action);
  await ctx.audit({ action: 'referral.transition', subjectType: 'referral', subjectId: id, details });
  const accessOpen = !ENDS_ACCESS.includes(step.status);
  return { id, status: step.status, version: expectedVersion + 1, accessOpen };
}
