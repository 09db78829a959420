import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { castClosingSoonDays, LIST_QUERIES, listStatements } from './cases/capture.ts';
import { type Analysis, analyse, SUGGESTED_INDEX } from './cases/explain.ts';
import { type CasesSetup, DEFAULT_CASES, prepareCases } from './cases/generate.ts';
import { benchServer, CASES_LOAD, type EndpointRun, endpointsOf, REQUEST_TIMEOUT_SECONDS, type ServerRuns, SESSIONS, USERS_LOAD } from './cases/load.ts';
import { type CasesResults, printCasesReport, writeCasesResults } from './cases/report.ts';
import { IP_BATCH } from './load.ts';
import { sql } from 'kysely';
import { ADMIN_URL } from './pg-setup.ts';
import { busyness } from './proc.ts';

/**
 * The caseload benchmark (issue 3): ten years of Lombardy-scale data on real PostgreSQL, the
 * caseload list with filters and the case page under 100 concurrent users, beside the bare-SQL
 * floor in the same run; then where the time goes. Figures, not assertions. Everything listens
 * on 127.0.0.1 and stops by time; the database is dropped at the end.
 * Scale: BENCH_CASES (default 100000).
 */
const started = performance.now();
const say = (text: string) => console.log(`[bench:cases ${((performance.now() - started) / 1000).toFixed(1)} s] ${text}`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const requestedCases = Number(process.env.BENCH_CASES ?? DEFAULT_CASES);
const machineAtStart = busyness();
const errors: string[] = [];
const environment: CasesResults['environment'] = {
  node: process.version,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  postgresUrl: ADMIN_URL.replace(/\/\/[^@]*@/, '//…@'),
};

let setup: CasesSetup | null = null;
let app: ServerRuns | null = null;
let bare: ServerRuns | null = null;
let analysis: Analysis | null = null;
let suggested: ServerRuns | null = null;
const SUGGESTED_CHANGES = [
  SUGGESTED_INDEX,
  'ALTER DATABASE … SET jit = off (the app would use ALTER ROLE percorsi_app SET jit = off)',
  'on_my_team as a scalar subquery instead of EXISTS (list and case row)',
  'case page: the audit row last, just before commit (it holds the audit chain head lock until commit)',
];
try {
  say(`creating a fresh database (migrate, network), generating ${requestedCases} cases…`);
  setup = await prepareCases(requestedCases, say);
  environment.postgres = setup.bench.serverVersion;
  environment.database = `${setup.bench.name} (dropped at the end)`;
  const endpoints = endpointsOf(setup);
  try {
    app = await benchServer('app', setup, endpoints, { say, users: true });
    bare = await benchServer('bare', setup, endpoints, { cookies: app.cookies, say });
    say('PostgreSQL statement by statement (EXPLAIN ANALYZE, serial timings, what-if)…');
    analysis = await analyse(setup, app.cookies[0] ?? '');
    say('what if: the floor again, with the suggested changes…');
    await sql.raw(SUGGESTED_INDEX).execute(setup.bench.db.owner);
    await sql.raw('ANALYZE follow_ups').execute(setup.bench.db.owner);
    await sql.raw(`ALTER DATABASE ${setup.bench.name} SET jit = off`).execute(setup.bench.db.owner);
    const whatIfEndpoints = endpoints.filter((e) => e.name !== 'list_closing_soon');
    suggested = await benchServer('bare', setup, whatIfEndpoints, { cookies: app.cookies, env: { BENCH_CASES_FLOOR: 'suggested' }, users: true, say });
  } catch (error) {
    errors.push(message(error));
  }
} catch (error) {
  errors.push(message(error));
} finally {
  if (setup) await setup.bench.drop().catch((error: unknown) => errors.push(`drop: ${message(error)}`));
}

// Whether the floor had to add the cast to the app's closing_soon SQL (see capture.ts).
const closingSoonSql = (await listStatements(LIST_QUERIES.closingSoon.query)).list.sql;
const closingSoonCast = castClosingSoonDays(closingSoonSql) !== closingSoonSql;
const strip = (run: EndpointRun | undefined) => {
  if (!run) return null;
  const { sample: _sample, ...rest } = run;
  return rest;
};
const endpoints: CasesResults['endpoints'] = setup
  ? endpointsOf(setup).map((e) => {
      const a = app?.runs.find((r) => r.name === e.name);
      const b = bare?.runs.find((r) => r.name === e.name);
      const failures = [
        ...(app?.failures ?? []).filter((x) => x.name === e.name).map((x) => `app answered ${x.status}: ${x.body}`),
        ...(bare?.failures ?? []).filter((x) => x.name === e.name).map((x) => `floor answered ${x.status}: ${x.body}`),
      ];
      const notes =
        e.name === 'list_closing_soon' && closingSoonCast
          ? [`the app's SQL fails on PostgreSQL ("operator is not unique: date + unknown" on \`$8::date + $9\`); the floor and the statement analysis send it with \`$9::int\`: what the list costs once fixed`]
          : [];
      return {
        name: e.name,
        label: e.label,
        app: strip(a),
        bare: strip(b),
        ratio: a && b && b.load.rps > 0 ? a.load.rps / b.load.rps : null,
        bodiesIdentical: a && b ? isDeepStrictEqual(a.sample, b.sample) : null,
        failures,
        notes,
      };
    })
  : [];

const goals: CasesResults['goals'] = [];
for (const e of endpoints) {
  if (e.app) goals.push({ name: `${e.name}: app p99 (${CASES_LOAD.connections} connections)`, value: `${e.app.load.p99.toFixed(0)} ms (p50 ${e.app.load.p50.toFixed(0)} ms)`, goal: '< 50 ms', met: e.app.load.p99 < 50 });
  if (e.bare) goals.push({ name: `${e.name}: floor p99 (same load)`, value: `${e.bare.load.p99.toFixed(0)} ms (p50 ${e.bare.load.p50.toFixed(0)} ms)`, goal: '< 50 ms', met: e.bare.load.p99 < 50 });
}
for (const [name, x] of Object.entries(app?.users?.byEndpoint ?? {})) {
  goals.push({ name: `${name}: app p99, ${USERS_LOAD.users} users thinking ${USERS_LOAD.thinkMs / 1000} s`, value: `${x.p99.toFixed(0)} ms (p50 ${x.p50.toFixed(0)} ms, ${x.count} requests)`, goal: '< 50 ms', met: x.p99 < 50 });
}
for (const [name, x] of Object.entries(suggested?.users?.byEndpoint ?? {})) {
  goals.push({ name: `(what if) ${name}: floor + changes p99, ${USERS_LOAD.users} users thinking`, value: `${x.p99.toFixed(0)} ms (p50 ${x.p50.toFixed(0)} ms, ${x.count} requests)`, goal: '< 50 ms', met: x.p99 < 50 });
}
for (const x of suggested?.runs ?? []) {
  goals.push({ name: `(what if) ${x.name}: floor + suggested changes p99`, value: `${x.load.p99.toFixed(0)} ms (p50 ${x.load.p50.toFixed(0)} ms, ${x.load.rps.toFixed(0)} req/s)`, goal: '< 50 ms', met: x.load.p99 < 50 });
}
const runs = endpoints.flatMap((e) => [e.app, e.bare]).filter((r) => r !== null);
for (const e of endpoints) {
  if (e.failures.length) goals.push({ name: `${e.name}: answers 200`, value: e.failures.join('; ').slice(0, 120), goal: '200', met: false });
}
if (runs.length) {
  const clean = runs.every((r) => r.load.non2xx + r.load.errors + r.load.timeouts === 0);
  goals.push({ name: 'all runs: only 2xx, no errors', value: clean ? 'yes' : 'no', goal: 'yes', met: clean });
}

const results: CasesResults = {
  at: new Date().toISOString(),
  environment,
  machine: { start: machineAtStart, end: busyness() },
  scale: { requestedCases },
  generated: setup?.generated ?? null,
  centre: setup ? { ...setup.centre, centres: setup.centres } : null,
  load: { ...CASES_LOAD, sessions: SESSIONS },
  endpoints,
  users: app?.users ?? null,
  whatIfFloor: suggested
    ? {
        changes: SUGGESTED_CHANGES,
        users: suggested.users,
        runs: suggested.runs.map((r) => {
          const { sample, ...rest } = r;
          const appSample = app?.runs.find((x) => x.name === r.name)?.sample;
          return { ...rest, bodiesIdenticalToApp: appSample === undefined ? null : isDeepStrictEqual(sample, appSample) };
        }),
      }
    : null,
  goals,
  analysis,
  method: [
    `Data: a fresh database percorsi_bench_cases_<random> on the real server, migrated as the owner and seeded with the real network; its cav and shelter operators are the centres (cases spread Zipf-like, s = 0.6, Milan's first). ${requestedCases} cases over the ten years up to yesterday (more in recent years), open for 14 days plus an exponential time (mean 450 days), 83% of those past it closed; profile columns within the CHECK constraints with ISTAT-like weights; 3–4 goals and 2–4 actions per goal (about 10.5 actions per case) with start and due dates and statuses; the centre's two bench operators on the team (lead on every case, colleague on 30%); sealed-looking identity blobs (240–320 random bytes, base64url) for 85%; consents, plans and their versions (JSON snapshots), outcomes (35% hired) with 3/6/12-month follow-ups, timeline events. Written by a handful of INSERT … SELECT … generate_series statements as the owner in one transaction (session_replication_role = replica for the load only: no FK trigger checks, the data is built consistent), then VACUUM (ANALYZE).`,
    `Servers: the real app (bench/servers/app-server.ts: buildApp, logger level 'warn', pg pool of 10 as percorsi_app) and the floor (bench/cases/bare-server.ts: node:http + pg.Pool(10) as percorsi_app), each in its own Node process. The floor sends per request the same statements as the app: begin; SET LOCAL ROLE; auth_find_session; set_config×3; session row; roles; set_config×3; update last_seen_at (bench/servers/bare-sql.ts); then the list SQL and the audit insert, or loadCase, audit insert, describeCase's row, team and case_has_identity — SQL text compiled by the app's own query builders (listCases, loadCase, recordAudit, describeCase) on a recording Kysely driver (bench/cases/capture.ts); commit; JSON.stringify.`,
    `Load: a centre operator of the biggest centre signs in over HTTP (password + TOTP); ${SESSIONS - 1} more full sessions of hers are inserted in the database (as bench/diagnose.ts does), one per simulated user, and requests use them in turn (every request updates its session row and holds that row lock to commit: one shared session would serialise the load); autocannon in this process, ${CASES_LOAD.connections} connections, closed loop (no think time), ${CASES_LOAD.warmupSeconds} s warm-up with ${CASES_LOAD.warmupConnections} connections discarded, then ${CASES_LOAD.seconds} s per endpoint and server; each endpoint on a fresh server process, killed (not stopped gracefully) after its measured run, so that no run inherits the previous one's backlog of queued requests. Requests time out after ${REQUEST_TIMEOUT_SECONDS} s (not ../load.ts's 10 s, so that slow answers count in the percentiles instead of as timeouts). The case page rotates over up to 2000 random case ids of the centre. req/s counts 2xx only. Node CPU ms/req: utime+stime of the server process over the measured run / 2xx; PG CPU ms/req: the same for the PostgreSQL backends connected as percorsi_app (/proc/<pid>/stat). Backends: pg_stat_activity of the busy percorsi_app backends sampled every 50 ms during the measured run (wait event and state), and the tables of the tuple locks in pg_locks (the row a queue of transactions waits for).`,
    `Rate limit: the app limits each client address to 600 requests/minute, so the servers trust X-Forwarded-For (PERCORSI_TRUST_PROXY=1) and the client address changes every ${IP_BATCH} requests.`,
    `With ${CASES_LOAD.connections} closed-loop connections, Little's law ties the figures: mean latency ≈ ${CASES_LOAD.connections} / (req/s). A p99 under 50 ms at 100 connections therefore needs well over 2000 req/s; on this machine the latency under that load is queueing for the 10 pool connections and the 2 cores, not the service time of one request (see the statement-by-statement section).`,
    `Users: after its closed-loop runs, the app alone under ${USERS_LOAD.users} simulated users (bench/cases/users.ts, node:http keep-alive): each thinks for an exponential time (mean ${USERS_LOAD.thinkMs / 1000} s), then sends one request — the open-cases list 30, closing soon 10 (when it answers 200), a case page 60 by weight — and waits for the answer; ${USERS_LOAD.seconds} s, every request sent in that time waited for and counted.`,
    `What if: after the analysis, on the same throwaway database, ${SUGGESTED_INDEX}, ALTER DATABASE … SET jit = off, and the floor started again with BENCH_CASES_FLOOR=suggested (on_my_team as a scalar subquery; the case page's audit row last); the open-cases list and the case page under the same 100-connection load, then the same 100 users with a think time. What the app could reach with these changes, less its own overhead (compare the app and floor CPU ms/req above).`,
    `Statements: run alone after the loads, as percorsi_app inside BEGIN; SET LOCAL ROLE; set_config(user, organisation, 'centre_operator'); … ROLLBACK, with the captured SQL and parameters (pg extended protocol, as the app): median of up to 15 serial runs (fewer for slow statements: at least 3, about 1.5 s each), EXPLAIN (ANALYZE, BUFFERS) once. What-if: the same with SET LOCAL jit = off, then with ${SUGGESTED_INDEX} (created on the throwaway database, dropped after), then also with the list's on_my_team EXISTS written as a scalar subquery.`,
  ],
  errors,
  seconds: (performance.now() - started) / 1000,
};
printCasesReport(results);
const file = await writeCasesResults(results);
console.log(`written ${path.relative(process.cwd(), file)}`);
