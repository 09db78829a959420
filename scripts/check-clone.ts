// Proves that the repository stands alone: clones HEAD into a fresh temporary folder with no
// sibling folders, installs there, runs `npm start` (the README's two commands) on a free port
// with its own data directory, waits for the health endpoints, signs in as a demo user and reads
// the network (from the data kept in the repository) through the API and the page, then stops it.
// Run by .ci/run; about 1–3 minutes (install from npm's cache, first UI build, demo seed).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInHttp } from '../bench/sign-in.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 150_000;

function step(text: string, since: number): void {
  console.log(`  ${text} (${((performance.now() - since) / 1000).toFixed(1)} s)`);
}

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

async function status(url: string): Promise<number> {
  return fetch(url).then(
    (r) => r.status,
    () => 0,
  );
}

/** Stops `npm start` and everything it started (npm runs sh, which runs tsx, which runs node). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

const began = performance.now();
const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const parent = await mkdtemp(path.join(os.tmpdir(), 'percorsi-clone-'));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-clone-data-'));
const repo = path.join(parent, 'percorsi');
let child: ChildProcess | null = null;
const tail: string[] = [];
try {
  execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, repo], { stdio: 'inherit' });
  execFileSync('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', head], {
    cwd: repo,
    stdio: 'inherit',
  });
  step(`cloned ${head.slice(0, 12)} into ${repo} (alone in its folder)`, began);

  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  step('npm install', began);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PERCORSI_DATA_DIR: dataDir };
  for (const name of [
    'DATABASE_URL',
    'APP_DATABASE_URL',
    'PERCORSI_DEMO',
    'PERCORSI_MASTER_KEY',
    'PERCORSI_NETWORK_DATA',
    'PERCORSI_SKIP_WEB_BUILD',
    'PERCORSI_SMTP_URL',
  ])
    delete env[name];
  child = spawn('npm', ['start'], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) tail.push(line.slice(0, 300));
    tail.splice(0, Math.max(0, tail.length - 30));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const base = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  while ((await status(`${base}/readyz`)) !== 200) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    if (performance.now() - startedAt > START_TIMEOUT_MS) throw new Error('npm start: not ready in time');
    await new Promise((r) => setTimeout(r, 250));
  }
  if ((await status(`${base}/api/v1/meta`)) !== 200) throw new Error('GET /api/v1/meta did not answer 200');
  step('npm start: /readyz and /api/v1/meta answer', began);

  type Login = { username: string; password: string; totpSecret: string; role: string };
  const logins = JSON.parse(await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Login[];
  const admin = logins.find((l) => l.role === 'platform_admin') ?? logins[0];
  if (!admin) throw new Error('no demo login written');
  const cookie = await signInHttp(base, admin);
  const networks = await fetch(`${base}/api/v1/networks`, { headers: { cookie } });
  const body = (await networks.json()) as { items?: { id: string }[] };
  const ids = (body.items ?? []).map((n) => n.id);
  if (networks.status !== 200 || ids.length !== 8 || !ids.includes('pavia'))
    throw new Error(`GET /api/v1/networks: ${networks.status}, networks ${ids.join(', ')}`);
  const page = await fetch(`${base}/reti`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('id="root"')) throw new Error(`GET /reti: ${page.status}, not the UI`);
  step(`signed in as ${admin.username}: 8 networks (${ids.join(', ')}), the /reti page is served`, began);
} catch (error) {
  if (tail.length) console.error(`last lines of npm start:\n${tail.join('\n')}`);
  throw error;
} finally {
  if (child) await stop(child);
  await rm(parent, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
step('stopped; a clone of the repository alone installs and starts', began);
