/**
 * Step-up (issue 12): reading her identity, exporting lists in bulk and erasing ask for a second
 * factor proven within the last STEP_UP_MINUTES by this session (sessions.second_factor_at,
 * migration 230). Signing in counts; so does a step-up (TOTP code or passkey) on the open session.
 * Without one the request is refused with 403 `step_up_required` (403, not 401: the session is
 * fine), and the UI asks for the factor in place and retries.
 */
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { stepUpWithPasskey } from './passkeys.ts';
import { checkTotp } from './second-factor.ts';
import type { Tx } from '../db/context.ts';
import { AppError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';

export const STEP_UP_MINUTES = 10;
const WINDOW_MS = STEP_UP_MINUTES * 60_000;

/** Fresh while less than 10 minutes have passed since the factor (the pure rule, tested at its edges). */
export const isFresh = (factorAt: Date | null, now: Date): boolean =>
  factorAt !== null && now.getTime() - factorAt.getTime() < WINDOW_MS && factorAt.getTime() <= now.getTime();

export const freshUntil = (factorAt: Date): Date => new Date(factorAt.getTime() + WINDOW_MS);

export const stepUpRequired = () =>
  new AppError(403, 'step_up_required', 'This action needs a second factor proven in the last 10 minutes');

/** When this session last proved a second factor, and the database's now (one clock for both). */
export async function lastFactorOf(tx: Tx, sessionIdHash: string): Promise<{ at: Date | null; now: Date }> {
  const row = await tx
    .selectFrom('sessions')
    .select(['second_factor_at', sql<Date>`now()`.as('now')])
    .where('id_hash', '=', sessionIdHash)
    .executeTakeFirst();
  const now = row ? new Date(row.now) : new Date();
  return { at: row?.second_factor_at ? new Date(row.second_factor_at) : null, now };
}

/** Throws 403 step_up_required unless the acting session proved a second factor recently. */
export async function requireFreshFactor(ctx: Ctx): Promise<void> {
  if (!(await ctx.freshFactor())) throw stepUpRequired();
}

/** Marks the session's second factor as proven now. */
export async function markFactor(tx: Tx, sessionIdHash: string): Promise<Date> {
  const row = await tx
    .updateTable('sessions')
    .set({ second_factor_at: sql`now()` })
    .where('id_hash', '=', sessionIdHash)
    .returning('second_factor_at')
    .executeTakeFirstOrThrow();
  return new Date(row.second_factor_at as Date);
}

/** The session's step-up state, for the UI (before a download link, which cannot be retried). */
export async function stepUpState(ctx: Ctx) {
  const idHash = ctx.sessionIdHash;
  if (!idHash) return { fresh: false, freshUntil: null };
  const { at, now } = await lastFactorOf(ctx.tx, idHash);
  return { fresh: isFresh(at, now), freshUntil: at ? freshUntil(at).toISOString() : null };
}

/** A step-up with a TOTP code on the open session (a wrong code counts towards the lock). */
export async function stepUpWithTotp(ctx: Ctx, masterKey: Buffer, code: string) {
  const me = ctx.me();
  const checked = await checkTotp(ctx, masterKey, code, 'auth.step_up');
  if (!checked.ok) return checked;
  const at = await markFactor(ctx.tx, ctx.sessionIdHash as string);
  await ctx.audit({ action: 'auth.step_up', subjectType: 'user', subjectId: me.userId, details: { factor: 'totp' } });
  return { ok: true as const, freshUntil: freshUntil(at).toISOString() };
}

/** A step-up with a passkey on the open session. */
export async function stepUpPasskey(ctx: Ctx, rp: Config['webauthn'], response: AuthenticationResponseJSON) {
  const me = ctx.me();
  const checked = await stepUpWithPasskey(ctx, rp, response);
  if (!checked.ok) return checked;
  const at = await markFactor(ctx.tx, ctx.sessionIdHash as string);
  await ctx.audit({
    action: 'auth.step_up',
    subjectType: 'user',
    subjectId: me.userId,
    details: { factor: 'passkey', passkeyId: checked.passkeyId },
  });
  return { ok: true as const, freshUntil: freshUntil(at).toISOString() };
}
