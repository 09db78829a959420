import { isoTimestamp } from '../db/dates.ts';
import { AppError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { loadReferral } from './load-referral.ts';
import { notifyParty } from './notify-parties.ts';
import { settleNotifications } from '../notifications/settle.ts';
import { openMessage, sealMessage } from './pseudonym.ts';
import { randomUUID } from 'node:crypto';

/** The thread between the two bodies, oldest first. The recipient reads it only while access is open. */
export async function listMessages(ctx: Ctx, masterKey: Buffer, id: string) {
  const { row } = await loadReferral(ctx, id, 'read');
  const rows = await ctx.tx
    .selectFrom('referral_messages as m')
    .innerJoin('organisations as o', 'o.id', 'm.author_organisation_id')
    .select(['m.id', 'm.author_name', 'o.name', 'm.author_organisation_id', 'm.body_sealed', 'm.created_at'])
    .where('m.referral_id', '=', id)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  await ctx.audit({
    action: 'referral.messages_read',
    subjectType: 'referral',
    subjectId: id,
    details: { count: rows.length },
  });
  return rows.map((m) => ({
    id: m.id,
    authorName: m.author_name,
    authorOrganisation: m.name,
    side: (m.author_organisation_id === row.organisation_id ? 'sender' : 'recipient') as 'sender' | 'recipient',
    body: openMessage(masterKey, id, m.id, m.body_sealed),
    createdAt: isoTimestamp(m.created_at),
  }));
}

export async function postMessage(ctx: Ctx, masterKey: Buffer, id: string, body: string) {
  const { me, row, side } = await loadReferral(ctx, id, 'write');
  if (side === 'sender' && !me.roles.includes('centre_operator')) throw new AppError(404, 'not_found', 'Not found');
  const messageId = randomUUID();
  const author = await ctx.tx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', me.userId)
    .executeTakeFirstOrThrow();
  const made = await ctx.tx
    .insertInto('referral_messages')
    .values({
      id: messageId,
      referral_id: id,
      organisation_id: row.organisation_id,
      recipient_organisation_id: row.recipient_organisation_id,
      author_user_id: me.userId,
      author_organisation_id: me.organisationId,
      author_name: author.display_name,
      body_sealed: sealMessage(masterKey, id, messageId, body.trim()),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const parties = {
    id,
    organisationId: row.organisation_id,
    createdBy: row.created_by,
    recipientOrganisationId: row.recipient_organisation_id,
    recipientUserId: row.recipient_user_id,
  };
  await notifyParty(ctx.tx, {
    side: side === 'sender' ? 'recipient' : 'sender',
    referral: parties,
    kind: 'referral_message',
  });
  await settleNotifications(ctx, id, 'message');
  await ctx.audit({
    action: 'referral.message',
    subjectType: 'referral',
    subjectId: id,
    details: { messageId: made.id },
  });
  const org = await ctx.tx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', me.organisationId)
    .executeTakeFirstOrThrow();
  return {
    id: made.id,
    authorName: author.display_name,
    authorOrganisation: org.name,
    side,
    body: body.trim(),
    createdAt: isoTimestamp(made.created_at),
  };
}
