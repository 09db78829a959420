// Two app nodes (issue 11, item 8): two server processes on one PostgreSQL database behind HAProxy
// (round robin; each answer says which node served it). Signs in through the proxy (the password
// step on one node, the second factor on the other), then works through both: reads with the
// session, a write with its CSRF token (a case with her identity) read back on the other node, the
// CSRF token refused when wrong, the per-user rate limit counted across nodes, sign-out on one node
// ending the session on both. Then checks that each background job ran once across the two nodes
// (job_runs: one run each, although both nodes tried), and that both nodes served requests.
// Prints "two-node checks: N passed".
//   npx tsx scripts/proof/two-nodes.ts   (PERCORSI_TEST_PG, default the local server; haproxy on PATH)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { sealSecret } from '../../src/server/auth/secrets.ts';
import { JOB_PERIODS } from '../../src/server/jobs/schedule.ts';
import { newTotpSecret, totpCode } from '../../src/server/auth/totp.ts';
import { loadConfig } from '../../src/server/config.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { loadNetworkData, seedNetwork } from '../../src/server/network/seed-network.ts';
import { createAccount } from '../../src/server/users/create-account.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const ADMIN = process.env.PERCORSI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

let passed = 0;
const failures: string[] = [];
function check(ok: boolean, what: string) {
  if (ok) passed++;
  else failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

const children: ChildProcess[] = [];
const name = `percorsi_2n_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(ADMIN);
url.pathname = `/${name}`;
const dataDir = await mkdtemp(path.join(tmpdir(), 'percorsi-2n-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: url.toString(),
  PERCORSI_DEMO: 'off',
  PERCORSI_MASTER_KEY: randomBytes(32).toString('base64'),
  PERCORSI_SKIP_WEB_BUILD: '1',
  PERCORSI_DATA_DIR: dataDir,
  // the proxy is the one hop in front of each node
  PERCORSI_TRUST_PROXY: '1',
  // every job due once in this run: both nodes try each job at start, one of them runs it
  PERCORSI_JOBS_EVERY_MS: String(10 * 60_000),
  // the outbox job runs too (nothing queued: it claims nothing and connects nowhere)
  PERCORSI_SMTP_URL: 'smtp://127.0.0.1:9',
  PERCORSI_RATE_LIMIT_USER: '40',
  LOG_LEVEL: 'warn',
};
const config = loadConfig(env);

try {
  // ---- the database and one operator ----------------------------------------------------------
  const db = await openDatabase(config);
  await migrate(db.owner);
  await seedNetwork(db.owner, await loadNetworkData());
  const centre = (
    await db.owner
      .insertInto('organisations')
      .values({ name: 'Centro due nodi', type: 'cav' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const id = randomUUID();
  const operator = {
    username: `duenodi${randomBytes(3).toString('hex')}`,
    password: `Prova-${randomBytes(9).toString('base64url')}`,
    totpSecret: newTotpSecret(),
  };
  await createAccount(db.owner, {
    id,
    organisationId: centre,
    username: operator.username,
    displayName: 'Operatrice due nodi',
    email: null,
    passwordHash: await hashPassword(operator.password),
    sealedTotpSecret: sealSecret(config.masterKey, operator.totpSecret, id),
    roles: ['centre_operator'],
  });
  await db.close();

  // ---- two nodes and the proxy ----------------------------------------------------------------
  const nodes = [
    { id: 'node-a', port: await freePort() },
    { id: 'node-b', port: await freePort() },
  ];
  const started = performance.now();
  for (const n of nodes) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { ...env, PORT: String(n.port), PERCORSI_NODE_ID: n.id },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  }
  for (const n of nodes) {
    for (;;) {
      if (children.some((c) => c.exitCode !== null)) throw new Error('a node exited while starting');
      const r = await fetch(`http://127.0.0.1:${n.port}/readyz`, { signal: AbortSignal.timeout(1000) }).catch(
        () => null,
      );
      if (r?.status === 200) break;
      await sleep(100);
    }
  }
  const proxyPort = await freePort();
  const cfg = path.join(dataDir, 'haproxy.cfg');
  await writeFile(
    cfg,
    `global
  maxconn 256
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend percorsi
  bind 127.0.0.1:${proxyPort}
  option forwardfor
  default_backend nodes
backend nodes
  balance roundrobin
  http-response set-header X-Served-By %s
${nodes.map((n) => `  server ${n.id} 127.0.0.1:${n.port} check inter 1s`).join('\n')}
`,
  );
  const proxy = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(proxy);
  const base = `http://127.0.0.1:${proxyPort}`;
  for (let i = 0; ; i++) {
    const r = await fetch(`${base}/readyz`).catch(() => null);
    if (r?.status === 200) break;
    if (i > 100 || proxy.exitCode !== null) throw new Error('haproxy did not start');
    await sleep(100);
  }
  console.log(`two nodes and the proxy ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const served = new Set<string>();
  const via = async (method: string, p: string, o: { cookie?: string; csrf?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (o.cookie) headers.cookie = o.cookie;
    if (o.csrf) headers['x-csrf-token'] = o.csrf;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${p}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const node = res.headers.get('x-served-by') ?? '?';
    served.add(node);
    const text = await res.text();
    return { status: res.status, node, res, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  const cookieOf = (res: Response, n: string) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${n}=`))
      ?.split(';')[0] ?? '';

  // ---- sign in across the nodes ---------------------------------------------------------------
  const login = await via('POST', '/api/v1/auth/login', {
    body: { username: operator.username, password: operator.password },
  });
  check(login.status === 200, `password step answered 200 by ${login.node}`);
  const totp = await via('POST', '/api/v1/auth/totp', {
    cookie: cookieOf(login.res, '__Host-percorsi_pre'),
    body: { code: totpCode(operator.totpSecret) },
  });
  check(totp.status === 200 && totp.node !== login.node, `second factor on the other node (${totp.node}) answered 200`);
  const cookie = cookieOf(totp.res, '__Host-percorsi_session');
  const csrf = String(totp.body?.csrfToken ?? '');

  // ---- the session and CSRF token work on both nodes ------------------------------------------
  const reads = [await via('GET', '/api/v1/auth/csrf', { cookie }), await via('GET', '/api/v1/auth/csrf', { cookie })];
  check(
    reads.every((r) => r.status === 200) && new Set(reads.map((r) => r.node)).size === 2,
    'the session reads on both nodes',
  );
  const today = new Date().toISOString().slice(0, 10);
  const created = await via('POST', '/api/v1/cases', {
    cookie,
    csrf,
    body: { takenInChargeOn: today, ageBand: '30_39', identity: { firstName: 'Lucia', lastName: 'Duenodi' } },
  });
  check(created.status === 201, `a case with her identity written through ${created.node}`);
  const caseId = String(created.body?.id ?? '');
  const back = [
    await via('GET', `/api/v1/cases/${caseId}`, { cookie }),
    await via('GET', `/api/v1/cases/${caseId}`, { cookie }),
  ];
  check(
    back.every((r) => r.status === 200 && r.body?.id === caseId) && new Set(back.map((r) => r.node)).size === 2,
    'the case reads back on both nodes',
  );
  const forged = [
    await via('POST', '/api/v1/cases', {
      cookie,
      csrf: 'x'.repeat(43),
      body: { takenInChargeOn: today, ageBand: '30_39', identity: { firstName: 'A', lastName: 'B' } },
    }),
    await via('POST', '/api/v1/cases', {
      cookie,
      csrf: 'x'.repeat(43),
      body: { takenInChargeOn: today, ageBand: '30_39', identity: { firstName: 'A', lastName: 'B' } },
    }),
  ];
  check(
    forged.every((r) => r.status === 403),
    'a wrong CSRF token is refused on both nodes',
  );

  // ---- sign-out on one node ends the session on both --------------------------------------------
  const out = await via('POST', '/api/v1/auth/logout', { cookie, csrf });
  check(out.status === 204 || out.status === 200, `signed out through ${out.node}`);
  const after = [await via('GET', '/api/v1/auth/csrf', { cookie }), await via('GET', '/api/v1/auth/csrf', { cookie })];
  check(
    after.every((r) => r.status === 401),
    'the session is over on both nodes',
  );
  check(served.has('node-a') && served.has('node-b'), 'both nodes served requests through the proxy');

  // ---- the rate limit is one bucket across nodes (40 a minute for this user) --------------------
  const again = await via('POST', '/api/v1/auth/login', {
    body: { username: operator.username, password: operator.password },
  });
  await sleep(1000 * (30 - (Math.floor(Date.now() / 1000) % 30)) + 200); // a fresh TOTP step (a code counts once)
  const totp2 = await via('POST', '/api/v1/auth/totp', {
    cookie: cookieOf(again.res, '__Host-percorsi_pre'),
    body: { code: totpCode(operator.totpSecret) },
  });
  const cookie2 = cookieOf(totp2.res, '__Host-percorsi_session');
  check(totp2.status === 200, 'signed in again');
  const statuses: number[] = [];
  for (let i = 0; i < 45; i++) statuses.push((await via('GET', '/api/v1/auth/csrf', { cookie: cookie2 })).status);
  const allowed = statuses.filter((s) => s === 200).length;
  // 40 in all, minus what this user already spent above
  check(allowed < 40 && statuses.at(-1) === 429, `the user's rate limit counts across nodes (${allowed} of 45 passed)`);

  // ---- each background job ran once across the nodes --------------------------------------------
  const db2 = await openDatabase(config);
  const jobs = await sql<{ job: string; runs: string; last_node: string; last_ok: boolean }>`
    SELECT job, runs::text, last_node, last_ok FROM job_runs ORDER BY job`.execute(db2.owner);
  await db2.close();
  // every job of the schedule (a job added later is checked without editing this script)
  const expected = Object.keys(JOB_PERIODS).sort();
  check(
    JSON.stringify(jobs.rows.map((j) => j.job).sort()) === JSON.stringify(expected),
    `every job has its row: ${jobs.rows.map((j) => j.job).join(', ')}`,
  );
  for (const j of jobs.rows) {
    check(j.runs === '1' && j.last_ok && /^node-[ab]$/.test(j.last_node), `${j.job} ran once, on ${j.last_node}`);
  }
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await sleep(1500);
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`two-node checks: ${passed} passed${failures.length ? `, ${failures.length} FAILED` : ''}`);
if (failures.length) process.exit(1);
