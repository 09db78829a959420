import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CASES_LOAD, REQUEST_TIMEOUT_SECONDS, type ServerRuns, SESSIONS, USERS_LOAD } from './cases/load.ts';
import { f, loadGoals, sideBySide, writeResultsFile } from './cases/report.ts';
import { PROFILE, QUICK } from './harness/profile.ts';
import { IP_BATCH } from './load.ts';
import { busyness } from './proc.ts';
import { analyseReferrals, type ReferralsAnalysis } from './referrals/explain.ts';
import { prepareReferrals, type ReferralsSetup } from './referrals/generate-referrals.ts';
import { benchReferrals, type ReferralEndpoint, referralEndpoints } from './referrals/load.ts';
import { printReferralsReport, type ReferralsResults } from './referrals/report.ts';
import { BITMAP_OFF, captureReferralRequests } from './referrals/statements.ts';
import { runContext } from './run-context.ts';

/**
 * The referrals benchmark (issue 4): the caseload benchmark's data (100,000 cases over ten years)
 * plus 400,000 referrals on real PostgreSQL; the recipient's inbox and the referral page under
 * 100 concurrent users, beside the bare-SQL floor in the same run; and where the time goes.
 * Figures, not assertions. Everything listens on
 * 127.0.0.1 and stops by time; the database is dropped at the end.
 * Scale: BENCH_CASES (default 100000), BENCH_REFERRALS (default 400000).
 */
const { say, message, seconds, machineAtStart, errors, environment } = runContext('bench:referrals');
const requestedCases = PROFILE.cases;
const requestedReferrals = PROFILE.referrals;

let setup: ReferralsSetup | null = null;
let app: ServerRuns<ReferralEndpoint> | null = null;
let bare: ServerRuns<ReferralEndpoint> | null = null;
let analysis: ReferralsAnalysis | null = null;
let usersRssMb: { max: number; median: number } | null = null;
const captureDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-bench-referrals-'));
try {
  // The statements the app sends for each request, from the app itself: the floor replays them.
  const captures = await captureReferralRequests();
  const captureFile = path.join(captureDir, 'capture.json');
  await writeFile(captureFile, JSON.stringify(captures));

  say(
    `creating a fresh database (migrate, network), generating ${requestedCases} cases, then ${requestedReferrals} referrals…`,
  );
  setup = await prepareReferrals(requestedCases, requestedReferrals, say);
  environment.postgres = setup.bench.serverVersion;
  environment.database = `${setup.bench.name} (dropped at the end)`;
  const sides = await benchReferrals(setup, { floorEnv: { BENCH_REFERRALS_CAPTURE: captureFile }, users: true, say });
  app = sides.app;
  bare = sides.bare;
  usersRssMb = sides.usersRssMb;
  if (!QUICK && process.env.BENCH_ANALYSE !== '0') {
    say('PostgreSQL statement by statement (EXPLAIN ANALYZE, serial timings, the inbox in variants)…');
    analysis = await analyseReferrals(setup, app.cookies[0] ?? '', captures);
  }
} catch (error) {
  errors.push(message(error));
} finally {
  if (setup) await setup.bench.drop().catch((error: unknown) => errors.push(`drop: ${message(error)}`));
  await rm(captureDir, { recursive: true, force: true });
}

const endpointList = setup ? referralEndpoints(setup) : [];
const endpoints = sideBySide(endpointList, app, bare);
const thinking = `${USERS_LOAD.users} users thinking ${USERS_LOAD.thinkMinMs / 1000}–${USERS_LOAD.thinkMaxMs / 1000} s`;
const goals = loadGoals(endpoints, [[(name) => `${name}: app p99, ${thinking}`, app?.users]]);

