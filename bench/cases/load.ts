import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { newToken, sha256 } from '../../src/server/auth/tokens.ts';
import type { TestUser } from '../../src/server/testing/harness.ts';
import { startServer } from '../child.ts';
import { IP_BATCH, type LoadResult } from '../load.ts';
import type { BenchDb } from '../pg-setup.ts';
import { cpuMsOf } from '../proc.ts';
import { signInHttp } from '../sign-in.ts';
import { LIST_PATHS } from './capture.ts';
import type { CasesSetup } from './generate.ts';
import { runUsers, type UsersRun } from './users.ts';

/**
 * 100 concurrent users, each sending its next request as soon as the last one is answered. The
 * warm-up (JIT, pool connections, caches) uses 10 connections, so that it leaves no long backlog.
 */
export const CASES_LOAD = { connections: 100, warmupConnections: 10, warmupSeconds: 3, seconds: 10 };

/**
 * Sessions the load spreads over, one per simulated user: the first signed in over HTTP, the
 * others inserted (as bench/diagnose.ts does). Every request updates its session row
 * (last_seen_at) and holds that row lock until commit, so one session shared by 100 connections
 * serialises them all; BENCH_CASES_SESSIONS=1 shows that.
 */
export const SESSIONS = Math.max(1, Math.min(1000, Number(process.env.BENCH_CASES_SESSIONS ?? 100) || 100));

/** The second load, on the app only: 100 users with a think time (users.ts). */
export const USERS_LOAD = { users: 100, thinkMs: 5000, seconds: 12 };
const MIX_WEIGHTS: Record<EndpointName, number> = { list_open: 30, list_closing_soon: 10, case_page: 60 };

export type EndpointName = 'list_open' | 'list_closing_soon' | 'case_page';

export interface Endpoint<N extends string = EndpointName> {
  name: N;
  label: string;
  /** one path, or several used in turn (the case page, over random ids of the centre) */
  paths: string[];
  /** its weight in the think-time mix (users.ts); the caseload's MIX_WEIGHTS by default */
  weight?: number;
}

/** What the load needs of a benchmark's setting: the database, the master key, the load user. */
export interface LoadSetup {
  bench: BenchDb;
  masterKey: Buffer;
  user: TestUser;
}

export interface EndpointRun<N extends string = EndpointName> {
  name: N;
  load: LoadResult;
  /** CPU of the server process (Node) per 2xx response of the measured run */
  cpuMsPerRequest: number;
  /** CPU of the PostgreSQL backends of the server's pool per 2xx response */
  pgCpuMsPerRequest: number;
  /** the body of one request made before the load, to compare the app's with the floor's */
  sample: unknown;
  /** what the busy percorsi_app backends were doing, sampled every 50 ms during the run (share) */
  waits: Array<{ what: string; share: number }>;
  /** the tables of the rows whose locks were waited for (pg_locks, tuple locks), same samples */
  tupleLocks: Array<{ what: string; share: number }>;
}

export function endpointsOf(setup: CasesSetup): Endpoint[] {
  return [
    { name: 'list_open', label: `GET ${LIST_PATHS.open}`, paths: [LIST_PATHS.open] },
    { name: 'list_closing_soon', label: `GET ${LIST_PATHS.closingSoon}`, paths: [LIST_PATHS.closingSoon] },
    {
      name: 'case_page',
      label: `GET /api/v1/cases/:id (${setup.caseIds.length} random ids of the centre, in turn)`,
      paths: setup.caseIds.map((id) => `/api/v1/cases/${id}`),
    },
  ];
}

/**
 * Client addresses for the rotating-path load, from another range than ../load.ts uses (10.x),
 * so that the two never add up on one address within the app's rate-limit minute.
 */
let sent = 0;
function clientAddress(): string {
  const n = Math.floor(sent++ / IP_BATCH) + 1;
  return `172.${16 + ((n >> 16) & 15)}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * Like ../load.ts's runLoad, but each request takes the next of `paths`, and a request may take
 * up to 30 s before it counts as a timeout (runLoad's 10 s would turn the slowest answers under
 * 100 connections into timeouts, which autocannon leaves out of the latency percentiles).
 */
export const REQUEST_TIMEOUT_SECONDS = 30;

async function runPaths(
  baseUrl: string,
  paths: string[],
  cookies: string[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  let next = 0;
  let turn = 0;
  const r = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    requests: [
      {
        method: 'GET',
        path: paths[0] ?? '/',
        setupRequest: (request) => ({
          ...request,
          path: paths[next++ % paths.length] ?? '/',
          headers: { cookie: cookies[turn++ % cookies.length] ?? '', 'x-forwarded-for': clientAddress() },
        }),
      },
    ],
  });
  return {
    rps: r.duration > 0 ? r['2xx'] / r.duration : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    meanMs: r.latency.mean,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}

/**
 * Waits until no percorsi_app backend of the database is busy (at most 60 s). With `cancel`, the
 * statements still running are cancelled meanwhile (pg_cancel_backend): after a measured run,
 * the server still holds up to 100 queued requests (autocannon has gone), and serving them all
 * would take long with the slow list; cancelled, they fail fast and the next run starts clean.
 */
async function drained(admin: pg.Client, database: string, cancel = false): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  // three quiet polls in a row: a backend is briefly idle between two queued requests
  while (quiet < 3 && performance.now() - started < 60_000) {
    const r = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND usename = 'percorsi_app' AND state <> 'idle'`,
      [database],
    );
    quiet = Number(r.rows[0]?.n ?? 0) === 0 ? quiet + 1 : 0;
    if (cancel && quiet === 0) {
      await admin.query(
        `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'percorsi_app' AND state = 'active' AND query_start < now() - interval '20 milliseconds'`,
        [database],
      );
    }
    await new Promise((resolve) => setTimeout(resolve, cancel ? 20 : 100));
  }
  return performance.now() - started;
}

