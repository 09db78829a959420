import { sql } from 'kysely';
import { can } from '../../shared/can.ts';
import type { Actor, Tx } from '../db/context.ts';

export interface AuditQuery {
  actor?: string;
  subject?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: number;
}

/**
 * Searches the audit trail, newest first. Row-level security decides what is visible (a DPO
 * their organisation's rows, everyone their own actions); the app narrows non-DPOs to themselves.
 */
export async function searchAudit(tx: Tx, me: Actor, q: AuditQuery) {
  const limit = Math.min(q.limit ?? 50, 200);
  let query = tx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      sql<string>`audit_log.seq::text`.as('seq'),
      'audit_log.occurred_at',
      'audit_log.actor_user_id',
      'users.display_name',
      'audit_log.organisation_id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.purpose',
      'audit_log.outcome',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(limit + 1);
  if (!can(me, 'audit.read_organisation')) query = query.where('audit_log.actor_user_id', '=', me.userId);
  else if (!can(me, 'audit.read_all')) query = query.where('audit_log.organisation_id', '=', me.organisationId);
  if (q.actor) query = query.where('audit_log.actor_user_id', '=', q.actor);
  if (q.subject) query = query.where('audit_log.subject_id', '=', q.subject);
  // from/to are calendar days in Italy
  if (q.from)
    query = query.where(
      'audit_log.occurred_at',
      '>=',
      sql<Date>`(${q.from}::date)::timestamp AT TIME ZONE 'Europe/Rome'`,
    );
  if (q.to)
    query = query.where(
      'audit_log.occurred_at',
      '<',
      sql<Date>`(${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome'`,
    );
  if (q.before) query = query.where('audit_log.seq', '<', q.before);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      occurredAt: new Date(r.occurred_at).toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.display_name,
      organisationId: r.organisation_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      purpose: r.purpose,
      outcome: r.outcome,
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
