import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { newToken, sha256 } from '../../src/server/auth/tokens.ts';
import type { TestUser } from '../../src/server/testing/harness.ts';
import { type ServerChild, startServer } from '../child.ts';
import { IP_BATCH, type LoadResult } from '../load.ts';
import type { BenchDb } from '../pg-setup.ts';
import { cpuMeter } from '../harness/cpu.ts';
import { PROFILE } from '../harness/profile.ts';
import { spread, type Spread } from '../harness/stats.ts';
import { memoryOf } from '../proc.ts';
import { signInHttp } from '../sign-in.ts';
import { LIST_PATHS } from './capture.ts';
import type { CasesSetup } from './generate.ts';
import { type Mix, runUsers, type UsersRun } from './users.ts';

/**
 * 100 concurrent users, each sending its next request as soon as the last one is answered. The
 * warm-up (JIT, pool connections, caches) uses 10 connections, so that it leaves no long backlog.
 */
export const CASES_LOAD = {
  connections: PROFILE.connections,
  warmupConnections: PROFILE.warmupConnections,
  warmupSeconds: PROFILE.warmupSeconds,
  seconds: PROFILE.seconds,
  rounds: PROFILE.rounds,
};

/**
 * Sessions the load spreads over, one per simulated user: the first signed in over HTTP, the
 * others inserted (as bench/diagnose.ts does). Every request updates its session row
 * (last_seen_at) and holds that row lock until commit, so one session shared by 100 connections
 * serialises them all; BENCH_CASES_SESSIONS=1 shows that.
 */
export const SESSIONS = Math.max(1, Math.min(1000, Number(process.env.BENCH_CASES_SESSIONS ?? 100) || 100));

/** The second load, on the app only: 100 users with a think time (users.ts). */
export const USERS_LOAD = {
  users: PROFILE.users,
  thinkMinMs: PROFILE.thinkMinMs,
  thinkMaxMs: PROFILE.thinkMaxMs,
  seconds: PROFILE.usersSeconds,
};
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

export interface RoundFigures {
  rps: number;
  p50: number;
  p99: number;
  /** CPU ms per 2xx response: the server process, the PostgreSQL backends, both */
  nodeCpu: number;
  pgCpu: number;
  cpu: number;
  ok: number;
  bad: number;
}

/** One endpoint on one side, over the rounds: the median round's figures and every round's. */
export interface EndpointRun<N extends string = EndpointName> {
  name: N;
  /** the measured run whose req/s is the median of the rounds */
  load: LoadResult;
  /** medians over the rounds */
  cpuMsPerRequest: number;
  pgCpuMsPerRequest: number;
  totalCpuMsPerRequest: number;
  rounds: RoundFigures[];
  spread: { rps: Spread; p50: Spread; p99: Spread; cpu: Spread; nodeCpu: Spread; pgCpu: Spread };
  /** the body of one request made before the load, to compare the app's with the floor's */
  sample: unknown;
  /** what the busy percorsi_app backends were doing, sampled every 50 ms during the last round (share) */
  waits: Array<{ what: string; share: number }>;
  /** the tables of the rows whose locks were waited for (pg_locks, tuple locks), same samples */
  tupleLocks: Array<{ what: string; share: number }>;
}

export interface ServerRuns<N extends string = EndpointName> {
  /** the sessions used in turn (the first signed in over HTTP) */
  cookies: string[];
  runs: EndpointRun<N>[];
  /** endpoints whose first request did not answer 200: not loaded */
  failures: Array<{ name: N; status: number; body: string }>;
  /** the open-loop load over the endpoints that answered 200, when asked for (the app only) */
  users: UsersRun | null;
  /** the body of each endpoint's first request (answered 200) */
  samples: Partial<Record<N, unknown>>;
}

export type Side = 'app' | 'bare';

interface Started {
  which: Side;
  server: ServerChild;
  samples: Record<string, unknown>;
  failures: Array<{ name: string; status: number; body: string }>;
  rounds: Map<string, Array<{ load: LoadResult; nodeCpu: number; pgCpu: number }>>;
  waits: Map<string, { waits: EndpointRun['waits']; tupleLocks: EndpointRun['tupleLocks'] }>;
}

