import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { catchUpStatistics } from '../src/server/observatory/catch-up.ts';
import { PATH_MEASURES } from '../src/server/observatory/queries.ts';
import { makeOrg, makeUser, signIn, testConfig } from '../src/server/testing/harness.ts';
import { lastEndedQuarter, periodParam } from '../src/shared/observatory/periods.ts';
import { todayInItaly } from '../src/server/db/dates.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPostgres } from '../src/server/db/database.ts';
import { ROOT } from './child.ts';
import { ADMIN_URL, type BenchDb } from './pg-setup.ts';
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
const observatoryRounds = Math.max(1, Number(process.env.BENCH_OBSERVATORY_ROUNDS ?? (QUICK ? 1 : 3)));

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

/** A database kept by an earlier run (BENCH_KEEP_DB=1): opened, never dropped here. */
async function openKeptDb(name: string): Promise<BenchDb> {
  if (!/^percorsi_bench_[a-z0-9_]+$/.test(name)) throw new Error(`not a bench database: ${name}`);
  const ownerUrl = new URL(ADMIN_URL);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = 'percorsi_app';
  appUrl.password = '';
  const db = openPostgres(ownerUrl.toString(), appUrl.toString(), 2);
  const v = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db.owner);
  const drop = async () => {
    await db.close();
  };
  return {
    name,
    ownerUrl: ownerUrl.toString(),
    appUrl: appUrl.toString(),
    db,
    serverVersion: v.rows[0]?.v ?? '?',
    drop,
  };
}

