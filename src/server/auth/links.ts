import { createAccount } from '../users/create-account.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import { setActor, setLink, type Tx } from '../db/context.ts';
import type { Ctx } from '../http/request-context.ts';
import { AppError, invalidField } from '../http/errors.ts';
import { actAsUserNamed } from './login.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { endAllSessions } from './sessions.ts';
import { newToken, sha256 } from './tokens.ts';

export const INVITE_HOURS = 72;
export const RESET_HOURS = 24;

const linkGone = () => new AppError(410, 'link_invalid', 'This link is not valid any more; ask for a new one');

/** Opens a one-time link by its token: acts for its holder in this transaction, or throws 410. */
async function openLink(tx: Tx, token: string, kind: 'invite' | 'reset') {
  const found = await sql<{ link_id: string; organisation_id: string }>`
    SELECT link_id, organisation_id FROM auth_find_link(${sha256(token)})`.execute(tx);
  const hit = found.rows[0];
  if (!hit) throw linkGone();
  await setLink(tx, hit.link_id, hit.organisation_id);
  const link = await tx
    .selectFrom('invitations')
    .selectAll()
    .select(sql<boolean>`expires_at < now()`.as('expired'))
    .where('id', '=', hit.link_id)
    .executeTakeFirst();
  if (!link || link.kind !== kind || link.used_at || link.expired) throw linkGone();
  return link;
}

function checkPassword(password: string, context: string[]) {
  const problem = passwordProblem(password, context);
  if (problem)
    throw problem === 'password_too_short'
      ? invalidField('password', 'too_short', { code: problem, message: 'At least 12 characters' })
      : invalidField('password', 'too_common', { code: problem, message: 'Too common or too easy to guess' });
}

/** An invited person chooses a password: the account exists from now on, MFA enrolment follows at first login. */
export async function acceptInvitation(ctx: Ctx, token: string, password: string): Promise<void> {
  const link = await openLink(ctx.tx, token, 'invite');
  checkPassword(password, [link.username ?? '', link.display_name ?? '']);
  const taken = await sql<{ taken: boolean }>`SELECT auth_username_taken(${link.username}) AS taken`.execute(ctx.tx);
  if (taken.rows[0]?.taken) throw new AppError(409, 'username_taken', 'This username is already in use');
  const userId = randomUUID();
  await setActor(ctx.tx, { userId, organisationId: link.organisation_id, roles: [] });
  await createAccount(ctx.tx, {
    id: userId,
    organisationId: link.organisation_id,
    username: link.username as string,
    displayName: link.display_name as string,
    email: link.email,
    passwordHash: await hashPassword(password),
    roles: link.roles,
  });
  await ctx.tx
    .updateTable('invitations')
    .set({ used_at: sql`now()`, user_id: userId })
    .where('id', '=', link.id)
    .execute();
  const who = { userId, organisationId: link.organisation_id };
  await ctx.audit({
    action: 'auth.password_set',
    actor: who,
    subjectType: 'user',
    subjectId: userId,
    details: { via: 'invitation', roles: link.roles },
  });
}

export async function completePasswordReset(ctx: Ctx, token: string, password: string): Promise<void> {
  const link = await openLink(ctx.tx, token, 'reset');
  if (!link.user_id) throw linkGone();
  checkPassword(password, [link.username ?? '']);
  await setActor(ctx.tx, { userId: link.user_id, organisationId: link.organisation_id, roles: [] });
  await ctx.tx
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password),
      failed_logins: 0,
      locked_until: null,
      reset_requested_at: null,
    })
    .where('id', '=', link.user_id)
    .execute();
  await ctx.tx.updateTable('invitations').set({ used_at: sql`now()` }).where('id', '=', link.id).execute();
  await endAllSessions(ctx.tx, link.user_id);
  const who = { userId: link.user_id, organisationId: link.organisation_id };
  await ctx.audit({
    action: 'auth.password_set',
    actor: who,
    subjectType: 'user',
    subjectId: link.user_id,
    details: { via: 'reset' },
  });
}

/**
 * Someone asks for a password reset. The answer never says whether the name exists; a known,
 * active user is flagged for their organisation's admins, who issue the one-time link.
 */
export async function requestPasswordReset(ctx: Ctx, username: string): Promise<void> {
  const actor = await actAsUserNamed(ctx.tx, username);
  if (!actor) {
    await ctx.audit({
      action: 'auth.password_reset_request',
      outcome: 'failure',
      actor: null,
      details: { reason: 'unknown_user' },
    });
    return;
  }
  await ctx.tx
    .updateTable('users')
    .set({ reset_requested_at: sql`now()` })
    .where('id', '=', actor.userId)
    .where('disabled_at', 'is', null)
    .execute();
  await ctx.audit({ action: 'auth.password_reset_request', actor, subjectType: 'user', subjectId: actor.userId });
}

/** Creates a one-time link for an admin to hand over; the admin never sees or sets a password. */
export async function createLink(
  tx: Tx,
  fields: {
    kind: 'invite' | 'reset';
    organisationId: string;
    createdBy: string;
    userId?: string;
    username?: string;
    displayName?: string;
    email?: string | null;
    roles?: Role[];
  },
) {
  const token = newToken();
  const hours = fields.kind === 'invite' ? INVITE_HOURS : RESET_HOURS;
  const row = await tx
    .insertInto('invitations')
    .values({
      organisation_id: fields.organisationId,
      token_hash: sha256(token),
      kind: fields.kind,
      user_id: fields.userId ?? null,
      username: fields.username ?? null,
      display_name: fields.displayName ?? null,
      email: fields.email ?? null,
      roles: fields.roles ?? [],
      created_by: fields.createdBy,
      expires_at: sql<Date>`now() + make_interval(hours => ${hours})` as unknown as Date,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { token, id: row.id, expiresAt: new Date(row.expires_at).toISOString() };
}
