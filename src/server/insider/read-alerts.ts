import { isoTimestamp } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import type { InsiderAlert } from './schemas.ts';

/** The organisation's latest insider alerts with the audit rows behind them (its DPO only; audited). */
export async function listInsiderAlerts(ctx: Ctx): Promise<InsiderAlert[]> {
  const me = ctx.authorise('insider.read');
  const alerts = await ctx.tx
    .selectFrom('insider_alerts as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.kind',
      'a.user_id',
      'u.display_name',
      'a.hour_start',
      'a.count',
      'a.created_at',
      'a.audit_seqs',
    ])
    .where('a.organisation_id', '=', me.organisationId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(100)
    .execute();
  const seqs = [...new Set(alerts.flatMap((a) => a.audit_seqs.map(String)))];
  const rows = seqs.length
    ? await ctx.tx
        .selectFrom('audit_log')
        .select(['seq', 'occurred_at', 'action', 'outcome', 'subject_type', 'subject_id', 'purpose'])
        .where('seq', 'in', seqs)
        .where('organisation_id', '=', me.organisationId)
        .execute()
    : [];
  const bySeq = new Map(rows.map((r) => [String(r.seq), r]));
  await ctx.audit({ action: 'insider.alerts_read', details: { results: alerts.length } });
  return alerts.map((a) => ({
    id: String(a.id),
    kind: a.kind as InsiderAlert['kind'],
    userId: a.user_id,
    userName: a.display_name ?? null,
    hourStart: isoTimestamp(a.hour_start),
    count: a.count,
    createdAt: isoTimestamp(a.created_at),
    rows: a.audit_seqs.flatMap((s) => {
      const r = bySeq.get(String(s));
      return r
        ? [
            {
              seq: String(r.seq),
              occurredAt: isoTimestamp(r.occurred_at),
              action: r.action,
              outcome: r.outcome,
              subjectType: r.subject_type,
              subjectId: r.subject_id,
              purpose: r.purpose,
            },
          ]
        : [];
    }),
  }));
}
