/**
 * Feeds the statistics store. Every change to a case's path notes the case id in stats_changes in
 * the same transaction (statement triggers, migration 100). This job, on the owner connection,
 * takes the rows written by transactions at or after its high-water mark (the `horizon`: the
 * oldest transaction still running at its previous run, pg_snapshot_xmin), recomputes the facts of
 * those cases only, moves the mark and prunes the log behind it. A transaction that commits later
 * with a lower id is still at or after the mark, so it is found next time; recomputing a case twice
 * is harmless. A transaction-scoped advisory lock lets one node run it at a time (others skip).
 */
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

const LOCK = 7_100_100;

const WORK_ACTIONS = `('orientation_interview', 'cpi_registration', 'gol_pathway', 'job_search_support')`;
const HOUSING_ACTIONS = `('social_housing_application', 'rent_support')`;
const started = `status IN ('in_progress', 'done')`;
const rome = (col: string) => `(${col} AT TIME ZONE 'Europe/Rome')::date`;

/** The facts of the paths of the cases in stats_ch (a temporary table of case ids). */
const PATH_FACTS = sql.raw(`
INSERT INTO stats_paths SELECT
  s.path_key, c.network_id, c.organisation_id,
  (SELECT coalesce(o.parent_id, o.id) FROM referrals r JOIN organisations o ON o.id = r.recipient_organisation_id
    WHERE r.case_id = c.id AND o.type = 'employment_centre' ORDER BY r.sent_at LIMIT 1),
  (SELECT min(nm.network_id) FROM network_municipalities nm WHERE nm.istat_code = c.residence_code),
  CASE WHEN c.age_band IN ('under_18', '18_29') THEN 'up_to_29' ELSE coalesce(c.age_band, 'unknown') END,
  coalesce(c.citizenship, 'unknown'),
  CASE WHEN c.children_count IS NULL THEN 'unknown' WHEN c.children_count = 0 THEN 'none'
    WHEN c.children_count = 1 THEN 'one' WHEN c.children_count = 2 THEN 'two' ELSE 'three_plus' END,
  coalesce(c.employment, 'unknown'), coalesce(c.education, 'unknown'),
  c.violence_types, c.author_relationships,
  coalesce(c.first_contact_on, c.intake_on, c.taken_in_charge_on),
  coalesce(c.intake_on, c.taken_in_charge_on),
  c.taken_in_charge_on,
  CASE WHEN c.programme_code IS NOT NULL THEN c.taken_in_charge_on END,
  (SELECT min(n.assessed_on) FROM needs_assessments n WHERE n.case_id = c.id),
  (SELECT min(v.agreed_on) FROM plan_versions v WHERE v.case_id = c.id),
  CASE WHEN c.closure_outcome IS DISTINCT FROM 'dropped_out' THEN c.closed_on END,
  CASE WHEN c.closure_outcome = 'dropped_out' THEN c.closed_on END,
  least(
    (SELECT min(coalesce(a.starts_on, a.due_on)) FROM plan_actions a WHERE a.case_id = c.id
      AND a.catalogue_code IN ${WORK_ACTIONS} AND a.${started}),
    (SELECT min(r.appointment_on) FROM referrals r WHERE r.case_id = c.id AND r.purpose = 'work_orientation')),
  least(
    (SELECT min(coalesce(a.starts_on, a.due_on)) FROM plan_actions a WHERE a.case_id = c.id
      AND a.catalogue_code = 'course_enrolment' AND a.${started}),
    (SELECT min(r.appointment_on) FROM referrals r WHERE r.case_id = c.id AND r.purpose = 'training')),
  (SELECT min(o.occurred_on) FROM outcomes o WHERE o.case_id = c.id AND o.kind = 'course_completed'),
  (SELECT min(o.occurred_on) FROM outcomes o WHERE o.case_id = c.id AND o.kind = 'traineeship_started'),
  h.occurred_on, h.contract,
  (SELECT min(f.done_on) FROM follow_ups f WHERE f.case_id = c.id AND f.months = 3 AND f.still_working),
  (SELECT min(f.done_on) FROM follow_ups f WHERE f.case_id = c.id AND f.months = 6 AND f.still_working),
  (SELECT min(f.done_on) FROM follow_ups f WHERE f.case_id = c.id AND f.months = 12 AND f.still_working),
  least(
    (SELECT min(coalesce(a.starts_on, a.due_on)) FROM plan_actions a WHERE a.case_id = c.id
      AND a.catalogue_code IN ${HOUSING_ACTIONS} AND a.${started}),
    (SELECT min(${rome('r.answered_at')}) FROM referrals r WHERE r.case_id = c.id AND r.purpose = 'housing'
      AND r.status IN ('accepted', 'in_progress', 'completed'))),
  (SELECT min(o.occurred_on) FROM outcomes o WHERE o.case_id = c.id AND o.kind = 'housing_reached')
FROM stats_ch ch
JOIN cases c ON c.id = ch.case_id
JOIN stats_path_source s ON s.case_id = c.id
LEFT JOIN LATERAL (
  SELECT o.occurred_on, CASE WHEN o.details->>'contractType' IN ('permanent', 'fixed_term', 'apprenticeship', 'agency', 'self_employed')
    THEN o.details->>'contractType' ELSE 'other' END AS contract
  FROM outcomes o WHERE o.case_id = c.id AND o.kind = 'hired' ORDER BY o.occurred_on LIMIT 1) h ON true
-- in time order: the rows of a period sit together on disk (the dashboards read one period by index)
ORDER BY c.taken_in_charge_on`);

