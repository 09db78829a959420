import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { catchUpStatistics } from '../src/server/observatory/catch-up.ts';
import { PATH_MEASURES } from '../src/server/observatory/queries.ts';
import { makeOrg, makeUser, signIn, testConfig } from '../src/server/testing/harness.ts';
import { lastEndedQuarter, periodParam } from '../src/shared/observatory/periods.ts';
import { todayInItaly } from '../src/server/db/dates.ts';
import { ROOT } from './child.ts';
import { PROFILE, QUICK } from './harness/profile.ts';
import { prepareReferrals, type ReferralsSetup } from './referrals/generate-referrals.ts';
import { runContext } from './run-context.ts';

/**
 * The observatory benchmark (issue 7) on the referrals benchmark's data (BENCH_CASES cases over ten
 * years, BENCH_REFERRALS referrals, real PostgreSQL):
 * - the first catch-up (building the store from nothing),
 * - each dashboard's API answer (in-process inject: routing, schemas, session check, RLS, the
 *   queries, suppression, audit row) as a control-room member, sequential requests, p50/p95,
 * - beside a bare-SQL floor: the funnel table's one GROUP BY over the store as percorsi_app with the
 *   same actor settings (so the same RLS), a prepared statement on one pg connection,
 * - and the same table from the source tables (cases, as the owner), what the store saves,
 * - the catch-up after 1,000 new path events (1,000 cases closed in one statement).
 * Figures, not assertions. The database is dropped at the end.
 */
const { say, message, errors, environment } = runContext('bench:observatory');
const rounds = Number(process.env.BENCH_OBSERVATORY_REQUESTS ?? (QUICK ? 40 : 200));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};
const ms = (x: number) => Math.round(x * 10) / 10;
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

