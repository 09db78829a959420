import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { INVITE_HOURS } from '../auth/links.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import { AppError, fieldError, invalidField, notFound } from '../http/errors.ts';
import { adhesionRows, toAdhesion } from './protocols.ts';
import type { Adhesion } from './schemas.ts';

const alreadySignatory = () => new AppError(409, 'already_signatory', 'This organisation already signed the protocol');
const adhesionPending = () => new AppError(409, 'adhesion_pending', 'A request to join this protocol is already open');
const adhesionDecided = () => new AppError(409, 'adhesion_decided', 'This request was already decided');

/** Today in Italy, whatever the server's time zone: the date a new signatory joins. */
const todayInItaly = sql<string>`(now() AT TIME ZONE 'Europe/Rome')::date`;

async function loadAdhesion(tx: Tx, id: string): Promise<Adhesion> {
  const row = await adhesionRows(tx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toAdhesion(row);
}

/** The actor's organisation asks to join a protocol it has not signed. */
export async function requestAdhesion(
  tx: Tx,
  actor: Actor,
  protocolId: string,
  motivation: string | null,
): Promise<Adhesion> {
  const protocol = await tx.selectFrom('protocols').select('id').where('id', '=', protocolId).executeTakeFirst();
  if (!protocol) throw notFound();
  const signed = await tx
    .selectFrom('protocol_signatories')
    .select('id')
    .where('protocol_id', '=', protocolId)
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  if (signed) throw alreadySignatory();
  const inserted = await tx
    .insertInto('protocol_adhesions')
    .values({
      protocol_id: protocolId,
      organisation_id: actor.organisationId,
      motivation: motivation?.trim() || null,
      requested_by: actor.userId,
    })
    // The partial unique index allows one open request per organisation and protocol.
    .onConflict((oc) => oc.columns(['protocol_id', 'organisation_id']).where('status', '=', 'requested').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw adhesionPending();
  return loadAdhesion(tx, inserted.id);
}

export interface AdminInvite {
  linkId: string;
  token: string;
  expiresAt: string;
  organisationId: string;
}

/**
 * The protocol's deciders (control room, platform admin, its signatories' coordinators — RLS
 * app_decides_adhesion) approve or reject an open request; approval makes a signatory. A request
 * made through an invitation has no organisation yet: approving it creates the organisation and the
 * one-time invitation of its administrator (`adminInvite`, whose token is shown to the decider once).
 */
export async function decideAdhesion(
  tx: Tx,
  actor: Actor,
  input: {
    protocolId: string;
    adhesionId: string;
    decision: 'approved' | 'rejected';
    note: string | null;
    adminUsername?: string;
  },
): Promise<{ adhesion: Adhesion; adminInvite: AdminInvite | null }> {
  const open = await tx
    .selectFrom('protocol_adhesions')
    .select(['organisation_id', 'status', 'invitation_id'])
    .where('id', '=', input.adhesionId)
    .where('protocol_id', '=', input.protocolId)
    .executeTakeFirst();
  if (!open) throw notFound();
  if (open.status !== 'requested') throw adhesionDecided();
  const note = input.note?.trim() || null;
  if (open.organisation_id === null && input.decision === 'approved') {
    const adminInvite = await approveNewBody(tx, input.adhesionId, input.adminUsername, note);
    return { adhesion: await loadAdhesion(tx, input.adhesionId), adminInvite };
  }
  const decided = await tx
    .updateTable('protocol_adhesions')
    .set({
      status: input.decision,
      decided_by: actor.userId,
      decided_at: sql<Date>`now()` as unknown as Date,
      decision_note: note,
      // the administrator named by the public form is not kept once the request is decided
      admin_display_name: null,
      admin_email: null,
    })
    .where('id', '=', input.adhesionId)
    .where('status', '=', 'requested')
    .returning('id')
    .executeTakeFirst();
  if (!decided) throw adhesionDecided();
  if (input.decision === 'approved' && open.organisation_id) {
    await tx
      .insertInto('protocol_signatories')
      .values({
        protocol_id: input.protocolId,
        organisation_id: open.organisation_id,
        kind: 'adhesion',
        joined_on: todayInItaly,
      })
      .onConflict((oc) => oc.columns(['protocol_id', 'organisation_id']).doNothing())
      .execute();
  }
  return { adhesion: await loadAdhesion(tx, input.adhesionId), adminInvite: null };
}

/** Approves a request made through an invitation, in one SECURITY DEFINER statement (migration 210). */
async function approveNewBody(
  tx: Tx,
  adhesionId: string,
  adminUsername: string | undefined,
  note: string | null,
): Promise<AdminInvite> {
  if (!adminUsername) throw invalidField('adminUsername', 'required');
  const taken = await sql<{ taken: boolean }>`SELECT auth_username_taken(${adminUsername}) AS taken`.execute(tx);
  if (taken.rows[0]?.taken) {
    throw new AppError(409, 'username_taken', 'This username is already in use', [
      fieldError('adminUsername', 'taken', 'taken'),
    ]);
  }
  const token = newToken();
  const made = await sql<{ organisation_id: string | null; link_id: string | null }>`
    SELECT organisation_id, link_id FROM adhesion_approve_new_body(${adhesionId}::uuid, ${adminUsername},
      ${sha256(token)}, ${note}, ${INVITE_HOURS})`.execute(tx);
  const row = made.rows[0];
  if (!row?.organisation_id || !row.link_id) throw adhesionDecided();
  const link = await tx.selectFrom('invitations').select('expires_at').where('id', '=', row.link_id).executeTakeFirst();
  const expiresAt = link
    ? new Date(link.expires_at).toISOString()
    : new Date(Date.now() + INVITE_HOURS * 3600_000).toISOString();
  return { linkId: row.link_id, token, expiresAt, organisationId: row.organisation_id };
}
