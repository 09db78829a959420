/**
 * Counting in the statistics store, under the reader's row-level security (stats_paths and
 * stats_referrals show only the rows of her scope). Raw counts never leave this folder except
 * through the suppression module (dashboards.ts).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../http/request-context.ts';
import type { Breakdown, Period } from '../../shared/observatory/types.ts';

export type FactTable = 'stats_paths' | 'stats_referrals';

export interface CountQuery {
  table: FactTable;
  by: Breakdown;
  period: Period;
  network: string | null;
  today: string;
}

const UNIT: Record<Breakdown, string> = { network: 's.network_id', centre: 's.centre_id::text', cpi: 's.cpi_id::text' };
const inPeriod = (col: string) => `s.${col} BETWEEN p.f AND p.t`;

/** Measures as SQL conditions over one fact row `s` and the period `p` (f, t, today). Code only, never input. */
export const PATH_MEASURES = {
  contacts: inPeriod('contact_on'),
  first_interviews: inPeriod('first_interview_on'),
  taken_in_charge: inPeriod('taken_in_charge_on'),
  eligible: inPeriod('eligible_on'),
  needs_analyses: inPeriod('needs_on'),
  plans_agreed: inPeriod('plan_agreed_on'),
  concluded: inPeriod('concluded_on'),
  abandoned: inPeriod('abandoned_on'),
  orientation: inPeriod('orientation_on'),
  training_started: inPeriod('training_started_on'),
  training_completed: inPeriod('training_completed_on'),
  traineeships: inPeriod('traineeship_on'),
  hires: inPeriod('hired_on'),
  retained_3: inPeriod('retained_3_on'),
  retained_6: inPeriod('retained_6_on'),
  retained_12: inPeriod('retained_12_on'),
  housing_offered: inPeriod('housing_offered_on'),
  housing_reached: inPeriod('housing_reached_on'),
  hired_retained_3: `${inPeriod('hired_on')} AND s.retained_3_on IS NOT NULL`,
  hired_retained_6: `${inPeriod('hired_on')} AND s.retained_6_on IS NOT NULL`,
  hired_retained_12: `${inPeriod('hired_on')} AND s.retained_12_on IS NOT NULL`,
} as const;

export const REFERRAL_MEASURES = {
  sent: inPeriod('sent_on'),
  accepted: `${inPeriod('sent_on')} AND s.accepted_on IS NOT NULL`,
  declined: `${inPeriod('sent_on')} AND s.declined_on IS NOT NULL`,
  acknowledged: `${inPeriod('sent_on')} AND s.acknowledged_on IS NOT NULL`,
  ack_in_time: `${inPeriod('sent_on')} AND s.acknowledged_on <= s.ack_due_on`,
  appointments: `${inPeriod('sent_on')} AND s.first_appointment_on IS NOT NULL`,
  appointment_in_time: `${inPeriod('sent_on')} AND s.first_appointment_on <= s.appointment_due_on`,
  overdue_now: `${inPeriod('sent_on')} AND NOT s.access_ended AND (
    (s.status = 'sent' AND p.today > s.ack_due_on AND p.today <= s.expires_on)
    OR (s.status IN ('accepted', 'in_progress') AND s.first_appointment_on IS NULL AND p.today > s.appointment_due_on))`,
} as const;

export type Counts = Map<string, Record<string, number>>;

function params(q: CountQuery): RawBuilder<unknown> {
  return sql`WITH p AS (SELECT ${q.period.from}::date AS f, ${q.period.to}::date AS t, ${q.today}::date AS today)`;
}
const networkFilter = (q: CountQuery) => sql`(${q.network}::text IS NULL OR s.network_id = ${q.network}::text)`;

/**
 * Rows of the fact table that can count at all: referrals sent in the period (every referral
 * measure asks it); paths meeting at least one of the measures (each is an event date in the
 * period, read by that date's index, migration 180). A row meeting none adds 0 to every count.
 */
const candidates = (q: CountQuery, measures: Record<string, string>) =>
  sql.raw(
    q.table === 'stats_referrals'
      ? inPeriod('sent_on')
      : Object.keys(measures).length === 0
        ? 'true'
        : `(${Object.values(measures)
            .map((m) => `(${m})`)
            .join(' OR ')})`,
  );