/** CPU (ms) used so far by the PostgreSQL backends connected to the database as percorsi_app. */
async function backendCpuMs(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const r = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = 'percorsi_app'`,
    [database],
  );
  const out = new Map<number, number>();
  for (const { pid } of r.rows) {
    try {
      out.set(pid, cpuMsOf(pid));
    } catch {
      // gone in between
    }
  }
  return out;
}

/** NaN when the backends are not visible from here (PostgreSQL in another PID namespace). */
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  if (after.size === 0) return Number.NaN;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? ms);
  return total;
}

/**
 * Samples pg_stat_activity every 50 ms until `stop()`: for each busy percorsi_app backend of the
 * database, its wait event (Lock:transactionid = a row lock held by another transaction;
 * Client:ClientRead = waiting for the Node process; none = on the CPU or waiting for it).
 */
function sampleWaits(admin: pg.Client, database: string) {
  const counts = new Map<string, number>();
  const tuples = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const r = await admin.query<{ what: string; n: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU (no wait event)') || ' [' || state || ']' AS what, count(*) AS n
         FROM pg_stat_activity WHERE datname = $1 AND usename = 'percorsi_app' AND state <> 'idle' AND pid <> pg_backend_pid() GROUP BY 1`,
        [database],
      );
      for (const row of r.rows) counts.set(row.what, (counts.get(row.what) ?? 0) + Number(row.n));
      // the first waiter for a row holds its tuple lock: which table the contended rows are in
      const t = await admin.query<{ rel: string; n: string }>(
        `SELECT l.relation::regclass::text AS rel, count(*) AS n FROM pg_locks l
         WHERE l.locktype = 'tuple' AND l.database = (SELECT oid FROM pg_database WHERE datname = $1) GROUP BY 1`,
        [database],
      );
      for (const row of t.rows) tuples.set(row.rel, (tuples.get(row.rel) ?? 0) + Number(row.n));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const shares = (m: Map<string, number>) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0) || 1;
    return [...m].sort((a, b) => b[1] - a[1]).map(([what, n]) => ({ what, share: n / total }));
  };
  return async () => {
    stopped = true;
    await loop;
    return { waits: shares(counts), tupleLocks: shares(tuples) };
  };
}

/** `count - 1` more full sessions of the load user, straight in the database; their cookies after `first`. */
async function moreSessions(setup: LoadSetup, first: string, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count - 1 }, () => newToken());
  if (tokens.length) {
    await setup.bench.db.owner
      .insertInto('sessions')
      .values(
        tokens.map((token) => ({
          id_hash: sha256(token),
          user_id: setup.user.id,
          organisation_id: setup.user.organisationId,
          stage: 'full',
          csrf_token: newToken(),
          last_seen_at: sql<Date>`now()` as unknown as Date,
          expires_at: sql<Date>`now() + interval '12 hours'` as unknown as Date,
        })),
      )
      .execute();
  }
  return [first, ...tokens.map((t) => `__Host-percorsi_session=${t}`)];
}

export interface ServerRuns<N extends string = EndpointName> {
  /** the sessions used in turn (the first signed in over HTTP) */
  cookies: string[];
  runs: EndpointRun<N>[];
  /** endpoints whose first request did not answer 200: not loaded */
  failures: Array<{ name: N; status: number; body: string }>;
  /** the think-time load over the endpoints that answered 200, when asked for */
  users: UsersRun | null;
  /** the body of each endpoint's first request (answered 200) */
  samples: Partial<Record<N, unknown>>;
}

/**
 * Starts the app (bench/servers/app-server.ts: buildApp, logger 'warn', pool of 10) or the floor
 * (bare-server.ts) in its own process and loads each endpoint: a sample request, a warm-up run
 * with 10 connections (discarded), the measured run, then the backlog of queued requests
 * cancelled (drained). Then, when asked, the think-time load (users.ts) on the same, warm,
 * process. The app signs the load user in over HTTP; the floor (`floor`: a server file relative
 * to bench/servers, the caseload's by default) uses the app's sessions.
 */
