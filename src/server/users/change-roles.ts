import type { Ctx } from '../http/request-context.ts';
import { checkGrantable, findUser, replaceRoles } from './queries.ts';

/** Replaces the roles of a user of the administrator's organisation; the change is audited. */
export async function changeRoles(ctx: Ctx, id: string, roles: string[]) {
  const me = ctx.authorise('user.manage');
  await findUser(ctx.tx, me, id);
  const change = await replaceRoles(ctx.tx, { id, organisationId: me.organisationId }, checkGrantable(me, roles));
  await ctx.audit({ action: 'user.roles_change', subjectType: 'user', subjectId: id, details: change });
  return findUser(ctx.tx, me, id);
}
