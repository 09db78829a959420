import { grantableRoles, userListActions } from '../../shared/allowed-actions.ts';
import type { Ctx } from '../http/request-context.ts';
import { readUsers } from './queries.ts';

/** The users of the administrator's own organisation, with what she may do with the list; the listing is audited. */
export async function listUsers(ctx: Ctx) {
  const me = ctx.authorise('user.read');
  const items = await readUsers(ctx.tx, me);
  await ctx.audit({
    action: 'user.list',
    subjectType: 'organisation',
    subjectId: me.organisationId,
    details: { count: items.length },
  });
  const allowedActions = userListActions(me, me.organisationId);
  return { items, allowedActions, assignableRoles: allowedActions.includes('invite') ? grantableRoles(me) : [] };
}
