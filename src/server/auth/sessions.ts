import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import type { Actor, Tx } from '../db/context.ts';
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
      // a full session is opened by a second factor: it counts as fresh for step-up
      second_factor_at: stage === 'full' ? (sql<Date>`now()` as unknown as Date) : null,
    })
    .execute();
  return { token, csrfToken };
}

export async function rolesOf(tx: Tx, userId: string): Promise<Role[]> {
  const rows = await tx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role as Role).sort();
}

/**
 * Finds the session behind a cookie token and sets the transaction's actor from it, in one
 * statement (`auth_session_check`, migration 060). A session past its idle or absolute limit, or
 * of a disabled user, is deleted and reported as 'expired'; last_seen_at is written at most once
 * a minute (fewer row locks on a busy session).
 */
export async function loadSession(tx: Tx, token: string, stage: Stage): Promise<LoadedSession | 'missing' | 'expired'> {
  const result = await sql<{
    status: 'ok' | 'missing' | 'expired';
    user_id: string;
    organisation_id: string;
    roles: string[];
    csrf_token: string;
  }>`SELECT status, user_id, organisation_id, roles, csrf_token
    FROM auth_session_check(${sha256(token)}, ${stage}, ${IDLE_MINUTES})`.execute(tx);
  const row = result.rows[0];
  if (row?.status !== 'ok') return row?.status === 'expired' ? 'expired' : 'missing';
  const actor: Actor = { userId: row.user_id, organisationId: row.organisation_id, roles: row.roles as Role[] };
  return { actor, csrfToken: row.csrf_token, stage };
}

export async function endSession(tx: Tx, token: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

/** Logout everywhere, account disabling, password change: no session of the user survives. */
export async function endAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
