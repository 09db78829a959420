import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import { type Actor, setActor, type Tx } from '../db/context.ts';
import { newToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = '__Host-percorsi_session';
export const PRE_AUTH_COOKIE = '__Host-percorsi_pre';
export const IDLE_MINUTES = 15;
export const ABSOLUTE_HOURS = 12;
export const PRE_AUTH_MINUTES = 5;

export type Stage = 'pre_auth' | 'full';

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  stage: Stage;
}

/** Opens a session for a user whose identity is already proven for `stage`; returns the cookie token. */
export async function createSession(tx: Tx, user: { id: string; organisationId: string }, stage: Stage) {
  const token = newToken();
  const csrfToken = newToken();
  const lifetime = stage === 'full' ? sql`interval '12 hours'` : sql`interval '5 minutes'`;
  await tx
    .insertInto('sessions')
    .values({
      id_hash: sha256(token),
      user_id: user.id,
      organisation_id: user.organisationId,
      stage,
      csrf_token: csrfToken,
      last_seen_at: sql<Date>`now()` as unknown as Date,
      expires_at: sql<Date>`now() + ${lifetime}` as unknown as Date,
    })
    .execute();
  return { token, csrfToken };
}

export async function rolesOf(tx: Tx, userId: string): Promise<Role[]> {
  const rows = await tx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role as Role).sort();
}

/**
 * Finds the session behind a cookie token and sets the transaction's actor from it. A session
 * past its idle or absolute limit, or of a disabled user, is deleted and reported as 'expired'.
 */
export async function loadSession(tx: Tx, token: string, stage: Stage): Promise<LoadedSession | 'missing' | 'expired'> {
  const idHash = sha256(token);
  const owner = await sql<{ user_id: string; organisation_id: string }>`
    SELECT user_id, organisation_id FROM auth_find_session(${idHash})`.execute(tx);
  const found = owner.rows[0];
  if (!found) return 'missing';
  await setActor(tx, { userId: found.user_id, organisationId: found.organisation_id, roles: [] });
  const row = await tx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.stage',
      'sessions.csrf_token',
      'users.disabled_at',
      sql<boolean>`sessions.expires_at < now()
        OR (sessions.stage = 'full' AND sessions.last_seen_at < now() - make_interval(mins => ${IDLE_MINUTES}))`.as(
        'expired',
      ),
      // last_seen_at is written at most once a minute: fewer row locks on a busy session
      sql<boolean>`sessions.last_seen_at < now() - interval '1 minute'`.as('stale'),
      sql<
        string[]
      >`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = users.id), '{}')`.as(
        'roles',
      ),
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.stage !== stage) return 'missing';
  if (row.expired || row.disabled_at) {
    await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return 'expired';
  }
  const actor: Actor = { userId: found.user_id, organisationId: found.organisation_id, roles: row.roles as Role[] };
  await setActor(tx, actor);
  if (row.stale)
    await tx.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id_hash', '=', idHash).execute();
  return { actor, csrfToken: row.csrf_token, stage: row.stage };
}

export async function endSession(tx: Tx, token: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

/** Logout everywhere, account disabling, password change: no session of the user survives. */
export async function endAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
