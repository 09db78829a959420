import { sql } from 'kysely';
import { can } from '../../shared/can.ts';
import type { Actor, Tx } from '../db/context.ts';
import type { AuditEntry, AuditQuery } from './schemas.ts';

/** Subjects that are bodies and people of the network, not her path: their ids stay visible. */
const NETWORK_SUBJECTS = new Set(['organisation', 'user']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A platform administrator reads every organisation's trail (audit.read_all: who did what, when,
 * where) but not the handles of another organisation's cases, referrals, consents or plans: on
 * those rows the subject id and every id inside the details are withheld (null). The matrix test
 * found them in her answer.
 */
export function withholdForeignIds(entry: AuditEntry, me: Actor): AuditEntry {
  if (entry.organisationId === me.organisationId || NETWORK_SUBJECTS.has(entry.subjectType ?? '')) return entry;
  return { ...entry, subjectId: null, details: withoutIds(entry.details) as Record<string, unknown> };
}

function withoutIds(v: unknown): unknown {
  if (typeof v === 'string') return UUID.test(v) ? null : v;
  if (Array.isArray(v)) return v.map(withoutIds);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutIds(x)]));
  return v;
}

/** The most rows one export reads (newest first). */
export const AUDIT_EXPORT_MAX = 10_000;

/**
 * Searches the audit trail, newest first, in the operator's language: the case code (for rows
 * about a case or a referral of a case), the bodies and users by name. Row-level security decides
 * what is visible — a DPO their organisation's rows and cases, everyone their own actions — and a
 * name the reader may not see stays null. The app narrows non-DPOs to themselves.
 */
export async function searchAudit(tx: Tx, me: Actor, q: AuditQuery & { limit?: number }, max = 200) {
  const limit = Math.min(q.limit ?? 50, max);
  let query = tx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .leftJoin('organisations as body', 'body.id', 'audit_log.organisation_id')
    .leftJoin('referrals', (j) =>
      j.on(sql<boolean>`audit_log.subject_type = 'referral' AND referrals.id::text = audit_log.subject_id`),
    )
    .leftJoin('cases', (j) =>
      j.on(
        sql<boolean>`(audit_log.subject_type = 'case' AND cases.id::text = audit_log.subject_id) OR cases.id = referrals.case_id`,
      ),
    )
    .leftJoin('organisations as subject_org', (j) =>
      j.on(sql<boolean>`audit_log.subject_type = 'organisation' AND subject_org.id::text = audit_log.subject_id`),
    )
    .leftJoin('users as subject_user', (j) =>
      j.on(sql<boolean>`audit_log.subject_type = 'user' AND subject_user.id::text = audit_log.subject_id`),
    )
    .leftJoin('organisations as recipient', (j) =>
      j.on(sql<boolean>`recipient.id::text = audit_log.details->>'recipientOrganisationId'`),
    )
    .select([
      sql<string>`audit_log.seq::text`.as('seq'),
      'audit_log.occurred_at',
      'audit_log.actor_user_id',
      'users.display_name',
      'audit_log.organisation_id',
      'body.name as organisation_name',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'cases.code as case_code',
      sql<string | null>`coalesce(subject_org.name, subject_user.display_name)`.as('subject_name'),
      'recipient.name as recipient_name',
      'audit_log.purpose',
      'audit_log.outcome',
      'audit_log.details',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(limit + 1);
  if (!can(me, 'audit.read_organisation')) query = query.where('audit_log.actor_user_id', '=', me.userId);
  else if (!can(me, 'audit.read_all')) query = query.where('audit_log.organisation_id', '=', me.organisationId);
  if (q.actor) query = query.where('audit_log.actor_user_id', '=', q.actor);
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  // a case code the reader cannot see (another centre's) matches nothing
  if (q.caseCode) query = query.where('cases.code', '=', q.caseCode.trim().toUpperCase());
  if (q.subject) {
    query = query.where('audit_log.subject_id', '=', q.subject);
    // the same rule as withholdForeignIds: another organisation's path is not searchable by its id
    if (can(me, 'audit.read_all'))
      query = query.where((w) =>
        w.or([
          w('audit_log.organisation_id', '=', me.organisationId),
          w('audit_log.subject_type', 'in', [...NETWORK_SUBJECTS]),
        ]),
      );
  }
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
    items: page
      .map(
        (r): AuditEntry => ({
          seq: r.seq,
          occurredAt: new Date(r.occurred_at).toISOString(),
          actorUserId: r.actor_user_id,
          actorName: r.display_name,
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          caseCode: r.case_code,
          subjectName: r.subject_name,
          recipientName: r.recipient_name,
          purpose: r.purpose,
          outcome: r.outcome,
          details: (typeof r.details === 'string' ? JSON.parse(r.details) : (r.details ?? {})) as Record<
            string,
            unknown
          >,
        }),
      )
      .map((entry) => withholdForeignIds(entry, me)),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
