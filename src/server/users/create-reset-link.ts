import { createLink } from '../auth/links.ts';
import type { Ctx } from '../http/request-context.ts';
import { findUser } from './queries.ts';

/** A password-reset link for a user of the administrator's organisation; clears their pending request. */
export async function createResetLink(ctx: Ctx, id: string) {
  const me = ctx.authorise('user.manage');
  const user = await findUser(ctx.tx, me, id);
  const link = await createLink(ctx.tx, {
    kind: 'reset',
    organisationId: me.organisationId,
    createdBy: me.userId,
    userId: id,
    username: user.username,
  });
  await ctx.tx.updateTable('users').set({ reset_requested_at: null }).where('id', '=', id).execute();
  await ctx.audit({ action: 'user.password_reset_link', subjectType: 'user', subjectId: id });
  return link;
}