/** What the figures say, in words, from the figures of this run. */
function findings(): string[] {
  const out: string[] = [];
  const a = analysis;
  const inbox = endpoints.find((e) => e.name === 'inbox');
  const page = endpoints.find((e) => e.name === 'referral_page');
  const q = a?.statements.find((s) => s.name === 'inbox: inbox');
  const est = a?.inboxEstimate;
  if (a && q && est) {
    const v = (i: number) => a.whatIf[i]?.medianMs.inbox ?? Number.NaN;
    out.push(
      `inbox: its query takes ${f(q.medianMs, 1)} ms of the ${f(a.perRequestMs.inbox, 1)} ms PostgreSQL spends on the request, as the app sends it (bitmap scans off around it): ${est.scan}, ${est.heapBlocks} heap blocks, the planner expecting ${est.estimatedRows} rows to pass the policies where ${est.actualRows} do (${a.recipient.visible} of the CPI's ${a.recipient.referrals} referrals are visible to it). It multiplies the query's recipient_organisation_id = $1 by the policy's recipient_organisation_id = app_org_id() (the same condition) and the access conditions as if independent; without the hint it would read all the live referrals and sort them.`,
    );
    out.push(
      `The inbox query in variants: without the hint ${f(v(0), 2)} ms; as the app sends it ${f(v(1), 2)} ms; as the owner (no RLS) with the access condition written in it ${f(v(2), 2)} ms; the unhinted plan without the policies ${f(v(3), 2)} ms — so of the unhinted ${f(v(0), 2)} ms about ${f(v(0) - v(3), 0)} ms is the inlined policy expressions evaluated on every row read.`,
    );
  }
  if (inbox?.app && inbox.bare) {
    out.push(
      `Under ${CASES_LOAD.connections} connections the inbox serves ${f(inbox.app.load.rps, 0)} req/s on the app and ${f(inbox.bare.load.rps, 0)} on the floor: PostgreSQL is the bottleneck (PG CPU ${f(inbox.app.pgCpuMsPerRequest, 0)} ms/req), not the app.`,
    );
  }
  if (page?.app && page.bare && a) {
    out.push(
      `referral page: PostgreSQL alone ${f(a.perRequestMs.page, 1)} ms per request, no slow statement, but ${f(a.pagePlanningMs, 1)} ms of it is planning: every statement on a referral table is planned anew (unnamed statements) with its policies inlined, EXISTS subqueries on referrals included, whose own policies are inlined in turn. Named (prepared) statements, planned once per connection: ${f(a.pagePreparedMs, 1)} ms. Under ${CASES_LOAD.connections} connections the app ${f(page.app.load.rps, 0)} req/s (Node ${f(page.app.cpuMsPerRequest, 1)} + PG ${f(page.app.pgCpuMsPerRequest, 1)} CPU ms/req on 2 cores), the floor ${f(page.bare.load.rps, 0)} req/s.`,
    );
  }
  return out;
}

