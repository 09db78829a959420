/**
 * Protocol adhesion by invitation (issue 8, migration 210). A protocol's decider invites a body that
 * is not in Percorsi yet: a single-use link `/adesione/<token>` (only its SHA-256 is stored; the URL
 * holds nothing but the token), valid ADHESION_INVITE_DAYS. The body fills in the public form, which
 * spends the token and leaves a pending request; the decider approves it (adhesions.ts).
 */
import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { isoTimestamp } from '../db/dates.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import type { AdhesionApplication, AdhesionFormState, AdhesionInvitation } from './schemas.ts';

export const ADHESION_INVITE_DAYS = 14;

const linkGone = () => new AppError(410, 'link_invalid', 'This link is not valid any more; ask for a new one');

function invitationRows(tx: Tx) {
  return tx
    .selectFrom('adhesion_invitations as i')
    .leftJoin('networks as n', 'n.id', 'i.network_id')
    .select([
      'i.id',
      'i.invited_name',
      'i.network_id',
      'n.name as network_name',
      'i.created_at',
      'i.expires_at',
      'i.used_at',
      sql<boolean>`i.expires_at <= now()`.as('expired'),
    ]);
}
type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationRows>['executeTakeFirstOrThrow']>>;

function toInvitation(r: InvitationRow): AdhesionInvitation {
  return {
    id: r.id,
    invitedName: r.invited_name,
    network: r.network_id ? { id: r.network_id, name: r.network_name ?? r.network_id } : null,
    createdAt: isoTimestamp(r.created_at),
    expiresAt: isoTimestamp(r.expires_at),
    state: r.used_at ? 'used' : r.expired ? 'expired' : 'open',
  };
}

/** The networks the actor may invite into: the control room any, a coordinator her organisation's. */
async function invitableNetworks(tx: Tx, actor: Actor) {
  const anyNetwork = actor.roles.includes('control_room_member') || actor.roles.includes('platform_admin');
  let q = tx.selectFrom('networks as n').select(['n.id', 'n.name']).orderBy('n.name');
  if (!anyNetwork) {
    q = q.where('n.id', 'in', (sub) =>
      sub.selectFrom('organisation_networks').select('network_id').where('organisation_id', '=', actor.organisationId),
    );
  }
  return q.execute();
}

/** 404 unless the actor decides this protocol's adhesions (the same rule as RLS). */
async function checkDecider(tx: Tx, protocolId: string): Promise<void> {
  const row = await sql<{ decides: boolean }>`
    SELECT app_decides_adhesion(p.id) AS decides FROM protocols p WHERE p.id = ${protocolId}::uuid`.execute(tx);
  if (!row.rows[0]?.decides) throw notFound();
}

export async function listAdhesionInvitations(tx: Tx, actor: Actor, protocolId: string) {
  await checkDecider(tx, protocolId);
  const rows = await invitationRows(tx)
    .where('i.protocol_id', '=', protocolId)
    .orderBy('i.created_at', 'desc')
    .execute();
  return { items: rows.map(toInvitation), networks: await invitableNetworks(tx, actor) };
}

export async function createAdhesionInvitation(
  tx: Tx,
  actor: Actor,
  protocolId: string,
  input: { invitedName: string; networkId?: string | null },
): Promise<{ invitation: AdhesionInvitation; token: string }> {
  await checkDecider(tx, protocolId);
  const networkId = input.networkId ?? null;
  if (networkId && !(await invitableNetworks(tx, actor)).some((n) => n.id === networkId)) {
    throw invalidField('networkId', 'not_allowed_value');
  }
  const token = newToken();
  const inserted = await tx
    .insertInto('adhesion_invitations')
    .values({
      protocol_id: protocolId,
      network_id: networkId,
      invited_name: input.invitedName.trim(),
      token_hash: sha256(token),
      organisation_id: actor.organisationId,
      created_by: actor.userId,
      expires_at: sql<Date>`now() + make_interval(days => ${ADHESION_INVITE_DAYS})` as unknown as Date,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await invitationRows(tx).where('i.id', '=', inserted.id).executeTakeFirstOrThrow();
  return { invitation: toInvitation(row), token };
}

/** What the public form shows for a token (no session): nothing but the protocol's and the body's names. */
export async function adhesionFormState(tx: Tx, token: string): Promise<AdhesionFormState> {
  const found = await sql<{
    state: AdhesionFormState['state'];
    protocol_name: string | null;
    invited_name: string | null;
    expires_at: Date | null;
  }>`SELECT state, protocol_name, invited_name, expires_at FROM adhesion_invitation_state(${sha256(token)})`.execute(
    tx,
  );
  const r = found.rows[0];
  const municipalities =
    r?.state === 'open'
      ? (
          await sql<{ istat_code: string; name: string }>`
            SELECT istat_code, name FROM adhesion_form_municipalities(${sha256(token)})`.execute(tx)
        ).rows.map((m) => ({ istatCode: m.istat_code, name: m.name }))
      : [];
  return {
    state: r?.state ?? 'unknown',
    protocolName: r?.protocol_name ?? null,
    invitedName: r?.invited_name ?? null,
    expiresAt: r?.expires_at ? isoTimestamp(r.expires_at) : null,
    municipalities,
  };
}

/** The public form: spends the token and leaves a pending request (410 once spent, expired or unknown). */
export async function applyForAdhesion(
  tx: Tx,
  input: AdhesionApplication,
): Promise<{ adhesionId: string; protocolId: string }> {
  const saved = await sql<{ state: string; adhesion_id: string | null; protocol_id: string | null }>`
    SELECT state, adhesion_id, protocol_id FROM adhesion_apply(${sha256(input.token)}, ${input.name.trim()},
      ${input.type}, ${input.municipalityCode}, ${input.website?.trim() || null}, ${input.motivation.trim()},
      ${input.adminDisplayName.trim()}, ${input.adminEmail.trim()})`
    .execute(tx)
    .catch((err: unknown) => {
      // the only foreign key the form can miss: a municipality code that is not one
      if ((err as { code?: string }).code === '23503') throw invalidField('municipalityCode', 'unknown_municipality');
      throw err;
    });
  const r = saved.rows[0];
  if (r?.state !== 'saved' || !r.adhesion_id || !r.protocol_id) throw linkGone();
  return { adhesionId: r.adhesion_id, protocolId: r.protocol_id };
}
