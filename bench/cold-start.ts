import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Exited, ROOT, terminate } from './child.ts';
import { runUsers } from './cases/users.ts';
import { PROFILE, QUICK } from './harness/profile.ts';
import { runLoad } from './load.ts';
import { cpuMsOf, memoryOf } from './proc.ts';
import { warmUpWithLogins } from './warm-up.ts';

export interface StartRun {
  /** spawn → first 200 on /readyz, as seen from outside */
  readyMs: number;
  /** spawn → first 200 on /healthz */
  healthzMs: number;
  /** what the app logs itself in 'Percorsi is ready' (from its first line of code) */
  selfReportedMs: number | null;
  /** CPU time (all threads) the process had used when /readyz first answered: robust to a busy machine */
  cpuMs: number;
  exit: Exited;
}

export interface ColdStart {
  /** the median run (by /healthz) of each kind; every run beside */
  first: StartRun;
  restart: StartRun;
  firstRuns: StartRun[];
  restartRuns: StartRun[];
  skipWebBuild: boolean;
  warmUp: { metaRequests: number; metaNon2xx: number; logins: number; reads: number };
  rssMb: number;
  peakRssMb: number;
  /** the restarted server under the open-loop operators (organisation reads): VmRSS sampled every 500 ms */
  openLoop: { users: number; seconds: number; requests: number; bad: number; p99: number; rssMaxMb: number } | null;
}

