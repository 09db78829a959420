import { sql } from 'kysely';
import { endAllSessions } from '../auth/sessions.ts';
import { AppError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { findUser } from './queries.ts';

/** Disables (ending their sessions) or enables a user of the administrator's organisation, never oneself. */
export async function setUserDisabled(ctx: Ctx, id: string, action: 'disable' | 'enable') {
  const me = ctx.authorise('user.manage');
  await findUser(ctx.tx, me, id);
  if (id === me.userId) throw new AppError(409, 'cannot_change_self', 'You cannot disable your own account');
  await ctx.tx
    .updateTable('users')
    .set({ disabled_at: action === 'disable' ? sql`now()` : null, failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
  if (action === 'disable') await endAllSessions(ctx.tx, id);
  await ctx.audit({ action: `user.${action}`, subjectType: 'user', subjectId: id });
  return findUser(ctx.tx, me, id);
}
