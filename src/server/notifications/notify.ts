import { sql } from 'kysely';
import type { Role } from '../../shared/roles.ts';
import type { Tx } from '../db/context.ts';
import type { NotificationKind } from './kinds.ts';

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

/**
 * Notifies operators in the caller's transaction: one inbox row each and, for those with an
 * e-mail address, one outbox row each (sent after commit by the outbox worker). The acting user is
 * never notified of their own action. Returns how many users were notified; never who.
 */
export async function notify(tx: Tx, n: Notification): Promise<number> {
  if (!n.roles && !n.userIds) throw new Error('notify: give roles or userIds');
  if (n.roles?.length === 0 || n.userIds?.length === 0) return 0;
  const roles = n.roles ? sql`${n.roles}::text[]` : sql`NULL::text[]`;
  const users = n.userIds ? sql`${n.userIds}::uuid[]` : sql`NULL::uuid[]`;
  const result = await sql<{ n: number }>`SELECT notify_users(${n.organisationId}::uuid, ${roles}, ${users},
    ${n.kind}::text, ${n.referralId ?? null}::uuid) AS n`.execute(tx);
  return result.rows[0]?.n ?? 0;
}
