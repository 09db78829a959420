import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import type { Ctx } from '../http/request-context.ts';
import { AppError } from '../http/errors.ts';
import { delayFor, LOCK_AFTER, LOCK_MINUTES } from './login.ts';
import { openSecret, sealSecret } from './secrets.ts';
import { createSession } from './sessions.ts';
import { newRecoveryCode, sha256 } from './tokens.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp.ts';

export type SecondFactorResult = { ok: true; token: string; csrfToken: string } | { ok: false; delayMs: number };

export async function loadUser(tx: Tx, userId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'organisation_id', 'username', 'totp_secret', 'totp_enrolled_at', 'totp_last_step', 'failed_logins'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

async function fail(
  ctx: Ctx,
  action: 'auth.totp' | 'auth.recovery_code' | 'auth.passkey' | 'auth.step_up',
  failures: number,
  details: Record<string, string> = {},
): Promise<SecondFactorResult> {
  const me = ctx.me();
  await ctx.tx
    .updateTable('users')
    .set({
      failed_logins: failures,
      locked_until: failures >= LOCK_AFTER ? sql`now() + make_interval(mins => ${LOCK_MINUTES})` : sql`locked_until`,
    })
    .where('id', '=', me.userId)
    .execute();
  if (failures >= LOCK_AFTER) await ctx.tx.deleteFrom('sessions').where('user_id', '=', me.userId).execute();
  await ctx.audit({
    action,
    outcome: 'failure',
    subjectType: 'user',
    subjectId: me.userId,
    details: { ...details, failures },
  });
  return { ok: false, delayMs: delayFor(failures) };
}

/** Replaces the pre-authentication session by a full one: a new id at login. */
export async function promote(ctx: Ctx, preToken: string, user: { id: string; organisation_id: string }) {
  await ctx.tx.deleteFrom('sessions').where('id_hash', '=', sha256(preToken)).execute();
  return createSession(ctx.tx, { id: user.id, organisationId: user.organisation_id }, 'full');
}

/**
 * Checks a TOTP code of the acting user (once per time step); a wrong one counts towards the lock.
 * Shared by the sign-in and the step-up: one rule for both.
 */
export async function checkTotp(
  ctx: Ctx,
  masterKey: Buffer,
  code: string,
  failAs: 'auth.totp' | 'auth.step_up',
): Promise<{ ok: true; user: Awaited<ReturnType<typeof loadUser>> } | (SecondFactorResult & { ok: false })> {
  const user = await loadUser(ctx.tx, ctx.me().userId);
  if (!user.totp_secret || !user.totp_enrolled_at)
    throw new AppError(409, 'mfa_not_enrolled', 'Enrol a second factor first');
  const step = matchTotp(openSecret(masterKey, user.totp_secret, user.id), code);
  const last = user.totp_last_step === null ? -1 : Number(user.totp_last_step);
  if (step === null || step <= last) {
    const failed = await fail(ctx, failAs, user.failed_logins + 1, failAs === 'auth.step_up' ? { factor: 'totp' } : {});
    return failed as SecondFactorResult & { ok: false };
  }
  await ctx.tx.updateTable('users').set({ totp_last_step: step, failed_logins: 0 }).where('id', '=', user.id).execute();
  return { ok: true, user };
}

export async function verifyTotp(
  ctx: Ctx,
  masterKey: Buffer,
  preToken: string,
  code: string,
): Promise<SecondFactorResult> {
  const checked = await checkTotp(ctx, masterKey, code, 'auth.totp');
  if (!checked.ok) return checked;
  const { user } = checked;
  const session = await promote(ctx, preToken, user);
  await ctx.audit({ action: 'auth.totp', subjectType: 'user', subjectId: user.id });
  return { ok: true, ...session };
}

export async function verifyRecoveryCode(ctx: Ctx, preToken: string, code: string): Promise<SecondFactorResult> {
  const user = await loadUser(ctx.tx, ctx.me().userId);
  const normalised = code.replace(/[\s-]/g, '').toUpperCase();
  const used = await ctx.tx
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', user.id)
    .where('code_hash', '=', sha256(normalised))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!used) return fail(ctx, 'auth.recovery_code', user.failed_logins + 1);
  await ctx.tx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
  const session = await promote(ctx, preToken, user);
  const left = await ctx.tx
    .selectFrom('recovery_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'auth.recovery_code', subjectType: 'user', subjectId: user.id, details: { left: left.n } });
  return { ok: true, ...session };
}

/** Starts TOTP enrolment: a new secret, kept sealed until the first code confirms it. */
export async function startEnrolment(ctx: Ctx, masterKey: Buffer) {
  const user = await loadUser(ctx.tx, ctx.me().userId);
  if (user.totp_enrolled_at) throw new AppError(409, 'mfa_already_enrolled', 'A second factor is already enrolled');
  const secret = newTotpSecret();
  await ctx.tx
    .updateTable('users')
    .set({ totp_secret: sealSecret(masterKey, secret, user.id) })
    .where('id', '=', user.id)
    .execute();
  await ctx.audit({
    action: 'auth.totp_enrol',
    subjectType: 'user',
    subjectId: user.id,
    details: { stage: 'started' },
  });
  const url = otpauthUrl(secret, user.username);
  return {
    secret,
    otpauthUrl: url,
    qrDataUrl: await (await import('qrcode')).default.toDataURL(url, { margin: 1, width: 240 }),
  };
}

export const RECOVERY_CODE_COUNT = 10;

/** Confirms enrolment with a first code; returns recovery codes, shown once and stored hashed. */
export async function confirmEnrolment(ctx: Ctx, masterKey: Buffer, preToken: string, code: string) {
  const user = await loadUser(ctx.tx, ctx.me().userId);
  if (user.totp_enrolled_at) throw new AppError(409, 'mfa_already_enrolled', 'A second factor is already enrolled');
  if (!user.totp_secret) throw new AppError(409, 'mfa_not_started', 'Start the enrolment first');
  const step = matchTotp(openSecret(masterKey, user.totp_secret, user.id), code);
  if (step === null) return { ...(await fail(ctx, 'auth.totp', user.failed_logins + 1)), recoveryCodes: [] };
  await ctx.tx
    .updateTable('users')
    .set({ totp_enrolled_at: sql`now()`, totp_last_step: step, failed_logins: 0 })
    .where('id', '=', user.id)
    .execute();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await ctx.tx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
  await ctx.tx
    .insertInto('recovery_codes')
    .values(
      recoveryCodes.map((c) => ({ user_id: user.id, organisation_id: user.organisation_id, code_hash: sha256(c) })),
    )
    .execute();
  const session = await promote(ctx, preToken, user);
  await ctx.audit({
    action: 'auth.totp_enrol',
    subjectType: 'user',
    subjectId: user.id,
    details: { stage: 'confirmed' },
  });
  return { ok: true as const, ...session, recoveryCodes };
}
