import { type Kysely, sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import type { Tx } from '../db/context.ts';
import type { DB } from '../db/schema.ts';
import type { NotificationKind } from '../../shared/codes/notifications.ts';

export interface Notification {
  /** the organisation whose users are notified (may be another than the actor's) */
  organisationId: string;
  /** its active users holding any of these roles… */
  roles?: Role[];
  /** …or exactly these users of it (still holding one of `roles`, when both are given) */
  userIds?: string[];
  kind: NotificationKind;
  referralId?: string;
}

function args(n: Notification) {
  if (!n.roles && !n.userIds) throw new Error('notify: give roles or userIds');
  const roles = n.roles ? sql`${n.roles}::text[]` : sql`NULL::text[]`;
  const users = n.userIds ? sql`${n.userIds}::uuid[]` : sql`NULL::uuid[]`;
  return sql`${n.organisationId}::uuid, ${roles}, ${users}, ${n.kind}::text, ${n.referralId ?? null}::uuid`;
}
const nobody = (n: Notification) => n.roles?.length === 0 || n.userIds?.length === 0;

/**
 * Notifies operators in the caller's transaction (a request's, as percorsi_app with a signed-in
 * actor): one inbox row each and, for those with an e-mail address, one outbox row each, sent
 * after commit by the outbox worker. The acting user is never notified of their own action.
 * Returns how many users were notified; never who.
 */
export async function notify(tx: Tx, n: Notification): Promise<number> {
  if (nobody(n)) return 0;
  const result = await sql<{ n: number }>`SELECT notify_users(${args(n)}) AS n`.execute(tx);
  return result.rows[0]?.n ?? 0;
}

/**
 * The same for system jobs that have no signed-in actor (e.g. a deadline sweep), through the
 * owner connection (`db.owner`, or a transaction on it). Nobody is left out as the actor.
 */
export async function notifyFromSystem(owner: Kysely<DB>, n: Notification): Promise<number> {
  if (nobody(n)) return 0;
  const result = await sql<{ n: number }>`SELECT notify_recipients(${args(n)}, NULL::uuid) AS n`.execute(owner);
  return result.rows[0]?.n ?? 0;
}
