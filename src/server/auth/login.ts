import { sql } from 'kysely';
import { type Actor, setActor, type Tx } from '../db/context.ts';
import type { Ctx } from '../http/request-context.ts';
import { verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { sha256 } from './tokens.ts';

/** After this many consecutive failures the account locks for LOCK_MINUTES. */
export const LOCK_AFTER = 10;
export const LOCK_MINUTES = 15;

/** Failures from the third on wait longer and longer before the answer: 0.25 s, 0.5 s, … up to 4 s. */
export const delayFor = (failures: number): number => (failures < 3 ? 0 : Math.min(4000, 250 * 2 ** (failures - 3)));

/** Failure counts for names that match no user, so that they slow down the same way (per app node). */
const unknownNameFailures = new Map<string, number>();
function countUnknown(username: string): number {
  const key = sha256(username.toLowerCase());
  const n = (unknownNameFailures.get(key) ?? 0) + 1;
  if (unknownNameFailures.size > 10_000) unknownNameFailures.clear();
  unknownNameFailures.set(key, n);
  return n;
}

export type LoginResult =
  | { ok: true; token: string; enrolled: boolean; passkey: boolean }
  | { ok: false; delayMs: number };

/** Finds a user by name without knowing their organisation, and acts as them in this transaction. */
export async function actAsUserNamed(tx: Tx, username: string): Promise<Actor | null> {
  const found = await sql<{ user_id: string; organisation_id: string }>`
    SELECT user_id, organisation_id FROM auth_find_user(${username})`.execute(tx);
  const row = found.rows[0];
  if (!row) return null;
  const actor: Actor = { userId: row.user_id, organisationId: row.organisation_id, roles: [] };
  await setActor(tx, actor);
  return actor;
}

/**
 * Checks a password. Unknown users, wrong passwords, locked and disabled accounts all get the
 * same answer; only the audit trail says which it was.
 */
export async function loginWithPassword(ctx: Ctx, username: string, password: string): Promise<LoginResult> {
  const { tx } = ctx;
  const actor = await actAsUserNamed(tx, username);
  const user = actor
    ? await tx
        .selectFrom('users')
        .select([
          'id',
          'organisation_id',
          'password_hash',
          'failed_logins',
          'disabled_at',
          'totp_enrolled_at',
          sql<boolean>`coalesce(locked_until > now(), false)`.as('locked'),
        ])
        .where('id', '=', actor.userId)
        .executeTakeFirst()
    : undefined;
  const passwordOk = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !actor) {
    await ctx.audit({ action: 'auth.login', outcome: 'failure', actor: null, details: { reason: 'unknown_user' } });
    return { ok: false, delayMs: delayFor(countUnknown(username)) };
  }
  const refused = user.disabled_at ? 'disabled' : user.locked ? 'locked' : passwordOk ? null : 'wrong_password';
  if (refused) {
    const failures = user.failed_logins + 1;
    await tx
      .updateTable('users')
      .set({
        failed_logins: failures,
        locked_until: failures >= LOCK_AFTER ? sql`now() + make_interval(mins => ${LOCK_MINUTES})` : sql`locked_until`,
      })
      .where('id', '=', user.id)
      .execute();
    await ctx.audit({
      action: 'auth.login',
      outcome: refused === 'wrong_password' ? 'failure' : 'denied',
      actor,
      subjectType: 'user',
      subjectId: user.id,
      details: { reason: refused, failures },
    });
    return { ok: false, delayMs: delayFor(failures) };
  }
  await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  const { token } = await createSession(tx, { id: user.id, organisationId: user.organisation_id }, 'pre_auth');
  await ctx.audit({
    action: 'auth.login',
    actor,
    subjectType: 'user',
    subjectId: user.id,
    details: { stage: 'password' },
  });
  const passkeys = await tx.selectFrom('passkeys').select('id').where('user_id', '=', user.id).limit(1).execute();
  return { ok: true, token, enrolled: user.totp_enrolled_at !== null, passkey: passkeys.length > 0 };
}
