import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CASE_PAGE_CAPTURE_PATH, captureRequests, LIST_PATHS, type RequestCapture } from './cases/capture.ts';
import { type Analysis, analyse, WHAT_IF_INDEX } from './cases/explain.ts';
import { PROFILE, QUICK } from './harness/profile.ts';
import { type CasesSetup, prepareCases } from './cases/generate.ts';
import {
  benchSides,
  CASES_LOAD,
  type EndpointName,
  endpointsOf,
  REQUEST_TIMEOUT_SECONDS,
  type ServerRuns,
  SESSIONS,
  USERS_LOAD,
} from './cases/load.ts';
import { type CasesResults, loadGoals, printCasesReport, sideBySide, writeCasesResults } from './cases/report.ts';
import { IP_BATCH } from './load.ts';
import { busyness } from './proc.ts';
import { runContext } from './run-context.ts';

/**
 * The caseload benchmark (issue 3): ten years of Lombardy-scale data on real PostgreSQL, the
 * caseload list with filters and the case page under 100 concurrent users, beside the bare-SQL
 * floor in the same run; then where the time goes, and what the changes the app does not have
 * yet would give. Figures, not assertions. Everything listens on 127.0.0.1 and stops by time;
 * the database is dropped at the end. Scale: BENCH_CASES (default 100000).
 */
const { say, message, seconds, machineAtStart, errors, environment } = runContext('bench:cases');
const requestedCases = PROFILE.cases;

let setup: CasesSetup | null = null;
let app: ServerRuns | null = null;
let bare: ServerRuns | null = null;
let analysis: Analysis | null = null;
let usersRssMb: { max: number; median: number } | null = null;
const captureDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-bench-cases-'));
try {
  // The statements the app sends for each request, from the app itself (capture.ts): the floor replays them.
  const captured = await captureRequests([LIST_PATHS.open, LIST_PATHS.closingSoon, CASE_PAGE_CAPTURE_PATH]);
  const captures: Record<EndpointName, RequestCapture> = {
    list_open: captured[0] as RequestCapture,
    list_closing_soon: captured[1] as RequestCapture,
    case_page: captured[2] as RequestCapture,
  };
  const captureFile = path.join(captureDir, 'capture.json');
  await writeFile(
    captureFile,
    JSON.stringify({
      [LIST_PATHS.open]: captures.list_open,
      [LIST_PATHS.closingSoon]: captures.list_closing_soon,
      case_page: captures.case_page,
    }),
  );
  const floorEnv = { BENCH_CASES_CAPTURE: captureFile };

  say(`creating a fresh database (migrate, network), generating ${requestedCases} cases…`);
  setup = await prepareCases(requestedCases, say);
  environment.postgres = setup.bench.serverVersion;
  environment.database = `${setup.bench.name} (dropped at the end)`;
  const endpoints = endpointsOf(setup);
  try {
    const sides = await benchSides(setup, endpoints, {
      floor: '../cases/bare-server.ts',
      floorEnv,
      users: true,
      say,
    });
    app = sides.app;
    bare = sides.bare;
    usersRssMb = sides.usersRssMb;
    if (!QUICK && process.env.BENCH_ANALYSE !== '0') {
      say('PostgreSQL statement by statement (EXPLAIN ANALYZE, serial timings, what-if)…');
      analysis = await analyse(setup, app.cookies[0] ?? '', captures);
    }
  } catch (error) {
    errors.push(message(error));
  }
} catch (error) {
  errors.push(message(error));
} finally {
  if (setup) await setup.bench.drop().catch((error: unknown) => errors.push(`drop: ${message(error)}`));
  await rm(captureDir, { recursive: true, force: true });
}

