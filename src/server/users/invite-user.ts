import { sql } from 'kysely';
import { createLink } from '../auth/links.ts';
import { AppError, fieldError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { checkGrantable } from './queries.ts';

export interface Invitation {
  username: string;
  displayName: string;
  email?: string | null;
  roles: string[];
}

/** An invitation link for a new user of the administrator's organisation (409 when the username is taken). */
export async function inviteUser(ctx: Ctx, body: Invitation) {
  const me = ctx.authorise('user.manage');
  const roles = checkGrantable(me, body.roles);
  const taken = await sql<{ taken: boolean }>`SELECT auth_username_taken(${body.username}) AS taken`.execute(ctx.tx);
  if (taken.rows[0]?.taken) {
    throw new AppError(409, 'username_taken', 'This username is already in use', [
      fieldError('username', 'taken', 'taken'),
    ]);
  }
  const link = await createLink(ctx.tx, {
    kind: 'invite',
    organisationId: me.organisationId,
    createdBy: me.userId,
    username: body.username,
    displayName: body.displayName,
    email: body.email ?? null,
    roles,
  });
  await ctx.audit({ action: 'user.invite', subjectType: 'invitation', subjectId: link.id, details: { roles } });
  return link;
}
