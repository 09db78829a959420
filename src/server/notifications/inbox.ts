import { sql } from 'kysely';
import { todayInItaly } from '../db/dates.ts';
import { notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { contextsOf } from './context.ts';
import { isNotificationKind } from './kinds.ts';
import type { Inbox, InboxQuery, NotificationGroup, NotificationItem } from './schemas.ts';

/** How many notifications a page shows when the client does not say. */
const DEFAULT_LIMIT = 50;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/**
 * The signed-in user's notifications, newest first, grouped by referral (a group where its newest
 * notification is), each group with its context as the reader may see it; and how many are unread.
 * RLS: own rows only.
 */
export async function listInbox(ctx: Ctx, query: InboxQuery): Promise<Inbox> {
  const me = ctx.authorise('notification.read');
  let q = ctx.tx
    .selectFrom('notifications')
    .select(['id', 'kind', 'referral_id', 'created_at', 'read_at'])
    .where('user_id', '=', me.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(query.limit ?? DEFAULT_LIMIT);
  if (query.unread) q = q.where('read_at', 'is', null);
  const rows = await q.execute();
  const unread = await ctx.tx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', me.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const groups: NotificationGroup[] = [];
  const byReferral = new Map<string, NotificationGroup>();
  for (const r of rows) {
    // a kind this version does not know (written by a newer node) is left out, not mislabelled
    if (!isNotificationKind(r.kind)) continue;
    const item: NotificationItem = {
      id: r.id,
      kind: r.kind,
      referralId: r.referral_id,
      createdAt: iso(r.created_at),
      readAt: r.read_at ? iso(r.read_at) : null,
    };
    let group = r.referral_id ? byReferral.get(r.referral_id) : undefined;
    if (!group) {
      group = { referralId: r.referral_id, context: null, unread: 0, items: [] };
      groups.push(group);
      if (r.referral_id) byReferral.set(r.referral_id, group);
    }
    group.items.push(item);
    if (!item.readAt) group.unread++;
  }
  const contexts = await contextsOf(ctx.tx, me, [...byReferral.keys()], todayInItaly());
  for (const g of groups) g.context = g.referralId ? (contexts.get(g.referralId) ?? null) : null;
  return { groups, unread: Number(unread.n) };
}

/** Marks one of the user's notifications as read; another user's id is not found (404). */
export async function markRead(ctx: Ctx, id: string): Promise<void> {
  const me = ctx.authorise('notification.read');
  const row = await ctx.tx
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', me.userId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.read_at) return;
  await ctx.tx
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', me.userId)
    .execute();
}

export async function markAllRead(ctx: Ctx): Promise<void> {
  const me = ctx.authorise('notification.read');
  await ctx.tx
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', me.userId)
    .where('read_at', 'is', null)
    .execute();
}
