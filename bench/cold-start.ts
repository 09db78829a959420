import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Exited, ROOT, terminate } from './child.ts';
import { runLoad } from './load.ts';
import { cpuMsOf, memoryOf } from './proc.ts';
import { warmUpWithLogins } from './warm-up.ts';

export interface StartRun {
  /** spawn → first 200 on /readyz, as seen from outside */
  readyMs: number;
  /** what the app logs itself in 'Percorsi is ready' (from its first line of code) */
  selfReportedMs: number | null;
  /** CPU time (all threads) the process had used when /readyz first answered: robust to a busy machine */
  cpuMs: number;
  exit: Exited;
}

export interface ColdStart {
  first: StartRun;
  restart: StartRun;
  skipWebBuild: boolean;
  warmUp: { metaRequests: number; metaNon2xx: number; logins: number; reads: number };
  rssMb: number;
  peakRssMb: number;
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
  cpuMs: number;
  selfReported: () => number | null;
}

/** Spawns `node --import tsx src/server/main.ts` on the embedded database and waits for /readyz. */
async function startMain(dataDir: string, timeoutMs = 60_000): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PERCORSI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  for (const name of ['DATABASE_URL', 'APP_DATABASE_URL', 'PERCORSI_DEMO', 'PERCORSI_MASTER_KEY', 'LOG_LEVEL'])
    delete env[name];
  env.PERCORSI_TRUST_PROXY = '1'; // only so that the warm-up can spread over client addresses (load.ts)
  if (SKIP_WEB_BUILD) env.PERCORSI_SKIP_WEB_BUILD = '1';
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
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
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`main.ts exited with ${child.exitCode}:\n${tail.join('\n')}`);
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      const readyMs = performance.now() - started;
      return { child, baseUrl, readyMs, cpuMs: cpuMsOf(child.pid ?? -1), selfReported: () => selfReported };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await terminate(child, 2000);
  throw new Error(`main.ts was not ready within ${timeoutMs} ms:\n${tail.join('\n')}`);
}

/** First start (migrate, seed, demo users), then a restart on the same data dir, warm-up, RSS, SIGTERM. */
export async function benchColdStart(): Promise<ColdStart> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-bench-'));
  try {
    const one = await startMain(dataDir);
    const firstExit = await terminate(one.child);
    const first = { readyMs: one.readyMs, cpuMs: one.cpuMs, selfReportedMs: one.selfReported(), exit: firstExit };

    const two = await startMain(dataDir);
    try {
      const logins = JSON.parse(await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Parameters<
        typeof warmUpWithLogins
      >[1];
      const warm = await warmUpWithLogins(two.baseUrl, logins);
      const meta = await runLoad({ baseUrl: two.baseUrl, path: '/api/v1/meta', connections: 10, amount: 2000 });
      const memory = memoryOf(two.child.pid ?? -1);
      const exit = await terminate(two.child);
      return {
        first,
        restart: { readyMs: two.readyMs, cpuMs: two.cpuMs, selfReportedMs: two.selfReported(), exit },
        skipWebBuild: SKIP_WEB_BUILD,
        warmUp: { metaRequests: meta.ok + meta.non2xx, metaNon2xx: meta.non2xx, ...warm },
        ...memory,
      };
    } finally {
      if (two.child.exitCode === null && two.child.signalCode === null) await terminate(two.child, 2000);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