export async function benchServer<N extends string = EndpointName>(
  which: 'app' | 'bare',
  setup: LoadSetup,
  endpoints: Endpoint<N>[],
  o: {
    cookies?: string[];
    users?: boolean;
    closedLoop?: boolean;
    env?: Record<string, string>;
    say?: (text: string) => void;
    floor?: string;
  } = {},
): Promise<ServerRuns<N>> {
  const { connections, warmupSeconds, seconds } = CASES_LOAD;
  const server = await startServer(which === 'app' ? 'app-server.ts' : (o.floor ?? '../cases/bare-server.ts'), {
    BENCH_OWNER_URL: setup.bench.ownerUrl,
    BENCH_APP_URL: setup.bench.appUrl,
    BENCH_MASTER_KEY: setup.masterKey.toString('base64'),
    BENCH_LOG_LEVEL: 'warn',
    PERCORSI_TRUST_PROXY: '1',
    ...o.env,
  });
  const admin = new pg.Client({ connectionString: setup.bench.ownerUrl });
  await admin.connect();
  try {
    let cookies = o.cookies ?? [];
    if (!cookies.length) {
      // A TOTP code works once per 30 s step and user; like the test harness, forget the last step.
      await setup.bench.db.owner
        .updateTable('users')
        .set({ totp_last_step: null })
        .where('id', '=', setup.user.id)
        .execute();
      cookies = await moreSessions(setup, await signInHttp(server.baseUrl, setup.user), SESSIONS);
    }
    const runs: EndpointRun<N>[] = [];
    const failures: ServerRuns<N>['failures'] = [];
    const loaded: Endpoint<N>[] = [];
    const samples: ServerRuns<N>['samples'] = {};
    for (const e of endpoints) {
      const first = e.paths[0] ?? '/';
      const res = await fetch(server.baseUrl + first, {
        headers: { cookie: cookies[0] ?? '', 'x-forwarded-for': '192.0.2.1' },
      });
      if (res.status !== 200) {
        failures.push({ name: e.name, status: res.status, body: (await res.text()).slice(0, 300) });
        o.say?.(`${which}: GET ${first} answered ${res.status}: not loaded`);
        continue;
      }
      const sample: unknown = await res.json();
      samples[e.name] = sample;
      loaded.push(e);
      if (o.closedLoop === false) continue;
      o.say?.(
        `${which}: ${e.label}, ${warmupSeconds} s warm-up (${CASES_LOAD.warmupConnections} connections) + ${seconds} s, ${connections} connections…`,
      );
      if (warmupSeconds > 0)
        await runPaths(server.baseUrl, e.paths, cookies, CASES_LOAD.warmupConnections, warmupSeconds);
      await drained(admin, setup.bench.name);
      const cpuBefore = cpuMsOf(server.pid);
      const pgBefore = await backendCpuMs(admin, setup.bench.name);
      const sampler = new pg.Client({ connectionString: setup.bench.ownerUrl });
      await sampler.connect();
      const stopSampling = sampleWaits(sampler, setup.bench.name);
      const measured = await runPaths(server.baseUrl, e.paths, cookies, connections, seconds);
      // CPU at the end of the run; the backlog still queued is not counted, and is cancelled
      const cpuAfter = cpuMsOf(server.pid);
      const pgAfter = await backendCpuMs(admin, setup.bench.name);
      const { waits, tupleLocks } = await stopSampling();
      await sampler.end();
      await drained(admin, setup.bench.name, true);
      const ok = measured.ok || Number.NaN;
      runs.push({
        name: e.name,
        load: measured,
        cpuMsPerRequest: (cpuAfter - cpuBefore) / ok,
        pgCpuMsPerRequest: cpuSpent(pgBefore, pgAfter) / ok,
        sample,
        waits,
        tupleLocks,
      });
    }
    let users: UsersRun | null = null;
    const mix = loaded.map((e) => ({
      name: e.name,
      paths: e.paths,
      weight: e.weight ?? MIX_WEIGHTS[e.name as EndpointName] ?? 1,
    }));
    if (o.users && mix.length) {
      o.say?.(
        `${which}: ${USERS_LOAD.users} users, think time exp(mean ${USERS_LOAD.thinkMs / 1000} s), ${mix.map((m) => `${m.name} ${m.weight}`).join(' / ')}, ${USERS_LOAD.seconds} s…`,
      );
      if (o.closedLoop === false)
        await runPaths(
          server.baseUrl,
          mix.flatMap((m) => m.paths.slice(0, 50)),
          cookies,
          CASES_LOAD.warmupConnections,
          warmupSeconds,
        );
      await drained(admin, setup.bench.name);
      users = await runUsers(server.baseUrl, cookies, mix, USERS_LOAD);
    }
    return { cookies, runs, failures, users, samples };
  } finally {
    // no graceful stop (it would serve what is still queued); the backends end with the sockets
    await server.stop(0);
    await drained(admin, setup.bench.name).catch(() => 0);
    await admin.end();
  }
}