function startSide(which: Side, setup: LoadSetup, floor: string, env: Record<string, string> = {}) {
  return startServer(which === 'app' ? 'app-server.ts' : floor, {
    BENCH_OWNER_URL: setup.bench.ownerUrl,
    BENCH_APP_URL: setup.bench.appUrl,
    BENCH_MASTER_KEY: setup.masterKey.toString('base64'),
    BENCH_LOG_LEVEL: 'warn',
    PERCORSI_TRUST_PROXY: '1',
    // proof-ops: one signed-in user makes the whole load; her own bucket would stop it
    PERCORSI_RATE_LIMIT_USER: '0',
    ...(which === 'bare' ? env : {}),
  });
}

function summarise<N extends string>(s: Started, e: Endpoint<N>): EndpointRun<N> | null {
  const rounds = s.rounds.get(e.name) ?? [];
  if (!rounds.length) return null;
  const figures: RoundFigures[] = rounds.map((r) => ({
    rps: r.load.rps,
    p50: r.load.p50,
    p99: r.load.p99,
    nodeCpu: r.nodeCpu,
    pgCpu: r.pgCpu,
    cpu: r.nodeCpu + r.pgCpu,
    ok: r.load.ok,
    bad: r.load.non2xx + r.load.errors + r.load.timeouts,
  }));
  const of = (k: keyof RoundFigures) => spread(figures.map((f) => f[k]));
  const byRps = [...rounds].sort((a, b) => a.load.rps - b.load.rps);
  const mid = byRps[Math.floor((byRps.length - 1) / 2)] as (typeof rounds)[number];
  const w = s.waits.get(e.name) ?? { waits: [], tupleLocks: [] };
  const sp = {
    rps: of('rps'),
    p50: of('p50'),
    p99: of('p99'),
    cpu: of('cpu'),
    nodeCpu: of('nodeCpu'),
    pgCpu: of('pgCpu'),
  };
  return {
    name: e.name,
    load: mid.load,
    cpuMsPerRequest: sp.nodeCpu.median,
    pgCpuMsPerRequest: sp.pgCpu.median,
    totalCpuMsPerRequest: sp.cpu.median,
    rounds: figures,
    spread: sp,
    sample: s.samples[e.name],
    ...w,
  };
}

/**
 * The one harness of every side-by-side benchmark: the app (bench/servers/app-server.ts: buildApp,
 * logger 'warn', pool of 10) and the floor (`floor`, a server file relative to bench/servers) are
 * both started, each in its own process, on the same database and the same sessions (the app
 * signs the load user in over HTTP; the floor uses the app's sessions). Then, round after round,
 * each endpoint is loaded on the app, then on the floor (ABAB…), each run with the same warm-up
 * (discarded), the measured closed-loop run, and the backlog cancelled (drained), so that the
 * machine's ups and downs fall on both alike. CPU per request is the server process plus the
 * percorsi_app backends (/proc). Then, when asked, the open-loop users on the app (users.ts),
 * with the server's RSS sampled during it.
 */