const endpoints: CasesResults['endpoints'] = setup ? sideBySide(endpointsOf(setup), app, bare) : [];
const goals = loadGoals(endpoints, [
  [
    (name) =>
      `${name}: app p99, ${USERS_LOAD.users} users thinking ${USERS_LOAD.thinkMinMs / 1000}–${USERS_LOAD.thinkMaxMs / 1000} s`,
    app?.users,
  ],
]);

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
  whatIfFloor: null,
  usersRssMb,
  goals,
  analysis,
  method: [
    `Data: a fresh database percorsi_bench_cases_<random> on the real server, migrated as the owner and seeded with the real network; its cav and shelter operators are the centres (cases spread Zipf-like, s = 0.6, Milan's first). ${requestedCases} cases over the ten years up to yesterday (more in recent years), open for 14 days plus an exponential time (mean 450 days), 83% of those past it closed; profile columns within the CHECK constraints with ISTAT-like weights; 3–4 goals and 2–4 actions per goal (about 10.5 actions per case) with start and due dates and statuses; the centre's two bench operators on the team (lead on every case, colleague on 30%); sealed-looking identity blobs (240–320 random bytes, base64url) for 85%; consents, plans and their versions (JSON snapshots), outcomes (35% hired) with 3/6/12-month follow-ups, timeline events. Written by a handful of INSERT … SELECT … generate_series statements as the owner in one transaction (session_replication_role = replica for the load only: no FK trigger checks, the data is built consistent), then VACUUM (ANALYZE).`,
    `Servers: the real app (bench/servers/app-server.ts: buildApp, logger level 'warn', pg pool of 10 as percorsi_app) and the floor (bench/cases/bare-server.ts: node:http + pg.Pool(10) as percorsi_app), each in its own Node process. The floor sends per request exactly the statements the app sends for that request, in the same order: before the run, the real app (buildApp) answers each request through app.inject on a Kysely whose driver records every compiled statement (begin … commit) instead of sending it (bench/cases/capture.ts); the floor replays them with the real session, actor and case id, reading from the results what the app reads (session → 401, case → 404, rows), skipping the last_seen_at update when the session row says it is not stale, as the app does; then JSON.stringify of the same body (compared with the app's).`,
    `Load (bench/cases/load.ts benchSides, the one harness of every side-by-side benchmark): a centre operator of the biggest centre signs in over HTTP (password + TOTP); ${SESSIONS - 1} more full sessions of hers are inserted in the database, one per simulated user, used in turn by both servers. App and floor both run, each in its own process, on the same database; round after round (${CASES_LOAD.rounds} rounds) each endpoint is loaded on the app and then on the floor (ABAB…): ${CASES_LOAD.warmupSeconds} s warm-up with ${CASES_LOAD.warmupConnections} connections (discarded), then ${CASES_LOAD.seconds} s closed loop at ${CASES_LOAD.connections} connections (autocannon in this process); the backlog still queued after each run is cancelled (pg_cancel_backend) so that no run inherits the previous one's. Requests time out after ${REQUEST_TIMEOUT_SECONDS} s. Figures are the median over the rounds with the lowest–highest round in brackets. req/s counts 2xx only. CPU ms/req: utime+stime of the server process plus that of the PostgreSQL backends connected as percorsi_app (/proc/<pid>/stat; the idle side's backends add nothing) over the measured run / 2xx. Backends: pg_stat_activity sampled every 50 ms during the last round (wait events, tuple locks).`,
    `Rate limit: the app limits each client address to 600 requests/minute, so the servers trust X-Forwarded-For (PERCORSI_TRUST_PROXY=1) and the client address changes every ${IP_BATCH} requests.`,
    `With ${CASES_LOAD.connections} closed-loop connections, Little's law ties the figures: mean latency ≈ ${CASES_LOAD.connections} / (req/s). A p99 under 50 ms at 100 connections therefore needs well over 2000 req/s; on this machine the latency under that load is queueing for the 10 pool connections and the 2 cores, not the service time of one request (see the statement-by-statement section).`,
    `Open loop: after the rounds, the app alone under ${USERS_LOAD.users} simulated operators (bench/cases/users.ts, node:http keep-alive), each thinking a uniform ${USERS_LOAD.thinkMinMs / 1000}–${USERS_LOAD.thinkMaxMs / 1000} s, then sending one request — the open-cases list 30, closing soon 10, a case page 60 by weight (reads only: no write floor or write mix yet) — and waiting for the answer; ${USERS_LOAD.seconds} s, every request sent in that time waited for and counted; the server's VmRSS sampled every 500 ms.`,
    `Statements: run alone after the loads, as percorsi_app inside BEGIN; SET LOCAL ROLE; set_config(user, organisation, 'centre_operator'); … ROLLBACK, with the captured SQL and parameters (pg extended protocol, as the app): median of up to 15 serial runs (fewer for slow statements: at least 3, about 1.5 s each), EXPLAIN (ANALYZE, BUFFERS) once. Per request: the sum of its statements' medians (the last_seen_at update left out when it is only sent once a minute). What-if: the lists and the case row again with each change the app lacks added cumulatively (SET LOCAL jit = off; ${WHAT_IF_INDEX}, dropped after; on_my_team as a scalar subquery), the variants timed in turn round after round (up to 15 rounds or about 5 s), so that the machine's ups and downs fall on all of them alike.`,
  ],
  errors,
  seconds: seconds(),
};
printCasesReport(results);
const file = await writeCasesResults(results);
console.log(`written ${path.relative(process.cwd(), file)}`);