const SKIP_WEB_BUILD = !existsSync(path.join(ROOT, 'dist', 'web', 'index.html'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  baseUrl: string;
  readyMs: number;
  healthzMs: number;
  cpuMs: number;
  selfReported: () => number | null;
}

/** Spawns what `npm start` runs (`node src/server/start.mjs`) on the embedded database and waits for /readyz. */
async function startMain(dataDir: string, timeoutMs = 180_000): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PERCORSI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  for (const name of ['DATABASE_URL', 'APP_DATABASE_URL', 'PERCORSI_DEMO', 'PERCORSI_MASTER_KEY', 'LOG_LEVEL'])
    delete env[name];
  env.PERCORSI_TRUST_PROXY = '1'; // only so that the warm-up can spread over client addresses (load.ts)
  if (SKIP_WEB_BUILD) env.PERCORSI_SKIP_WEB_BUILD = '1';
  const started = performance.now();
  const child = spawn(process.execPath, ['src/server/start.mjs'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  let selfReported: number | null = null;
  const keep = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) {
      if (line.includes('Percorsi is ready'))
        selfReported = Number((JSON.parse(line) as { ms?: number }).ms ?? Number.NaN);
      if (line.trim()) tail.push(line.slice(0, 300));
      if (tail.length > 20) tail.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  let healthzMs = Number.NaN;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`main.ts exited with ${child.exitCode}:\n${tail.join('\n')}`);
    if (Number.isNaN(healthzMs)) {
      const up = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) healthzMs = performance.now() - started;
      else {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
    }
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      const readyMs = performance.now() - started;
      return { child, baseUrl, readyMs, healthzMs, cpuMs: cpuMsOf(child.pid ?? -1), selfReported: () => selfReported };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await terminate(child, 2000);
  throw new Error(`main.ts was not ready within ${timeoutMs} ms:\n${tail.join('\n')}`);
}

/**
 * The open-loop operators (cases/users.ts, think time 2–10 s) on the embedded server, reading
 * their own organisation and the list, with the signed-in demo sessions; VmRSS sampled meanwhile.
 */
async function underUsers(baseUrl: string, pid: number, cookies: Array<{ cookie: string; organisationId: string }>) {
  if (!cookies.length) return null;
  const seconds = Math.min(PROFILE.usersSeconds, 30);
  const rss: number[] = [];
  const timer = setInterval(() => {
    try {
      rss.push(memoryOf(pid).rssMb);
    } catch {
      // gone: the run reports its errors
    }
  }, 500);
  try {
    const mix = [
      { name: 'organisation', paths: cookies.map((c) => `/api/v1/organisations/${c.organisationId}`), weight: 2 },
      { name: 'organisations', paths: ['/api/v1/organisations'], weight: 1 },
    ];
    // each user reads with her own demo session and her own organisation (same index in both lists)
    const run = await runUsers(
      baseUrl,
      cookies.map((c) => c.cookie),
      mix,
      { users: PROFILE.users, thinkMinMs: PROFILE.thinkMinMs, thinkMaxMs: PROFILE.thinkMaxMs, seconds },
    );
    const all = Object.values(run.byEndpoint);
    return {
      users: run.users,
      seconds,
      requests: all.reduce((a, x) => a + x.count + x.non2xx + x.errors, 0),
      bad: all.reduce((a, x) => a + x.non2xx + x.errors, 0),
      p99: Math.max(...all.map((x) => x.p99).filter((x) => Number.isFinite(x))),
      rssMaxMb: rss.length ? Math.max(...rss) : Number.NaN,
    };
  } finally {
    clearInterval(timer);
  }
}

/** How many first starts (each on a fresh data dir) and restarts: BENCH_START_RUNS (5; quick 1). */
const RUNS = Math.max(1, Number(process.env.BENCH_START_RUNS ?? (QUICK ? 1 : 5)));

async function startStop(dataDir: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<StartRun> {
  const s = await startMain(dataDir);
  let exit: Exited;
  if (signal === 'SIGKILL') {
    const at = performance.now();
    s.child.kill('SIGKILL');
    await new Promise((resolve) => s.child.once('exit', resolve));
    exit = { code: null, signal: 'SIGKILL', ms: performance.now() - at, forced: true };
  } else exit = await terminate(s.child);
  return { readyMs: s.readyMs, healthzMs: s.healthzMs, cpuMs: s.cpuMs, selfReportedMs: s.selfReported(), exit };
}

function medianRun(runs: StartRun[]): StartRun {
  const sorted = [...runs].sort((a, b) => a.healthzMs - b.healthzMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as StartRun;
}

/**
 * First starts (migrate, seed, demo users) on fresh data dirs, then restarts on the same data dir
 * (alternately after SIGTERM and after SIGKILL: a crash), then a last restart: warm-up, RSS, SIGTERM.
 */
export async function benchColdStart(): Promise<ColdStart> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-bench-'));
  try {
    const firstRuns: StartRun[] = [await startStop(dataDir, 'SIGTERM')];
    for (let i = 1; i < RUNS; i++) {
      const fresh = await mkdtemp(path.join(os.tmpdir(), 'percorsi-bench-'));
      try {
        firstRuns.push(await startStop(fresh, 'SIGTERM'));
      } finally {
        await rm(fresh, { recursive: true, force: true });
      }
    }
    const restartRuns: StartRun[] = [];
    for (let i = 1; i < RUNS; i++) restartRuns.push(await startStop(dataDir, i % 2 ? 'SIGKILL' : 'SIGTERM'));

    const two = await startMain(dataDir);
    try {
      const logins = JSON.parse(await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Parameters<
        typeof warmUpWithLogins
      >[1];
      const warm = await warmUpWithLogins(two.baseUrl, logins);
      const meta = await runLoad({ baseUrl: two.baseUrl, path: '/api/v1/meta', connections: 10, amount: 2000 });
      const memory = memoryOf(two.child.pid ?? -1);
      const openLoop = await underUsers(two.baseUrl, two.child.pid ?? -1, warm.cookies);
      const exit = await terminate(two.child);
      restartRuns.push({
        readyMs: two.readyMs,
        healthzMs: two.healthzMs,
        cpuMs: two.cpuMs,
        selfReportedMs: two.selfReported(),
        exit,
      });
      return {
        first: medianRun(firstRuns),
        restart: medianRun(restartRuns),
        firstRuns,
        restartRuns,
        skipWebBuild: SKIP_WEB_BUILD,
        warmUp: {
          metaRequests: meta.ok + meta.non2xx,
          metaNon2xx: meta.non2xx,
          logins: warm.logins,
          reads: warm.reads,
        },
        ...memory,
        openLoop,
      };
    } finally {
      if (two.child.exitCode === null && two.child.signalCode === null) await terminate(two.child, 2000);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