const results: Record<string, unknown> = { at: new Date().toISOString(), quick: QUICK, rounds };
// installed before any connection: the app's pool wraps each client's query when it connects (prepared.ts)
const captured: { text: string; values?: unknown[] }[] = [];
let capturing = false;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (capturing) {
    const a0 = args[0] as string | { text: string; values?: unknown[] };
    captured.push(typeof a0 === 'string' ? { text: a0, values: args[1] as unknown[] } : { ...a0 });
  }
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
let setup: Pick<ReferralsSetup, 'bench' | 'masterKey'> | null = null;
// BENCH_OBSERVATORY_DB: measure again on a database kept by an earlier run (BENCH_KEEP_DB=1),
// migrated to this commit, without generating the data again; its store is rebuilt from nothing
// (the first catch-up, measured) when BENCH_OBSERVATORY_REBUILD=1. The database is kept.
const reuse = process.env.BENCH_OBSERVATORY_DB;
try {
  if (reuse) {
    say(`reusing database ${reuse} (migrated to this commit)`);
    setup = { bench: await openKeptDb(reuse), masterKey: randomBytes(32) };
    await migrate(setup.bench.db.owner);
  } else {
    say(`generating ${PROFILE.cases} cases and ${PROFILE.referrals} referrals…`);
    setup = await prepareReferrals(PROFILE.cases, PROFILE.referrals, say);
  }
  environment.postgres = setup.bench.serverVersion;
  const db = setup.bench.db;
  const owner = db.owner;

  if (!reuse || process.env.BENCH_OBSERVATORY_REBUILD === '1') {
    // the generator loads with triggers off (bulk load): note every case, as migration 100 does for existing data
    await sql`TRUNCATE stats_paths, stats_referrals`.execute(owner);
    await sql`INSERT INTO stats_changes (case_id) SELECT id FROM cases`.execute(owner);
    const [first, firstMs] = await timed(() => catchUpStatistics(owner));
    const sizes = await sql<{ paths: number; refs: number }>`
      SELECT (SELECT count(*) FROM stats_paths)::int AS paths, (SELECT count(*) FROM stats_referrals)::int AS refs`.execute(
      owner,
    );
    results.firstCatchUp = { cases: first?.cases, ms: ms(firstMs), ...sizes.rows[0] };
    say(`first catch-up: ${first?.cases} cases in ${ms(firstMs)} ms (${JSON.stringify(sizes.rows[0])})`);
  }
  // as autovacuum leaves a table that has settled: statistics and visibility map
  await sql`VACUUM ANALYZE stats_paths`.execute(owner);
  await sql`VACUUM ANALYZE stats_referrals`.execute(owner);

  const config = testConfig({ masterKey: setup.masterKey, logLevel: 'warn' });
  const app = await buildApp({ db, config });
  await app.ready();
  const metro = await makeOrg(db, { type: 'metro_city' });
  const user = await makeUser(db, config, { organisationId: metro, roles: ['control_room_member'] });
  const s = await signIn(app, db, user);
  const period = periodParam(lastEndedQuarter(todayInItaly()));
  results.loadAverage = { start: loadavg().map((x) => Math.round(x * 100) / 100) };

  // Each dashboard's answer, `observatoryRounds` rounds of `rounds` sequential requests (after 3
  // discarded); per round p50/p95/p99; reported: the median over the rounds and the lowest–highest.
  // Beside it, the SQL floor: the statements the app sent for that answer (captured from its pg
  // client), replayed as prepared statements on one connection as percorsi_app (same RLS, same
  // session check and audit row), BEGIN to COMMIT: what the answer costs without the Node side.
  const replayer = new pg.Client({ connectionString: setup.bench.appUrl });
  await replayer.connect();
  const dashboards: Record<string, unknown> = {};
  const summary = (per: number[][]) => {
    const of = (p: number) => per.map((times) => pct(times, p));
    const med = (xs: number[]) => pct(xs, 50);
    return {
      p50: ms(med(of(50))),
      p95: ms(med(of(95))),
      p99: ms(med(of(99))),
      p95Range: [ms(Math.min(...of(95))), ms(Math.max(...of(95)))],
    };
  };
  for (const d of ['funnel', 'referrals', 'work', 'profile', 'network']) {
    for (const by of d === 'network' ? ['network'] : ['network', 'centre', 'cpi']) {
      const url = `/api/v1/observatory/dashboards/${d}?period=${period}&by=${by}`;
      const get = () => app.inject({ method: 'GET', url, headers: s.headers });
      captured.length = 0;
      capturing = true;
      const first = await get();
      capturing = false;
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode}`);
      const statements = captured.splice(0).map((c, i) => ({ ...c, name: `${d}-${by}-${i}` }));
      const appRounds: number[][] = [];
      const floorRounds: number[][] = [];
      for (let round = 0; round < observatoryRounds; round++) {
        const times: number[] = [];
        for (let i = 0; i < rounds + 3; i++) {
          const [res, t] = await timed(get);
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
          if (i >= 3) times.push(t);
        }
        appRounds.push(times);
        const floor: number[] = [];
        for (let i = 0; i < rounds + 3; i++) {
          const t0 = performance.now();
          for (const st of statements)
            await (st.values?.length
              ? replayer.query({ name: st.name, text: st.text, values: st.values })
              : replayer.query(st.text));
          if (i >= 3) floor.push(performance.now() - t0);
        }
        floorRounds.push(floor);
      }
      const answer = summary(appRounds);
      const floor = summary(floorRounds);
      dashboards[`${d}?by=${by}`] = { ...answer, statements: statements.length, sqlFloor: floor };
      say(
        `${d} by ${by}: p50 ${answer.p50} ms, p95 ${answer.p95} ms (rounds ${answer.p95Range.join('–')}), p99 ${answer.p99} ms; ` +
          `SQL floor (${statements.length} statements) p50 ${floor.p50}, p95 ${floor.p95} ms`,
      );
    }
  }
  pg.Client.prototype.query = clientQuery as typeof pg.Client.prototype.query;
  await replayer.end();
  results.dashboards = dashboards;

  // The quarterly report (issue 7: < 10 s): requested over the API, made in the background as the
  // member who asked, polled until done; from the request to "done".
  const reports: number[] = [];
  for (let i = 0; i < Number(process.env.BENCH_OBSERVATORY_REPORTS ?? 3); i++) {
    const t0 = performance.now();
    const req = await app.inject({
      method: 'POST',
      url: '/api/v1/observatory/reports',
      headers: s.headers,
      payload: { quarter: period.replace('quarter:', ''), lang: 'it' },
    });
    if (req.statusCode !== 202) throw new Error(`report: ${req.statusCode} ${req.body}`);
    const id = (req.json() as { id: string }).id;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const r = await app.inject({ method: 'GET', url: `/api/v1/observatory/reports/${id}`, headers: s.headers });
      const status = (r.json() as { status: string }).status;
      if (status === 'done') break;
      if (status === 'failed') throw new Error(`report failed: ${r.body}`);
      if (performance.now() - t0 > 120_000) throw new Error('report: no answer in 120 s');
    }
    reports.push(performance.now() - t0);
  }
  results.quarterlyReport = { ms: reports.map(ms), median: ms(pct(reports, 50)) };
  say(`quarterly report (request → done): ${reports.map(ms).join(', ')} ms, median ${ms(pct(reports, 50))} ms`);

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
  if (setup && (reuse || process.env.BENCH_KEEP_DB === '1')) {
    say(`kept database ${setup.bench.name} (BENCH_KEEP_DB=1): drop it yourself`);
    await setup.bench.db.close().catch(() => undefined);
  } else if (setup) await setup.bench.drop().catch((error: unknown) => errors.push(`drop: ${message(error)}`));
}
results.loadAverage = { ...(results.loadAverage as object), end: loadavg().map((x) => Math.round(x * 100) / 100) };
results.errors = errors;
results.environment = environment;
results.scale = { cases: PROFILE.cases, referrals: PROFILE.referrals };
await writeFile(path.join(ROOT, 'bench', 'results', 'observatory-latest.json'), JSON.stringify(results, null, 2));
say(JSON.stringify(results));
if (errors.length) process.exitCode = 1;
process.exit();