export async function benchSides<N extends string>(
  setup: LoadSetup,
  endpoints: Endpoint<N>[],
  o: {
    floor: string;
    floorEnv?: Record<string, string>;
    users?: boolean;
    mix?: (loaded: Endpoint<N>[]) => Mix[];
    say?: (text: string) => void;
  },
): Promise<{ app: ServerRuns<N>; bare: ServerRuns<N>; usersRssMb: { max: number; median: number } | null }> {
  const { connections, warmupSeconds, seconds, rounds } = CASES_LOAD;
  const sides: Started[] = [];
  const admin = new pg.Client({ connectionString: setup.bench.ownerUrl });
  await admin.connect();
  try {
    for (const which of ['app', 'bare'] as const) {
      const server = await startSide(which, setup, o.floor, o.floorEnv);
      sides.push({ which, server, samples: {}, failures: [], rounds: new Map(), waits: new Map() });
    }
    const [app] = sides as [Started, Started];
    // A TOTP code works once per 30 s step and user; like the test harness, forget the last step.
    await setup.bench.db.owner
      .updateTable('users')
      .set({ totp_last_step: null })
      .where('id', '=', setup.user.id)
      .execute();
    const cookies = await moreSessions(setup, await signInHttp(app.server.baseUrl, setup.user), SESSIONS);
    const loaded: Endpoint<N>[] = [];
    for (const e of endpoints) {
      let ok = true;
      for (const s of sides) {
        const first = e.paths[0] ?? '/';
        const res = await fetch(s.server.baseUrl + first, {
          headers: { cookie: cookies[0] ?? '', 'x-forwarded-for': '192.0.2.1' },
        });
        if (res.status !== 200) {
          s.failures.push({ name: e.name, status: res.status, body: (await res.text()).slice(0, 300) });
          o.say?.(`${s.which}: GET ${first} answered ${res.status}: not loaded`);
          ok = false;
          continue;
        }
        s.samples[e.name] = await res.json();
      }
      if (ok) loaded.push(e);
    }
    for (let round = 1; round <= rounds; round++) {
      for (const e of loaded) {
        o.say?.(
          `round ${round}/${rounds}: ${e.label}, app then floor, each ${warmupSeconds} s warm-up + ${seconds} s at ${connections} connections…`,
        );
        for (const s of sides) {
          if (warmupSeconds > 0)
            await runPaths(s.server.baseUrl, e.paths, cookies, CASES_LOAD.warmupConnections, warmupSeconds);
          await drained(admin, setup.bench.name, true);
          const meter = await cpuMeter(admin, setup.bench.name, s.server.pid);
          const sampler = new pg.Client({ connectionString: setup.bench.ownerUrl });
          await sampler.connect();
          const stopSampling = sampleWaits(sampler, setup.bench.name);
          const load = await runPaths(s.server.baseUrl, e.paths, cookies, connections, seconds);
          // CPU at the end of the run; the backlog still queued is not counted, and is cancelled
          const cpu = await meter(load.ok);
          const waits = await stopSampling();
          await sampler.end();
          await drained(admin, setup.bench.name, true);
          const list = s.rounds.get(e.name) ?? [];
          list.push({ load, nodeCpu: cpu.nodeMsPerRequest, pgCpu: cpu.pgMsPerRequest });
          s.rounds.set(e.name, list);
          s.waits.set(e.name, waits);
        }
      }
    }
    let users: UsersRun | null = null;
    let usersRssMb: { max: number; median: number } | null = null;
    const mix = o.mix
      ? o.mix(loaded)
      : loaded.map((e) => ({
          name: e.name,
          paths: e.paths,
          weight: e.weight ?? MIX_WEIGHTS[e.name as EndpointName] ?? 1,
        }));
    if (o.users && mix.length) {
      o.say?.(
        `app: ${USERS_LOAD.users} operators, think time ${USERS_LOAD.thinkMinMs / 1000}–${USERS_LOAD.thinkMaxMs / 1000} s, ${mix.map((m) => `${m.name} ${m.weight}`).join(' / ')}, ${USERS_LOAD.seconds} s…`,
      );
      await drained(admin, setup.bench.name);
      const rss: number[] = [];
      const timer = setInterval(() => {
        try {
          rss.push(memoryOf(app.server.pid).rssMb);
        } catch {
          // the server is gone: the run reports its errors
        }
      }, 500);
      try {
        users = await runUsers(app.server.baseUrl, cookies, mix, USERS_LOAD);
      } finally {
        clearInterval(timer);
      }
      usersRssMb = rss.length ? { max: Math.max(...rss), median: spread(rss).median } : null;
    }
    const result = (s: Started): ServerRuns<N> => ({
      cookies,
      runs: loaded.map((e) => summarise(s, e)).filter((r): r is EndpointRun<N> => r !== null),
      failures: s.failures as ServerRuns<N>['failures'],
      users: s.which === 'app' ? users : null,
      samples: s.samples as ServerRuns<N>['samples'],
    });
    return { app: result(sides[0] as Started), bare: result(sides[1] as Started), usersRssMb };
  } finally {
    // no graceful stop (it would serve what is still queued); the backends end with the sockets
    for (const s of sides) await s.server.stop(0);
    await drained(admin, setup.bench.name).catch(() => 0);
    await admin.end();
  }
}
