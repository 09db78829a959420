/**
 * Global setup of the browser tests:
 * - builds the UI when dist/web/index.html is missing (or E2E_REBUILD=1);
 * - starts the real server (node --import tsx src/server/main.ts: one process, no wrappers) in demo mode on a free port, with a fresh
 *   temporary PERCORSI_DATA_DIR, and waits for /readyz;
 * - reads <dataDir>/demo-logins.json;
 * - starts one Chromium (Playwright browser server) shared by all the test files;
 * - provides { baseUrl, wsEndpoint, stateDir, logins } to the tests (inject('e2e')).
 * The teardown closes the browser and stops the server (its whole process group).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import type { DemoLogin, E2EContext } from './context.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The environment of the child processes, without what vitest sets for its own workers. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // vitest sets NODE_ENV=test: Vite would then build React in development mode (StrictMode
  // double effects, dev warnings) and the server would not run as in production.
  delete env.NODE_ENV;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: childEnv() });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function tail(file: string, lines = 40): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Stops the server and everything it spawned (npx → tsx → node): it runs in its own process group. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timeout = sleep(10_000).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signal('SIGKILL');
    await exited;
  }
  // the node grandchild may outlive the npx wrapper by a moment
  await sleep(200);
  signal('SIGKILL');
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const log = (msg: string) => console.log(`[e2e] ${msg} (+${((Date.now() - started) / 1000).toFixed(1)}s)`);

  if (process.env.E2E_REBUILD === '1' || !existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    log('building the UI (npx vite build --config src/web/vite.config.ts)');
    await run('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts']);
    log('UI built');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set E2E_CHROMIUM)`);
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-e2e-'));
  const stateDir = path.join(dataDir, 'e2e-state');
  await mkdir(stateDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const logFile = path.join(dataDir, 'server.log');
  const logStream = createWriteStream(logFile);

  const env = childEnv({
    PERCORSI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PERCORSI_PUBLIC_URL: baseUrl,
    PERCORSI_SKIP_WEB_BUILD: '1',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  });
  // Demo mode is the default without DATABASE_URL: the embedded PGlite database in dataDir.
  delete env.DATABASE_URL;
  delete env.APP_DATABASE_URL;
  delete env.PERCORSI_DEMO;
  delete env.PERCORSI_MASTER_KEY;

  log(`starting the server on ${baseUrl} (data in ${dataDir})`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    detached: true, // own process group, so the teardown can stop npx, tsx and node together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(logStream, { end: false });
  server.stderr?.pipe(logStream, { end: false });
  let exitInfo: string | null = null;
  server.on('exit', (code, sig) => {
    exitInfo = `exited with code ${code} signal ${sig}`;
  });

  // Chromium starts while the server seeds its database.
  const browserStart = chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  browserStart.catch(() => undefined);
  let browser: BrowserServer | null = null;
  const teardown = async () => {
    browser = browser ?? (await browserStart.catch(() => null));
    await browser?.close().catch(() => undefined);
    await stopServer(server);
    logStream.end();
    if (process.env.E2E_KEEP_DATA === '1') console.log(`[e2e] data and server log kept in ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  };

  try {
    // A first start seeds the whole demo: about a minute on a quiet machine, several when it is loaded.
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (exitInfo) throw new Error(`server ${exitInfo}`);
      if (Date.now() > deadline) throw new Error('server not ready after 300 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    log('server ready');

    const logins = JSON.parse(await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
    if (!Array.isArray(logins) || logins.length === 0) throw new Error('demo-logins.json is empty');

    browser = await browserStart;
    log(`chromium ${browser.process().pid ? CHROMIUM : '?'} ready`);

    const ctx: E2EContext = { baseUrl, wsEndpoint: browser.wsEndpoint(), stateDir, logins };
    project.provide('e2e', ctx);
  } catch (err) {
    console.error(`[e2e] setup failed: ${(err as Error).message}\n--- server log (tail) ---\n${await tail(logFile)}`);
    await teardown();
    throw err;
  }

  return teardown;
}
