/**
 * Passkeys (WebAuthn, issue 12) with @simplewebauthn/server: enrolment by a signed-in user, use as
 * the second factor after the password (in place of TOTP), passwordless sign-in (user verification
 * required: the device's PIN or biometrics is the second factor), step-up, listing and revocation.
 * Challenges are single-use rows (migration 230) taken by `auth_take_challenge`: a replayed answer
 * finds no challenge. Every enrolment, use and revocation is audited (ids only).
 */
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { setActor, type Tx } from '../db/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { delayFor } from './login.ts';
import { loadUser, promote, type SecondFactorResult } from './second-factor.ts';
import { createSession } from './sessions.ts';
import { sha256 } from './tokens.ts';
import type { WebauthnPurpose } from '../../shared/codes/auth.ts';

type RelyingParty = Config['webauthn'];
type Purpose = WebauthnPurpose;

export const CHALLENGE_MINUTES = 5;
export const MAX_PASSKEYS = 10;

async function keepChallenge(tx: Tx, challenge: string, purpose: Purpose, userId: string | null) {
  await tx
    .insertInto('webauthn_challenges')
    .values({
      challenge_hash: sha256(challenge),
      purpose,
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(mins => ${CHALLENGE_MINUTES})` as unknown as Date,
    })
    .execute();
}

/** A challenge checker for the library: true once for a challenge this server issued (for this user). */
function takeChallenge(tx: Tx, purpose: Purpose, expectUser: string | null) {
  return async (challenge: string): Promise<boolean> => {
    const r = await sql<{ found: boolean; user_id: string | null }>`
      SELECT found, user_id FROM auth_take_challenge(${sha256(challenge)}, ${purpose})`.execute(tx);
    const row = r.rows[0];
    return Boolean(row?.found) && (row?.user_id ?? null) === expectUser;
  };
}

const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Uint8Array<ArrayBuffer>;

async function passkeysOf(tx: Tx, userId: string) {
  return tx
    .selectFrom('passkeys')
    .select(['id', 'name', 'credential_id', 'public_key', 'sign_count', 'transports', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** The user's passkeys, for their security page (no key material). */
export async function listPasskeys(ctx: Ctx) {
  const rows = await passkeysOf(ctx.tx, ctx.me().userId);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    createdAt: p.created_at.toISOString(),
    lastUsedAt: p.last_used_at ? new Date(p.last_used_at).toISOString() : null,
  }));
}

export const hasPasskey = async (tx: Tx, userId: string): Promise<boolean> =>
  (await tx.selectFrom('passkeys').select('id').where('user_id', '=', userId).limit(1).execute()).length > 0;

/** Starts an enrolment: options for navigator.credentials.create(), a discoverable credential. */
export async function registrationOptions(ctx: Ctx, rp: RelyingParty) {
  const user = await loadUser(ctx.tx, ctx.me().userId);
  const existing = await passkeysOf(ctx.tx, user.id);
  if (existing.length >= MAX_PASSKEYS) throw new AppError(409, 'too_many_passkeys', 'Revoke a passkey first');
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: user.username,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await keepChallenge(ctx.tx, options.challenge, 'register', user.id);
  return options;
}

/** Finishes an enrolment: checks the authenticator's answer against the challenge, stores the key. */
export async function registerPasskey(ctx: Ctx, rp: RelyingParty, name: string, response: RegistrationResponseJSON) {
  const me = ctx.me();
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: takeChallenge(ctx.tx, 'register', me.userId),
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      requireUserVerification: false,
    });
  } catch {
    verified = { verified: false };
  }
  if (!verified.verified) {
    await ctx.audit({ action: 'auth.passkey_enrol', outcome: 'failure', subjectType: 'user', subjectId: me.userId });
    return null;
  }
  const { credential } = verified.registrationInfo;
  const row = await ctx.tx
    .insertInto('passkeys')
    .values({
      user_id: me.userId,
      organisation_id: me.organisationId,
      name: name.trim(),
      credential_id: credential.id,
      public_key: Buffer.from(credential.publicKey),
      sign_count: credential.counter,
      transports: credential.transports ?? [],
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'auth.passkey_enrol',
    subjectType: 'user',
    subjectId: me.userId,
    details: { passkeyId: row.id, userVerified: verified.registrationInfo.userVerified },
  });
  return { id: row.id };
}

/** Revokes one of the user's own passkeys (another user's id is a 404: RLS shows none). */
export async function revokePasskey(ctx: Ctx, id: string) {
  const me = ctx.me();
  const gone = await ctx.tx.deleteFrom('passkeys').where('id', '=', id).returning('id').executeTakeFirst();
  if (!gone) throw notFound();
  await ctx.audit({
    action: 'auth.passkey_revoke',
    subjectType: 'user',
    subjectId: me.userId,
    details: { passkeyId: id },
  });
}

/**
 * Options for navigator.credentials.get(): for a known user (second factor, step-up) the list of
 * their passkeys; for the passwordless sign-in none (the authenticator offers its discoverable ones).
 */
export async function authenticationOptions(ctx: Ctx, rp: RelyingParty) {
  const userId = ctx.actor?.userId ?? null;
  const mine = userId ? await passkeysOf(ctx.tx, userId) : [];
  if (userId && mine.length === 0) throw new AppError(409, 'no_passkey', 'No passkey is enrolled');
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    allowCredentials: mine.map((p) => ({ id: p.credential_id, transports: p.transports as never })),
    userVerification: userId ? 'preferred' : 'required',
  });
  await keepChallenge(ctx.tx, options.challenge, 'authenticate', userId);
  return options;
}

/**
 * Checks an assertion by one of the acting user's passkeys against a challenge issued for
 * `challengeUser`; updates its counter and last use. Returns the passkey id, or null.
 */
async function checkAssertion(
  ctx: Ctx,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  challengeUser: string | null,
): Promise<string | null> {
  const me = ctx.me();
  const key = await ctx.tx
    .selectFrom('passkeys')
    .select(['id', 'credential_id', 'public_key', 'sign_count', 'transports'])
    .where('user_id', '=', me.userId)
    .where('credential_id', '=', response.id)
    .executeTakeFirst();
  if (!key) return null;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: takeChallenge(ctx.tx, 'authenticate', challengeUser),
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      credential: {
        id: key.credential_id,
        publicKey: toBytes(key.public_key),
        counter: Number(key.sign_count),
        transports: key.transports as never,
      },
      // passwordless: the device's PIN or biometrics stands for the second factor
      requireUserVerification: challengeUser === null,
    });
    if (!result.verified) return null;
    await ctx.tx
      .updateTable('passkeys')
      .set({ sign_count: result.authenticationInfo.newCounter, last_used_at: sql`now()` })
      .where('id', '=', key.id)
      .execute();
    return key.id;
  } catch {
    return null;
  }
}

/** A passkey's failure counts towards the lock like a wrong TOTP code. */
async function failPasskey(ctx: Ctx, action: 'auth.passkey' | 'auth.step_up') {
  const user = await loadUser(ctx.tx, ctx.me().userId);
  const failures = user.failed_logins + 1;
  await ctx.tx.updateTable('users').set({ failed_logins: failures }).where('id', '=', user.id).execute();
  await ctx.audit({
    action,
    outcome: 'failure',
    subjectType: 'user',
    subjectId: user.id,
    details: { factor: 'passkey', failures },
  });
  return { ok: false as const, delayMs: delayFor(failures) };
}

/** The second factor after the password: a passkey in place of a TOTP code. */
export async function verifyPasskey(
  ctx: Ctx,
  rp: RelyingParty,
  preToken: string,
  response: AuthenticationResponseJSON,
): Promise<SecondFactorResult> {
  const me = ctx.me();
  const passkeyId = await checkAssertion(ctx, rp, response, me.userId);
  if (!passkeyId) return failPasskey(ctx, 'auth.passkey');
  await ctx.tx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', me.userId).execute();
  const session = await promote(ctx, preToken, { id: me.userId, organisation_id: me.organisationId });
  await ctx.audit({
    action: 'auth.passkey',
    subjectType: 'user',
    subjectId: me.userId,
    details: { mode: 'second_factor', passkeyId },
  });
  return { ok: true, ...session };
}

/** A step-up with a passkey by the signed-in user: true when it verified. */
export async function stepUpWithPasskey(ctx: Ctx, rp: RelyingParty, response: AuthenticationResponseJSON) {
  const me = ctx.me();
  const passkeyId = await checkAssertion(ctx, rp, response, me.userId);
  if (!passkeyId) return failPasskey(ctx, 'auth.step_up');
  await ctx.tx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', me.userId).execute();
  return { ok: true as const, passkeyId };
}

const PASSWORDLESS_FAILURE_DELAY_MS = 250;

/**
 * Passwordless sign-in: the credential names its owner (auth_find_passkey), the transaction acts as
 * them, and a verified assertion (user verification required) opens a full session. Unknown
 * credentials, disabled or locked accounts and bad assertions all get the same answer.
 */
export async function signInWithPasskey(
  ctx: Ctx,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
): Promise<SecondFactorResult> {
  const { tx } = ctx;
  const found = await sql<{ user_id: string; organisation_id: string }>`
    SELECT user_id, organisation_id FROM auth_find_passkey(${response.id})`.execute(tx);
  const owner = found.rows[0];
  if (!owner) {
    // still burn the challenge, so that it cannot be tried again
    await takeChallenge(tx, 'authenticate', null)(challengeOf(response));
    await ctx.audit({
      action: 'auth.passkey',
      outcome: 'failure',
      actor: null,
      details: { reason: 'unknown_passkey' },
    });
    return { ok: false, delayMs: PASSWORDLESS_FAILURE_DELAY_MS };
  }
  const actor = { userId: owner.user_id, organisationId: owner.organisation_id, roles: [] };
  await setActor(tx, actor);
  const acting: Ctx = { ...ctx, actor, me: () => actor, audit: (e) => ctx.audit({ actor, ...e }) };
  const user = await tx
    .selectFrom('users')
    .select(['id', 'disabled_at', sql<boolean>`coalesce(locked_until > now(), false)`.as('locked')])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const refused = user.disabled_at ? 'disabled' : user.locked ? 'locked' : null;
  const passkeyId = refused ? null : await checkAssertion(acting, rp, response, null);
  if (!passkeyId) {
    await acting.audit({
      action: 'auth.passkey',
      outcome: refused ? 'denied' : 'failure',
      subjectType: 'user',
      subjectId: user.id,
      details: { mode: 'passwordless', reason: refused ?? 'invalid_assertion' },
    });
    return { ok: false, delayMs: PASSWORDLESS_FAILURE_DELAY_MS };
  }
  await tx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', user.id).execute();
  const session = await createSession(tx, { id: actor.userId, organisationId: actor.organisationId }, 'full');
  await acting.audit({
    action: 'auth.passkey',
    subjectType: 'user',
    subjectId: user.id,
    details: { mode: 'passwordless', passkeyId },
  });
  return { ok: true, ...session };
}

/** The challenge the browser signed (base64url), from clientDataJSON; '' when unreadable. */
function challengeOf(response: AuthenticationResponseJSON): string {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'));
    return typeof data.challenge === 'string' ? data.challenge : '';
  } catch {
    return '';
  }
}
