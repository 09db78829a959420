/**
 * Which protocol's control room the actor may reach: the same SQL helpers the RLS policies use
 * (migration 140), asked once up front so that a protocol she has no part in is a plain 404.
 */
import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import { notFound } from '../http/errors.ts';

/** signatory: any user of a signing body; member: its coordinators and control-room members; runs: its coordinators */
export type RoomAccess = 'signatory' | 'member' | 'runs';

const HELPER = {
  signatory: (p: string) => sql<boolean>`app_signatory(${p}::uuid)`,
  member: (p: string) => sql<boolean>`app_in_control_room(${p}::uuid)`,
  runs: (p: string) => sql<boolean>`app_runs_control_room(${p}::uuid)`,
} as const;

export async function hasRoomAccess(tx: Tx, protocolId: string, access: RoomAccess): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`SELECT ${HELPER[access](protocolId)} AS ok`.execute(tx);
  return row.rows[0]?.ok === true;
}

/** 404 unless the actor has that access to the protocol's control room. */
export async function requireRoom(tx: Tx, protocolId: string, access: RoomAccess): Promise<void> {
  if (!(await hasRoomAccess(tx, protocolId, access))) throw notFound();
}

/** The protocols whose control room the actor takes part in (coordinator or member of a signatory). */
export async function myRooms(tx: Tx): Promise<Array<{ id: string; code: string; name: string }>> {
  return tx
    .selectFrom('protocols')
    .select(['id', 'code', 'name'])
    .where(sql<boolean>`app_in_control_room(protocols.id)`)
    .orderBy('signed_on', 'desc')
    .execute();
}

/** The organisations that signed the protocol: the bodies of its control room. */
export async function roomBodies(tx: Tx, protocolId: string): Promise<Array<{ id: string; name: string }>> {
  return tx
    .selectFrom('protocol_signatories as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['o.id', 'o.name'])
    .where('s.protocol_id', '=', protocolId)
    .orderBy('o.name')
    .execute();
}