const results: ReferralsResults = {
  at: new Date().toISOString(),
  environment,
  machine: { start: machineAtStart, end: busyness() },
  scale: { requestedCases, requestedReferrals },
  cases: setup
    ? {
        cases: setup.cases.generated.cases,
        actions: setup.cases.generated.actions,
        seconds: setup.cases.generated.seconds,
      }
    : null,
  generated: setup?.generated ?? null,
  cpi: setup?.cpi ?? null,
  load: { ...CASES_LOAD, sessions: SESSIONS },
  endpoints,
  users: app?.users ?? null,
  whatIf: null,
  usersRssMb,
  analysis,
  findings: findings(),
  goals,
  method: [
    `Data: the caseload benchmark's database, made by its own code (bench/cases/generate.ts prepareCases: a fresh percorsi_bench_cases_<random>, migrated, the real network seeded, ${requestedCases} cases over ten years with plans, consents, outcomes…), then ${requestedReferrals} referrals (bench/referrals/generate-referrals.ts) from the cases' centres: 60% to the network's CPIs (organisations of type employment_centre, Zipf-like s = 0.6, Milan's first), 40% uniformly to the other recipient types of share-check.ts (ATS/ASST, municipalities, other centres); sent between the case's start and its closure (or today); deadlines as referral_rules in calendar days; statuses by age (within the answer window mostly sent/accepted; later mostly completed, declined, expired or withdrawn: access ended, or completed with access_until = completion + 30 days, past for most); share fields from a few sets per recipient kind (identity in about a third, identity.phone dropped where she is reached only through the centre); a consent per referral unless the case's consent to share with CPIs covers it; history events for each step, reports (first appointment, registration, some hires), threads (1–3 messages, sealed with sealMessage) on one in eight, 1–3 views each, idempotency keys; 6 cpi_referent users per CPI and 3 users per other recipient; for the referrals still open (referral_access_open), a share built like build-share.ts from the case's profile and plan and sealed with sealShare under the bench's master key. Set-based SQL as the owner in one transaction (session_replication_role = replica for the load only; secondary indexes dropped and built again), the shares written in batches, then VACUUM (ANALYZE).`,
    `Servers: the real app (bench/servers/app-server.ts: buildApp, logger 'warn', pg pool of 10 as percorsi_app, the bench's master key) and the floor (bench/referrals/bare-server.ts: node:http + pg.Pool(10) as percorsi_app), each in its own Node process. The floor sends per request exactly the statements the app sends, in order: captured beforehand from the real app (app.inject on a Kysely whose driver records each compiled statement, bench/cases/capture.ts; bench/referrals/statements.ts for the kinds), replayed with the real session, actor, referral, sender, case and viewer name (the in-lists of withNames rebuilt for the real ids), reading from the results what the app reads (session → 401, row → 404, share → opened with openShare, as the app), skipping last_seen_at when the session row says it is not stale; the body built with the app's pure functions (toSummary, accessOpen, allowedActions) and compared with the app's.`,
    `Load: the one harness (bench/cases/load.ts benchSides), as the caseload benchmark: a CPI referent of the CPI with the most referrals signs in over HTTP (password + TOTP); ${SESSIONS - 1} more full sessions of hers inserted, one per simulated user, used in turn by both servers; app and floor both running, alternating endpoint by endpoint and round after round (${CASES_LOAD.rounds} rounds, ABAB…), each run ${CASES_LOAD.warmupSeconds} s warm-up with ${CASES_LOAD.warmupConnections} connections discarded, then ${CASES_LOAD.seconds} s closed loop at ${CASES_LOAD.connections} connections; the backlog cancelled after each run; requests time out after ${REQUEST_TIMEOUT_SECONDS} s. The referral page rotates over up to 2000 random referrals she sees. Medians over the rounds, lowest–highest in brackets; req/s counts 2xx only; CPU ms/req = server process + percorsi_app backends (/proc). Rate limit: the servers trust X-Forwarded-For (PERCORSI_TRUST_PROXY=1) and the client address changes every ${IP_BATCH} requests.`,
    `With ${CASES_LOAD.connections} closed-loop connections, mean latency ≈ ${CASES_LOAD.connections} / (req/s): latency there is queueing, not service time. Open loop: then the app alone under ${USERS_LOAD.users} simulated operators (bench/cases/users.ts), each thinking a uniform ${USERS_LOAD.thinkMinMs / 1000}–${USERS_LOAD.thinkMaxMs / 1000} s between answer and next request, inbox 40 / referral page 60 by weight (reads; each referral page inserts a view and an audit row), ${USERS_LOAD.seconds} s; the server's VmRSS sampled every 500 ms.`,
    `Statements: each statement of the two requests, run alone after the loads as percorsi_app inside BEGIN; SET LOCAL ROLE; set_config(user, organisation, 'cpi_referent'); … ROLLBACK: median of up to 15 serial runs, EXPLAIN (ANALYZE, BUFFERS) once; per request, the sum of the medians (last_seen_at left out). The inbox query also in variants timed in turn: as sent; between ${BITMAP_OFF} and = on; as the owner (a superuser: RLS does not apply) with AND referral_access_open(…) in the query; as the owner with the app's plan forced (enable_indexscan = off).`,
  ],
  errors,
  seconds: seconds(),
};
printReferralsReport(results);
const file = await writeResultsFile('referrals-latest.json', results);
console.log(`written ${path.relative(process.cwd(), file)}`);