const results: Record<string, unknown> = { at: new Date().toISOString(), quick: QUICK, rounds };
let setup: ReferralsSetup | null = null;
try {
  say(`generating ${PROFILE.cases} cases and ${PROFILE.referrals} referrals…`);
  setup = await prepareReferrals(PROFILE.cases, PROFILE.referrals, say);
  environment.postgres = setup.bench.serverVersion;
  const db = setup.bench.db;
  const owner = db.owner;

  // the generator loads with triggers off (bulk load): note every case, as migration 100 does for existing data
  await sql`INSERT INTO stats_changes (case_id) SELECT id FROM cases`.execute(owner);
  const [first, firstMs] = await timed(() => catchUpStatistics(owner));
  const sizes = await sql<{ paths: number; refs: number }>`
    SELECT (SELECT count(*) FROM stats_paths)::int AS paths, (SELECT count(*) FROM stats_referrals)::int AS refs`.execute(
    owner,
  );
  results.firstCatchUp = { cases: first?.cases, ms: ms(firstMs), ...sizes.rows[0] };
  say(`first catch-up: ${first?.cases} cases in ${ms(firstMs)} ms (${JSON.stringify(sizes.rows[0])})`);
  await sql`ANALYZE stats_paths`.execute(owner);
  await sql`ANALYZE stats_referrals`.execute(owner);

  const config = testConfig({ masterKey: setup.masterKey, logLevel: 'warn' });
  const app = await buildApp({ db, config });
  await app.ready();
  const metro = await makeOrg(db, { type: 'metro_city' });
  const user = await makeUser(db, config, { organisationId: metro, roles: ['control_room_member'] });
  const s = await signIn(app, db, user);
  const period = periodParam(lastEndedQuarter(todayInItaly()));
  const dashboards: Record<string, unknown> = {};
  for (const d of ['funnel', 'referrals', 'work', 'profile', 'network']) {
    for (const by of d === 'network' ? ['network'] : ['network', 'centre', 'cpi']) {
      const url = `/api/v1/observatory/dashboards/${d}?period=${period}&by=${by}`;
      const times: number[] = [];
      for (let i = 0; i < rounds + 3; i++) {
        const [res, t] = await timed(() => app.inject({ method: 'GET', url, headers: s.headers }));
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        if (i >= 3) times.push(t);
      }
      dashboards[`${d}?by=${by}`] = { p50: ms(pct(times, 50)), p95: ms(pct(times, 95)) };
      say(`${d} by ${by}: p50 ${ms(pct(times, 50))} ms, p95 ${ms(pct(times, 95))} ms`);
    }
  }
  results.dashboards = dashboards;

  // the floor: the funnel table's statement, prepared, as percorsi_app with the same actor settings
  const measures = [
    'contacts',
    'first_interviews',
    'taken_in_charge',
    'eligible',
    'needs_analyses',
    'plans_agreed',
    'concluded',
    'abandoned',
  ] as const;
  const cols = measures.map((m) => `count(*) FILTER (WHERE ${PATH_MEASURES[m]})::int AS ${m}`).join(', ');
  const floorSql = `WITH p AS (SELECT $1::date AS f, $2::date AS t, $3::date AS today)
    SELECT s.network_id AS unit, ${cols} FROM stats_paths s CROSS JOIN p GROUP BY 1`;
  const client = new pg.Client({ connectionString: setup.bench.appUrl });
  await client.connect();
  const q = lastEndedQuarter(todayInItaly());
  const floorTimes: number[] = [];
  for (let i = 0; i < rounds + 3; i++) {
    const t0 = performance.now();
    await client.query('BEGIN');
    await client.query({
      name: 'actor',
      text: "SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true), set_config('app.roles', 'control_room_member', true)",
      values: [user.id, metro],
    });
    await client.query({ name: 'funnel', text: floorSql, values: [q.from, q.to, todayInItaly()] });
    await client.query('COMMIT');
    if (i >= 3) floorTimes.push(performance.now() - t0);
  }
  await client.end();
  results.floor = { p50: ms(pct(floorTimes, 50)), p95: ms(pct(floorTimes, 95)) };
  say(
    `floor (funnel GROUP BY over the store, as percorsi_app): p50 ${ms(pct(floorTimes, 50))} ms, p95 ${ms(pct(floorTimes, 95))} ms`,
  );

  const sourceTimes: number[] = [];
  for (let i = 0; i < Math.min(rounds, 20); i++) {
    const [, t] = await timed(() =>
      sql`SELECT c.network_id,
        count(*) FILTER (WHERE coalesce(c.first_contact_on, c.intake_on, c.taken_in_charge_on) BETWEEN ${q.from}::date AND ${q.to}::date),
        count(*) FILTER (WHERE c.taken_in_charge_on BETWEEN ${q.from}::date AND ${q.to}::date),
        count(*) FILTER (WHERE (SELECT min(n.assessed_on) FROM needs_assessments n WHERE n.case_id = c.id) BETWEEN ${q.from}::date AND ${q.to}::date),
        count(*) FILTER (WHERE (SELECT min(v.agreed_on) FROM plan_versions v WHERE v.case_id = c.id) BETWEEN ${q.from}::date AND ${q.to}::date),
        count(*) FILTER (WHERE c.closed_on BETWEEN ${q.from}::date AND ${q.to}::date)
        FROM cases c GROUP BY 1`.execute(owner),
    );
    sourceTimes.push(t);
  }
  results.fromSourceTables = { p50: ms(pct(sourceTimes, 50)), p95: ms(pct(sourceTimes, 95)) };
  say(`the same table from the source tables (owner, no RLS): p50 ${ms(pct(sourceTimes, 50))} ms`);

  // 1,000 new path events: 1,000 open cases closed in one statement, then one catch-up
  await sql`UPDATE cases SET status = 'closed', closed_on = greatest(taken_in_charge_on, current_date - 1), closure_outcome = 'goals_reached'
    WHERE id IN (SELECT id FROM cases WHERE status = 'open' ORDER BY id LIMIT 1000)`.execute(owner);
  const [after, afterMs] = await timed(() => catchUpStatistics(owner));
  results.catchUp1000 = { cases: after?.cases, ms: ms(afterMs) };
  say(`catch-up after 1,000 new path events: ${after?.cases} cases in ${ms(afterMs)} ms`);
  // 1,000 events in 1,000 transactions (as requests write them)
  const open = await sql<{ id: string }>`SELECT id FROM cases WHERE status = 'open' ORDER BY id LIMIT 1000`.execute(
    owner,
  );
  for (const r of open.rows) await sql`UPDATE cases SET education = 'tertiary' WHERE id = ${r.id}`.execute(owner);
  const [after2, after2Ms] = await timed(() => catchUpStatistics(owner));
  results.catchUp1000tx = { cases: after2?.cases, ms: ms(after2Ms) };
  say(`catch-up after 1,000 events in 1,000 transactions: ${after2?.cases} cases in ${ms(after2Ms)} ms`);
  await app.close();
} catch (error) {
  errors.push(message(error));
} finally {
  if (setup) await setup.bench.drop().catch((error: unknown) => errors.push(`drop: ${message(error)}`));
}
results.errors = errors;
results.environment = environment;
results.scale = { cases: PROFILE.cases, referrals: PROFILE.referrals };
await writeFile(path.join(ROOT, 'bench', 'results', 'observatory-latest.json'), JSON.stringify(results, null, 2));
say(JSON.stringify(results));
if (errors.length) process.exitCode = 1;
process.exit();