const REFERRAL_FACTS = sql.raw(`
INSERT INTO stats_referrals SELECT
  s.referral_key, r.network_id, r.organisation_id, r.recipient_organisation_id, o.type,
  CASE WHEN o.type = 'employment_centre' THEN coalesce(o.parent_id, o.id) END,
  r.purpose, r.status, r.sent_on,
  CASE WHEN r.answered_at IS NOT NULL THEN ${rome('r.answered_at')} END,
  CASE WHEN r.answered_at IS NOT NULL AND r.decline_reason IS NULL AND r.status <> 'declined' THEN ${rome('r.answered_at')} END,
  CASE WHEN r.status = 'declined' OR r.decline_reason IS NOT NULL THEN coalesce(${rome('r.answered_at')}, r.sent_on) END,
  r.decline_reason, r.appointment_on, r.ack_due_on, r.appointment_due_on, r.expires_on, r.completed_on,
  r.access_ended_at IS NOT NULL
FROM stats_ch ch
JOIN referrals r ON r.case_id = ch.case_id
JOIN organisations o ON o.id = r.recipient_organisation_id
JOIN stats_referral_source s ON s.referral_id = r.id
ORDER BY r.sent_on`);

export interface CatchUpResult {
  cases: number;
}

/** One catch-up run. null: another node holds the lock. */
export async function catchUpStatistics(owner: Kysely<DB>): Promise<CatchUpResult | null> {
  return owner.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`.execute(tx);
    if (!lock.rows[0]?.ok) return null;
    const state = await sql<{ horizon: string; next: string }>`
      SELECT horizon::text, pg_snapshot_xmin(pg_current_snapshot())::text AS next FROM stats_state FOR UPDATE`.execute(
      tx,
    );
    const horizon = state.rows[0]?.horizon ?? '0';
    const next = state.rows[0]?.next ?? horizon;
    await sql`CREATE TEMP TABLE stats_ch ON COMMIT DROP AS
      SELECT DISTINCT case_id FROM stats_changes WHERE tx >= ${horizon}::xid8`.execute(tx);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_ch`.execute(tx);
    const cases = n.rows[0]?.n ?? 0;
    if (cases > 0) {
      await sql`ANALYZE stats_ch`.execute(tx);
      await sql`INSERT INTO stats_path_source (case_id) SELECT ch.case_id FROM stats_ch ch
        WHERE EXISTS (SELECT 1 FROM cases c WHERE c.id = ch.case_id) ON CONFLICT (case_id) DO NOTHING`.execute(tx);
      await sql`INSERT INTO stats_referral_source (referral_id, case_id)
        SELECT r.id, r.case_id FROM referrals r JOIN stats_ch ch ON ch.case_id = r.case_id
        ON CONFLICT (referral_id) DO NOTHING`.execute(tx);
      await sql`DELETE FROM stats_paths p USING stats_path_source s, stats_ch ch
        WHERE p.path_key = s.path_key AND s.case_id = ch.case_id`.execute(tx);
      await sql`DELETE FROM stats_referrals f USING stats_referral_source s, stats_ch ch
        WHERE f.referral_key = s.referral_key AND s.case_id = ch.case_id`.execute(tx);
      await PATH_FACTS.execute(tx);
      await REFERRAL_FACTS.execute(tx);
    }
    await sql`DELETE FROM stats_changes WHERE tx < ${next}::xid8`.execute(tx);
    await sql`UPDATE stats_state SET horizon = ${next}::xid8, last_run_at = now(), last_cases = ${cases}`.execute(tx);
    return { cases };
  });
}

/** Runs until nothing is left behind (tests, demo seeding, benchmarks); waits for another node. */
export async function catchUpAll(owner: Kysely<DB>): Promise<number> {
  let total = 0;
  for (let i = 0; i < 50; i++) {
    const r = await catchUpStatistics(owner);
    if (r === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    total += r.cases;
    return total;
  }
  return total;
}

/** The server's job (main.ts): every `intervalMs` on each node; the advisory lock keeps it to one at a time. */
export function startStatisticsCatchUp(db: Database, log: FastifyBaseLogger, intervalMs: number) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await catchUpStatistics(db.owner);
      if (r && r.cases > 0) log.info({ cases: r.cases }, 'statistics catch-up');
    } catch (e) {
      log.error({ code: (e as { code?: string }).code ?? 'catch_up_failed' }, 'statistics catch-up failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
