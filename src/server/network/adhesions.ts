import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { AppError, notFound } from '../http/errors.ts';
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

/** A control-room member or platform admin approves or rejects an open request; approval makes a signatory. */
export async function decideAdhesion(
  tx: Tx,
  actor: Actor,
  input: { protocolId: string; adhesionId: string; decision: 'approved' | 'rejected'; note: string | null },
): Promise<Adhesion> {
  const open = await tx
    .selectFrom('protocol_adhesions')
    .select(['organisation_id', 'status'])
    .where('id', '=', input.adhesionId)
    .where('protocol_id', '=', input.protocolId)
    .executeTakeFirst();
  if (!open) throw notFound();
  if (open.status !== 'requested') throw adhesionDecided();
  const decided = await tx
    .updateTable('protocol_adhesions')
    .set({
      status: input.decision,
      decided_by: actor.userId,
      decided_at: sql<Date>`now()` as unknown as Date,
      decision_note: input.note?.trim() || null,
    })
    .where('id', '=', input.adhesionId)
    .where('status', '=', 'requested')
    .returning('id')
    .executeTakeFirst();
  if (!decided) throw adhesionDecided();
  if (input.decision === 'approved') {
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
  return loadAdhesion(tx, input.adhesionId);
}
