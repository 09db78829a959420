/**
 * Notifications clear themselves when their referral is acted on, by one rule table: for each
 * event, which kinds of notification about that referral it settles, and for whom — the actor
 * alone (she opened it) or her whole organisation (the task is done, whoever did it). The referral
 * use cases call `settleNotifications` (read-referral, transition, messages), nothing else does.
 */
import { sql } from 'kysely';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/codes/notifications.ts';
import type { ReferralAction } from '../../shared/codes/referrals.ts';
import type { Ctx } from '../http/request-context.ts';

export type ReferralEvent = 'view' | 'message' | ReferralAction;

interface Rule {
  scope: 'me' | 'organisation';
  kinds: readonly NotificationKind[];
}

/** The recipient's tasks: a new referral to answer, a deadline passed. */
const ANSWERED: Rule = { scope: 'organisation', kinds: ['referral_received', 'referral_overdue'] };

export const SETTLES: Record<ReferralEvent, Rule> = {
  // opening the referral reads everything it was notified about, for her
  view: { scope: 'me', kinds: NOTIFICATION_KINDS },
  // a reply answers the thread, for her organisation
  message: { scope: 'organisation', kinds: ['referral_message'] },
  accept: ANSWERED,
  decline: ANSWERED,
  book: ANSWERED,
  start: ANSWERED,
  report: ANSWERED,
  complete: ANSWERED,
  // the sender withdraws: nothing about it is left to do at the centre
  withdraw: { scope: 'organisation', kinds: NOTIFICATION_KINDS },
  // the sweep's: no actor, nothing to settle
  expire: { scope: 'me', kinds: [] },
};

/** Marks as read the notifications `event` settles; returns how many. */
export async function settleNotifications(ctx: Ctx, referralId: string, event: ReferralEvent): Promise<number> {
  const me = ctx.me();
  const rule = SETTLES[event];
  if (!rule.kinds.length) return 0;
  if (rule.scope === 'me') {
    const done = await ctx.tx
      .updateTable('notifications')
      .set({ read_at: sql`now()` })
      .where('user_id', '=', me.userId)
      .where('referral_id', '=', referralId)
      .where('kind', 'in', [...rule.kinds])
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows);
  }
  const n = await sql<{
    n: number;
  }>`SELECT clear_notifications(${referralId}::uuid, ${[...rule.kinds]}::text[]) AS n`.execute(ctx.tx);
  return n.rows[0]?.n ?? 0;
}