/** For each unit of the breakdown: how many rows meet each measure. */
export async function countMeasures(ctx: Ctx, q: CountQuery, measures: Record<string, string>): Promise<Counts> {
  const names = Object.keys(measures);
  const cols = sql.raw(names.map((m) => `count(*) FILTER (WHERE ${measures[m]})::int AS "${m}"`).join(', '));
  const rows = await sql<Record<string, number | string | null>>`${params(q)}
    SELECT ${sql.raw(UNIT[q.by])} AS unit, ${cols}
    FROM ${sql.table(q.table)} s CROSS JOIN p WHERE ${networkFilter(q)} AND ${candidates(q, measures)} GROUP BY 1`.execute(
    ctx.tx,
  );
  const out: Counts = new Map();
  for (const r of rows.rows) {
    if (r.unit === null) continue;
    out.set(String(r.unit), Object.fromEntries(names.map((m) => [m, Number(r[m] ?? 0)])));
  }
  return out;
}

/** For each unit: how many rows meeting `where` fall in each value of a coded column (or array column). */
export async function countCategories(
  ctx: Ctx,
  q: CountQuery,
  where: string,
  column: string,
  multi = false,
): Promise<Counts> {
  const value = multi ? sql.raw(`unnest(s.${column})`) : sql.raw(`s.${column}`);
  const rows = await sql<{ unit: string | null; v: string | null; n: number }>`${params(q)}
    SELECT unit, v, count(*)::int AS n FROM (
      SELECT ${sql.raw(UNIT[q.by])} AS unit, ${value} AS v
      FROM ${sql.table(q.table)} s CROSS JOIN p WHERE ${networkFilter(q)} AND ${sql.raw(where)}) x
    GROUP BY 1, 2`.execute(ctx.tx);
  const out: Counts = new Map();
  for (const r of rows.rows) {
    if (r.unit === null || r.v === null) continue;
    const m = out.get(r.unit) ?? {};
    m[r.v] = (m[r.v] ?? 0) + r.n;
    out.set(r.unit, m);
  }
  return out;
}

/** Medians of calendar days per unit (and over all units: key ''), over the referrals sent in the period. */
export async function medianDays(ctx: Ctx, q: CountQuery, measures: Record<string, string>): Promise<Counts> {
  const names = Object.keys(measures);
  const cols = sql.raw(
    names.map((m) => `percentile_disc(0.5) WITHIN GROUP (ORDER BY ${measures[m]})::int AS "${m}"`).join(', '),
  );
  const unit = sql.raw(UNIT[q.by]);
  // the period as parameters, not the CTE p: with GROUPING SETS PostgreSQL keeps p as a subquery
  // and the period is no longer an index condition (bench:observatory: a scan of every referral)
  const rows = await sql<Record<string, number | string | null>>`
    SELECT ${unit} AS unit, grouping(${unit})::int AS g, ${cols}
    FROM ${sql.table(q.table)} s
    WHERE ${networkFilter(q)} AND s.sent_on BETWEEN ${q.period.from}::date AND ${q.period.to}::date
    GROUP BY GROUPING SETS ((${unit}), ())`.execute(ctx.tx);
  const out: Counts = new Map();
  for (const r of rows.rows) {
    if (Number(r.g) === 0 && r.unit === null) continue;
    const key = Number(r.g) === 1 ? '' : String(r.unit);
    out.set(key, Object.fromEntries(names.map((m) => [m, r[m] === null ? Number.NaN : Number(r[m])])));
  }
  return out;
}

/**
 * Unique women (linkage token) with a path event in the period, per unit and over all ('all'): one
 * call, one scan of the period's paths (stats_unique_women_sets, migration 180).
 */
export async function uniqueWomen(ctx: Ctx, q: CountQuery, event: 'contact' | 'taken_in_charge') {
  const rows = await sql<{ row_key: string | null; is_total: boolean; women: number }>`
    SELECT row_key, is_total, women::int AS women
    FROM stats_unique_women_sets(${event}, ${q.period.from}::date, ${q.period.to}::date, ${q.by}, ${q.network})`.execute(
    ctx.tx,
  );
  return {
    perUnit: new Map(
      rows.rows.filter((r) => !r.is_total && r.row_key !== null).map((r) => [r.row_key as string, r.women]),
    ),
    total: rows.rows.find((r) => r.is_total)?.women ?? 0,
  };
}
