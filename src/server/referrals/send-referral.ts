import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { assertOpen, isOnTeam, loadCase, recordCaseEvent } from '../cases/access.ts';
import { dataKeyOf, openWith } from '../cases/keys.ts';
import type { Identity, SafeContact } from '../cases/schemas.ts';
import { todayInItaly } from '../db/dates.ts';
import { AppError, invalidField } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { buildShare } from './build-share.ts';
import { dueDates, ruleFor } from './deadlines.ts';
import { notifyParty } from './notify-parties.ts';
import { pseudonymFor, sealShare } from './pseudonym.ts';
import { checkShareSet, consentsFor, recipientOf } from './share-check.ts';
import type { ReferralCreate, Shared } from './schemas.ts';
import { contactModeOf } from '../../shared/codes/sharing.ts';
import { isIdentityField } from './share-fields.ts';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,200}$/;

/** Everything a referral needs before it is written: checked consent, share set and snapshot. */
export async function prepareReferral(ctx: Ctx, masterKey: Buffer, body: ReferralCreate) {
  const { me, row } = await loadCase(ctx, body.caseId, 'write');
  ctx.authorise('referral.send');
  assertOpen(row);
  const recipient = await recipientOf(ctx, body.recipientOrganisationId);
  const today = todayInItaly();
  const consents = await consentsFor(ctx.tx, row, recipient, body.purpose, today);
  checkShareSet(body.shareFields, consents);
  let recipientUserName: string | null = null;
  if (body.recipientUserId) {
    const referent = await sql<{
      display_name: string;
    }>`SELECT display_name FROM referral_referents(${recipient.id}) WHERE user_id = ${body.recipientUserId}`.execute(
      ctx.tx,
    );
    if (!referent.rows[0])
      throw invalidField('recipientUserId', 'not_a_referent', { message: 'not a referent of the recipient' });
    recipientUserName = referent.rows[0].display_name;
  }
  if (body.planActionId) {
    const action = await ctx.tx
      .selectFrom('plan_actions')
      .select(['id', 'responsible_organisation_id'])
      .where('id', '=', body.planActionId)
      .where('case_id', '=', row.id)
      .executeTakeFirst();
    if (!action) throw invalidField('planActionId', 'not_in_plan', { message: 'not an action of this plan' });
    // a referral serves an action the recipient is responsible for
    if (action.responsible_organisation_id !== recipient.id)
      throw invalidField('planActionId', 'not_the_recipients', { message: 'the recipient is not responsible for it' });
  }
  let identity: Identity | null = null;
  if (body.shareFields.some(isIdentityField)) {
    // her identity leaves the centre only through a member of her case team
    if (!(await isOnTeam(ctx.tx, row.id, me.userId)))
      throw new AppError(403, 'not_on_case_team', 'Only the case team sees or changes her identity');
    const stored = await ctx.tx
      .selectFrom('case_identities')
      .select('sealed')
      .where('case_id', '=', row.id)
      .executeTakeFirst();
    if (stored)
      identity = JSON.parse(
        openWith(await dataKeyOf(ctx.tx, masterKey, row.organisation_id), stored.sealed, `identity:${row.id}`),
      ) as Identity;
  }
  const shared: Shared = await buildShare(ctx.tx, body.shareFields, {
    row,
    identity,
    note: body.note ?? null,
    masterKey,
    recipientOrganisationId: recipient.id,
    planActionId: body.planActionId ?? null,
  });
  const rule = await ruleFor(ctx.tx, row.organisation_id, recipient.type);
  const due = dueDates(today, rule, recipient.municipalityCode);
  const pseudonym = pseudonymFor(masterKey, row.id, recipient.id);
  return { me, row, recipient, consents, shared, rule, due, today, pseudonym, recipientUserName };
}

const hashOf = (body: ReferralCreate) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * Sends a referral. The idempotency key is taken first (a concurrent retry waits on it, then
 * finds it): a retried request returns the first referral and never creates a second.
 */
export async function sendReferral(
  ctx: Ctx,
  masterKey: Buffer,
  body: ReferralCreate,
  key: string,
): Promise<{ id: string; replayed: boolean }> {
  const me = ctx.authorise('referral.send');
  const id = randomUUID();
  const hash = hashOf(body);
  const taken = await ctx.tx
    .insertInto('idempotency_keys')
    .values({ user_id: me.userId, key, organisation_id: me.organisationId, request_hash: hash, referral_id: id })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('referral_id')
    .executeTakeFirst();
  if (!taken) {
    const first = await ctx.tx
      .selectFrom('idempotency_keys')
      .select(['referral_id', 'request_hash'])
      .where('user_id', '=', me.userId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (first.request_hash !== hash)
      throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request');
    return { id: first.referral_id, replayed: true };
  }
  const p = await prepareReferral(ctx, masterKey, body);
  const sc = p.row.safe_contact as SafeContact;
  await ctx.tx
    .insertInto('referrals')
    .values({
      id,
      case_id: p.row.id,
      organisation_id: p.row.organisation_id,
      recipient_organisation_id: p.recipient.id,
      recipient_user_id: body.recipientUserId ?? null,
      recipient_user_name: p.recipientUserName,
      network_id: p.row.network_id,
      protocol_id: p.rule.protocolId,
      purpose: body.purpose,
      urgency: body.urgency,
      contact_mode: sc.onlyThroughCentre ? 'through_centre' : contactModeOf(body.shareFields),
      pseudonym: p.pseudonym,
      consent_id: p.consents.sharing?.id as string,
      identity_consent_id: body.shareFields.some(isIdentityField) ? (p.consents.identity?.id ?? null) : null,
      share_fields: body.shareFields,
      plan_action_id: body.planActionId ?? null,
      sent_on: p.today,
      ack_due_on: p.due.ackDueOn,
      appointment_due_on: p.due.appointmentDueOn,
      expires_on: p.due.expiresOn,
      access_days: p.rule.accessDays,
      access_until: p.consents.accessUntil,
      created_by: me.userId,
    })
    .execute();
  await ctx.tx
    .insertInto('referral_shares')
    .values({
      referral_id: id,
      organisation_id: p.row.organisation_id,
      recipient_organisation_id: p.recipient.id,
      sealed: sealShare(masterKey, id, p.shared),
    })
    .execute();
  await ctx.tx
    .insertInto('referral_events')
    .values({
      referral_id: id,
      organisation_id: p.row.organisation_id,
      recipient_organisation_id: p.recipient.id,
      actor_user_id: me.userId,
      actor_organisation_id: me.organisationId,
      kind: 'sent',
      details: JSON.stringify({ fields: body.shareFields.length }),
    })
    .execute();
  await recordCaseEvent(ctx.tx, me, {
    caseId: p.row.id,
    kind: 'referral.sent',
    refId: id,
    details: { recipientOrganisationId: p.recipient.id, purpose: body.purpose },
  });
  await notifyParty(ctx.tx, {
    side: 'recipient',
    referral: {
      id,
      recipientOrganisationId: p.recipient.id,
      recipientUserId: body.recipientUserId ?? null,
      createdBy: me.userId,
      organisationId: p.row.organisation_id,
    },
    kind: 'referral_received',
  });
  await ctx.audit({
    action: 'referral.send',
    subjectType: 'referral',
    subjectId: id,
    purpose: body.purpose,
    details: {
      caseId: p.row.id,
      recipientOrganisationId: p.recipient.id,
      fields: body.shareFields,
      consentId: p.consents.sharing?.id ?? null,
    },
  });
  return { id, replayed: false };
}
