/**
 * The insider_alerts job (issue 12): reads the audit trail of the last two hours and tells each
 * organisation's DPO (a notification `insider_alert`, a row in insider_alerts with the audit rows
 * behind it) when a user's identity reads and exports in an hour pass the ceiling or her usual
 * pattern, when someone reads (or tries to read) the identity of a case not on her team, or signs
 * in at an hour unusual for her organisation. Thresholds: thresholds.ts (pure). On the owner
 * connection under a transaction-scoped advisory lock, like the training coverage check; one
 * alert per user, kind and hour (a rerun adds nothing).
 */
import { type Kysely, sql } from 'kysely';
import type { InsiderAlertKind } from '../../shared/codes/insider.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { notifyFromSystem } from '../notifications/notify.ts';
import { unusualHour, volumeAlert } from './thresholds.ts';

const LOCK = 7_120_121;
/** identity reads and exports (lists, her access report) */
export const VOLUME_ACTIONS = ['case.identity_read', 'list.export', 'case.access_report'];
/** a complete sign-in (the second factor passed) */
export const SIGN_IN_ACTIONS = ['auth.totp', 'auth.recovery_code'];
const PATTERN_DAYS = 14;
const HOURS_DAYS = 28;

interface Found {
  organisation_id: string;
  user_id: string;
  hour: Date;
  seqs: string[];
}

export async function detectInsiderAlerts(db: Database, now = new Date()): Promise<{ alerts: number } | null> {
  return db.owner.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`.execute(tx);
    if (!lock.rows[0]?.ok) return null;
    const from = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000);
    let alerts = 0;
    const raise = async (kind: InsiderAlertKind, f: Found) => {
      const row = await sql<{ id: string }>`
        INSERT INTO insider_alerts (organisation_id, user_id, kind, hour_start, count, audit_seqs)
        VALUES (${f.organisation_id}, ${f.user_id}, ${kind}, ${f.hour}, ${f.seqs.length}, ${f.seqs}::bigint[])
        ON CONFLICT (user_id, kind, hour_start) DO NOTHING RETURNING id`.execute(tx);
      const id = row.rows[0]?.id;
      if (!id) return;
      alerts++;
      await notifyFromSystem(tx, { organisationId: f.organisation_id, roles: ['dpo'], kind: 'insider_alert' });
      await recordAudit(tx, null, {
        action: 'insider.alert',
        subjectType: 'user',
        subjectId: f.user_id,
        details: { kind, count: f.seqs.length, alertId: id },
        actor: { userId: null as unknown as string, organisationId: f.organisation_id },
      });
    };

    // 1. volume: identity reads and exports per user and hour
    const volume = await sql<Found>`
      SELECT a.organisation_id, a.actor_user_id AS user_id, date_trunc('hour', a.occurred_at) AS hour,
        array_agg(a.seq ORDER BY a.seq)::text[] AS seqs
      FROM audit_log a
      WHERE a.occurred_at >= ${from} AND a.outcome = 'success' AND a.action = ANY(${VOLUME_ACTIONS}::text[])
        AND a.actor_user_id IS NOT NULL AND a.organisation_id IS NOT NULL
      GROUP BY 1, 2, 3`.execute(tx);
    for (const f of volume.rows) {
      const past = await pastHours(tx, f.user_id, new Date(f.hour));
      const reason = volumeAlert(f.seqs.length, past);
      if (reason) await raise(reason === 'ceiling' ? 'volume_ceiling' : 'volume_pattern', f);
    }

    // 2. her identity read, or tried, by someone not on the case's team (the DPO reads without one)
    const offTeam = await sql<Found>`
      SELECT a.organisation_id, a.actor_user_id AS user_id, date_trunc('hour', a.occurred_at) AS hour,
        array_agg(a.seq ORDER BY a.seq)::text[] AS seqs
      FROM audit_log a
      WHERE a.occurred_at >= ${from} AND a.action = 'case.identity_read' AND a.subject_type = 'case'
        AND a.actor_user_id IS NOT NULL AND a.organisation_id IS NOT NULL
        AND (a.outcome = 'denied' OR (a.outcome = 'success'
          AND NOT EXISTS (SELECT 1 FROM case_team t WHERE t.case_id::text = a.subject_id AND t.user_id = a.actor_user_id)
          AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = a.actor_user_id AND r.role = 'dpo')))
      GROUP BY 1, 2, 3`.execute(tx);
    for (const f of offTeam.rows) await raise('off_team', f);

    // 3. sign-ins at an hour the organisation almost never signs in (Italian time)
    const signIns = await sql<Found & { local_hour: number }>`
      SELECT a.organisation_id, a.actor_user_id AS user_id, date_trunc('hour', a.occurred_at) AS hour,
        extract(hour FROM a.occurred_at AT TIME ZONE 'Europe/Rome')::int AS local_hour,
        array_agg(a.seq ORDER BY a.seq)::text[] AS seqs
      FROM audit_log a
      WHERE a.occurred_at >= ${from} AND a.outcome = 'success' AND a.action = ANY(${SIGN_IN_ACTIONS}::text[])
        AND a.actor_user_id IS NOT NULL AND a.organisation_id IS NOT NULL
      GROUP BY 1, 2, 3, 4`.execute(tx);
    const histograms = new Map<string, number[]>();
    for (const f of signIns.rows) {
      let byHour = histograms.get(f.organisation_id);
      if (!byHour) {
        byHour = await signInHours(tx, f.organisation_id, from);
        histograms.set(f.organisation_id, byHour);
      }
      if (unusualHour(f.local_hour, byHour)) await raise('unusual_hour', f);
    }
    return { alerts };
  });
}

/** The user's hourly counts of identity reads and exports over the PATTERN_DAYS before `hour`. */
async function pastHours(tx: Kysely<DB>, userId: string, hour: Date): Promise<number[]> {
  const rows = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log
    WHERE actor_user_id = ${userId} AND outcome = 'success' AND action = ANY(${VOLUME_ACTIONS}::text[])
      AND occurred_at >= ${hour}::timestamptz - make_interval(days => ${PATTERN_DAYS}) AND occurred_at < ${hour}
    GROUP BY date_trunc('hour', occurred_at)`.execute(tx);
  return rows.rows.map((r) => r.n);
}

/** The organisation's sign-ins of the HOURS_DAYS before `until`, per hour of the day (Italian time). */
async function signInHours(tx: Kysely<DB>, organisationId: string, until: Date): Promise<number[]> {
  const rows = await sql<{ h: number; n: number }>`
    SELECT extract(hour FROM occurred_at AT TIME ZONE 'Europe/Rome')::int AS h, count(*)::int AS n FROM audit_log
    WHERE organisation_id = ${organisationId} AND outcome = 'success' AND action = ANY(${SIGN_IN_ACTIONS}::text[])
      AND occurred_at >= ${until}::timestamptz - make_interval(days => ${HOURS_DAYS}) AND occurred_at < ${until}
    GROUP BY 1`.execute(tx);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const r of rows.rows) byHour[r.h] = r.n;
  return byHour;
}
