// Soak (issue 11, item 10): the real server (src/server/main.ts, as deployed: jobs, audit chainer,
// rate limits on) on a fresh real PostgreSQL database with the demo's data, under twice the
// expected peak of a metropolitan deployment for SOAK_MINUTES (10), with many simulated operators
// who think between clicks. Reports per minute: requests, errors, p50/p99; per endpoint: the same
// over the run; the server's RSS and the database's connections over time; and whether memory grows.
//
//   npm run soak                       # 10 minutes, 1000 operators (2 × the peak, see bench/README.md)
//   SOAK_MINUTES=1 SOAK_USERS=300 npm run soak
//
// Figures, not assertions: it fails (exit 1) only when a request errs (5xx, 429, an unexpected 4xx,
// no answer) or the audit chain does not verify afterwards. Not part of `npm test`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { verifyAuditChain } from '../src/server/audit/verify.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { sealSecret } from '../src/server/auth/secrets.ts';
import { newToken, sha256 } from '../src/server/auth/tokens.ts';
import { newTotpSecret } from '../src/server/auth/totp.ts';
import { openPostgres } from '../src/server/db/database.ts';
import { call, type Session, signInOver } from '../scripts/proof/client.ts';
import { ROOT } from './child.ts';
import { percentile } from './harness/stats.ts';
import { ADMIN_URL } from './pg-setup.ts';
import { memoryOf } from './proc.ts';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const USERS = Number(process.env.SOAK_USERS ?? 1000);
const THINK_MIN_MS = Number(process.env.SOAK_THINK_MIN_MS ?? 5_000);
const THINK_MAX_MS = Number(process.env.SOAK_THINK_MAX_MS ?? 25_000);
/** Share of the simulated operators at a centre; the others receive referrals (CPIs, services). */
const CENTRE_SHARE = 0.6;
const SAMPLE_MS = 5_000;
const RESTART = process.env.SOAK_RESTART !== '0';
const say = (text: string) => console.log(`[soak] ${text}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the database and the server ---------------------------------------------------------------
const loadAtStart = os.loadavg();
const dbName = `percorsi_soak_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const ownerUrl = new URL(ADMIN_URL);
ownerUrl.pathname = `/${dbName}`;
const appUrl = new URL(ownerUrl);
appUrl.username = 'percorsi_app';
appUrl.password = '';
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'percorsi-soak-'));
const masterKey = randomBytes(32);
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

let server: ChildProcess | null = null;
let base = '';
async function start(): Promise<number> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const began = performance.now();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: ownerUrl.toString(),
      PERCORSI_DEMO: 'on',
      PERCORSI_DATA_DIR: dataDir,
      PERCORSI_MASTER_KEY: masterKey.toString('base64'),
      PERCORSI_SKIP_WEB_BUILD: '1',
      // each office's operators come through one address (X-Forwarded-For, as behind the proxy)
      PERCORSI_TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) return (performance.now() - began) / 1000;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
}
async function stop(): Promise<void> {
  const s = server;
  if (!s || s.exitCode !== null) return;
  const gone = new Promise((r) => s.once('exit', r));
  s.kill('SIGTERM');
  await gone;
  server = null;
}

const cleanUp = async () => {
  await stop().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
};

// ---- the people: operators at the demo's centres, referents where its referrals went -----------
interface Operator {
  index: number;
  kind: 'centre' | 'recipient';
  organisationId: string;
  address: string;
  username: string;
  totpSecret: string;
  session: Session;
  /** the cases (centre) or referrals (recipient) this operator works on: none shared with another */
  own: string[];
  lastSignIn: number;
}

const password = `Soak-${randomBytes(9).toString('base64url')}`;
const mine = (ids: string[], colleagues: number, slot: number) => {
  const split = ids.filter((_, k) => k % colleagues === slot);
  return split.length ? split : ids;
};
async function prepare(): Promise<Operator[]> {
  // the demo is seeded by a first start; the measured server is a second, fresh process (SOAK_RESTART=0:
  // the same one, for a short run, whose RSS then includes what seeding left)
  say(`seeding the demo on ${dbName} (first start)…`);
  const seeded = await start();
  if (RESTART) await stop();
  say(`demo seeded in ${seeded.toFixed(1)} s`);
  const owner = new pg.Client({ connectionString: ownerUrl.toString() });
  await owner.connect();
  try {
    const centres = (
      await owner.query<{ organisation_id: string; ids: string[] }>(
        // her own cases are those with a plan to save (goals), so that every save is a real one
        `SELECT c.organisation_id, array_agg(c.id ORDER BY c.id) AS ids FROM cases c
         WHERE c.status = 'open' AND EXISTS (SELECT 1 FROM plan_goals g WHERE g.case_id = c.id) GROUP BY 1 ORDER BY 1`,
      )
    ).rows;
    const recipients = (
      await owner.query<{ organisation_id: string; type: string; ids: string[] }>(
        `SELECT r.recipient_organisation_id AS organisation_id, o.type, array_agg(r.id ORDER BY r.id) AS ids
         FROM referrals r JOIN organisations o ON o.id = r.recipient_organisation_id
         WHERE r.status IN ('sent', 'accepted', 'in_progress') AND o.type <> 'company' GROUP BY 1, 2 ORDER BY 1`,
      )
    ).rows;
    if (!centres.length || !recipients.length) throw new Error('the demo has no open cases or open referrals');
    const hash = await hashPassword(password);
    const people: Operator[] = [];
    const centreCount = Math.max(centres.length, Math.round(USERS * CENTRE_SHARE));
    for (let i = 0; i < USERS; i++) {
      const isCentre = i < centreCount;
      const group = isCentre ? centres : recipients;
      const j = isCentre ? i : i - centreCount;
      const org = group[j % group.length] as { organisation_id: string; ids: string[] };
      const colleagues = Math.ceil((isCentre ? centreCount : USERS - centreCount) / group.length);
      const slot = Math.floor(j / group.length);
      const orgIndex = (isCentre ? 0 : centres.length) + (j % group.length);
      people.push({
        index: i,
        kind: isCentre ? 'centre' : 'recipient',
        organisationId: org.organisation_id,
        address: `10.77.${(orgIndex >> 8) & 255}.${orgIndex & 255}`,
        username: `soak${String(i).padStart(4, '0')}`,
        totpSecret: newTotpSecret(),
        session: { cookie: '', csrf: '' },
        // a centre's operators split its plans (no two save the same one) while there are enough to
        // go round, then share them; an office's referents share its referrals, as colleagues do
        // (two on one plan or referral at once: a 409, counted apart)
        own: isCentre ? mine(org.ids, colleagues, slot) : org.ids,
        lastSignIn: 0,
      });
    }
    await owner.query('BEGIN');
    for (const p of people) {
      const id = randomUUID();
      const role =
        p.kind === 'centre'
          ? 'centre_operator'
          : recipients.find((r) => r.organisation_id === p.organisationId)?.type === 'employment_centre'
            ? 'cpi_referent'
            : 'service_operator';
      await owner.query(
        `INSERT INTO users (id, organisation_id, username, display_name, email, password_hash, totp_secret, totp_enrolled_at)
         VALUES ($1, $2, $3, $4, NULL, $5, $6, now())`,
        [id, p.organisationId, p.username, `Operatrice ${p.username}`, hash, sealSecret(masterKey, p.totpSecret, id)],
      );
      await owner.query('INSERT INTO user_roles (user_id, organisation_id, role) VALUES ($1, $2, $3)', [
        id,
        p.organisationId,
        role,
      ]);
      if (p.kind === 'centre') {
        // on the team of every open case of her centre (what she reads); she saves the plans of `own`
        await owner.query(
          `INSERT INTO case_team (case_id, user_id, organisation_id, role_in_case)
           SELECT c.id, $1, $2, 'operator' FROM cases c WHERE c.organisation_id = $2 AND c.status = 'open'`,
          [id, p.organisationId],
        );
      }
      // already at work: a full session each (signing in is in the mix, below)
      const token = newToken();
      const csrf = newToken();
      await owner.query(
        `INSERT INTO sessions (id_hash, user_id, organisation_id, stage, csrf_token, last_seen_at, expires_at)
         VALUES ($1, $2, $3, 'full', $4, now(), now() + interval '12 hours')`,
        [sha256(token), id, p.organisationId, csrf],
      );
      p.session = { cookie: `__Host-percorsi_session=${token}`, csrf };
    }
    await owner.query('COMMIT');
    say(
      `${people.length} operators: ${centreCount} at ${centres.length} centres, ${people.length - centreCount} at ${recipients.length} recipients`,
    );
    return people;
  } finally {
    await owner.end();
  }
}

// ---- what an operator does -----------------------------------------------------------------------
type Endpoint =
  | 'sign_in'
  | 'case_list'
  | 'case_page'
  | 'plan_read'
  | 'plan_save'
  | 'referrals_outbox'
  | 'referrals_inbox'
  | 'referral_page'
  | 'referral_transition'
  | 'notifications';
const CENTRE_MIX: Array<[Endpoint, number]> = [
  ['case_list', 20],
  ['case_page', 25],
  ['plan_read', 10],
  ['plan_save', 6],
  ['referrals_outbox', 8],
  ['notifications', 15],
  ['sign_in', 1],
];
const RECIPIENT_MIX: Array<[Endpoint, number]> = [
  ['referrals_inbox', 30],
  ['referral_page', 25],
  ['referral_transition', 8],
  ['notifications', 15],
  ['sign_in', 1],
];
const pickFrom = (mix: Array<[Endpoint, number]>): Endpoint => {
  const total = mix.reduce((a, [, w]) => a + w, 0);
  let u = Math.random() * total;
  for (const [e, w] of mix) {
    u -= w;
    if (u < 0) return e;
  }
  return mix[0]?.[0] ?? 'notifications';
};
const any = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

interface Sample {
  at: number;
  endpoint: Endpoint;
  ms: number;
  status: number;
}
const samples: Sample[] = [];
const failures: string[] = [];
let conflicts = 0;
let began = 0;

async function timed(endpoint: Endpoint, expected: number[], work: () => Promise<{ status: number; text?: string }>) {
  const at = performance.now();
  let status = 0;
  let text = '';
  try {
    const r = await work();
    status = r.status;
    text = r.text ?? '';
  } catch (error) {
    text = (error as Error).message;
  }
  samples.push({ at: at - began, endpoint, ms: performance.now() - at, status });
  if (status === 409) conflicts++;
  else if (!expected.includes(status) && failures.length < 200)
    failures.push(`${endpoint}: ${status} ${text.slice(0, 160)}`);
  return status;
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function act(p: Operator, endpoint: Endpoint): Promise<void> {
  const headers = { 'x-forwarded-for': p.address };
  const get = (url: string) => call(base, 'GET', url, { session: p.session, headers });
  switch (endpoint) {
    case 'sign_in': {
      // a TOTP code works once per 30 s step: a second sign-in that soon is a click elsewhere
      if (Date.now() - p.lastSignIn < 31_000) return act(p, 'notifications');
      p.lastSignIn = Date.now();
      await timed('sign_in', [200], async () => {
        const signed = await signInOver(base, { username: p.username, password, totpSecret: p.totpSecret }, headers);
        p.session = signed;
        return { status: 200 };
      });
      return;
    }
    case 'case_list':
      await timed(endpoint, [200], () => get('/api/v1/cases?status=open&limit=50'));
      return;
    case 'case_page':
      await timed(endpoint, [200], () => get(`/api/v1/cases/${any(p.own)}`));
      return;
    case 'plan_read':
      await timed(endpoint, [200], () => get(`/api/v1/cases/${any(p.own)}/plan`));
      return;
    case 'plan_save': {
      // what the plan tab does: read the plan, change an action's note, save it with If-Match
      const caseId = any(p.own);
      const read = await get(`/api/v1/cases/${caseId}/plan`);
      if (read.status !== 200) {
        failures.push(`plan read before save: ${read.status}`);
        return;
      }
      const plan = read.body as {
        version: number;
        secondLanguage: string | null;
        goals: Array<{
          id: string;
          domain: string;
          title: string;
          status: string;
          targetOn: string | null;
          actions: Array<Record<string, unknown>>;
        }>;
      };
      const note = `Sentita il ${today()}: aggiornamento ${randomBytes(3).toString('hex')}`;
      const goals = plan.goals.map((g, gi) => ({
        id: g.id,
        domain: g.domain,
        title: g.title,
        status: g.status,
        targetOn: g.targetOn,
        actions: g.actions.map((a, ai) => ({
          id: a.id,
          catalogueCode: a.catalogueCode,
          responsibleOrganisationId: a.responsibleOrganisationId,
          operatorUserId: a.operatorUserId,
          startsOn: a.startsOn,
          dueOn: a.dueOn,
          status: a.status,
          notes: gi === 0 && ai === 0 ? note : a.notes,
        })),
      }));
      await timed(endpoint, [200], () =>
        call(base, 'PUT', `/api/v1/cases/${caseId}/plan`, {
          session: p.session,
          headers: { ...headers, 'if-match': `"${plan.version}"` },
          body: { secondLanguage: plan.secondLanguage, goals },
        }),
      );
      return;
    }
    case 'referrals_outbox':
      await timed(endpoint, [200], () => get('/api/v1/referrals?box=outbox&limit=50'));
      return;
    case 'referrals_inbox':
      await timed(endpoint, [200], () => get('/api/v1/referrals?box=inbox&limit=50'));
      return;
    case 'referral_page':
      if (!p.own.length) return act(p, 'referrals_inbox');
      await timed(endpoint, [200], () => get(`/api/v1/referrals/${any(p.own)}`));
      return;
    case 'referral_transition': {
      // open it, then accept it (sent) or book the next appointment (accepted, in progress)
      if (!p.own.length) return act(p, 'referrals_inbox');
      const id = any(p.own);
      const read = await get(`/api/v1/referrals/${id}`);
      const r = read.body as { status?: string; version?: number } | null;
      if (read.status !== 200 || !r?.status) {
        failures.push(`referral read before transition: ${read.status}`);
        return;
      }
      if (!['sent', 'accepted', 'in_progress'].includes(r.status)) {
        p.own = p.own.filter((x) => x !== id); // ended meanwhile (the sweep): not hers to move any more
        return act(p, 'referrals_inbox');
      }
      const body =
        r.status === 'sent'
          ? { action: 'accept' }
          : { action: 'book', appointmentOn: inDays(1 + Math.floor(Math.random() * 20)) };
      await timed(endpoint, [200], () =>
        call(base, 'POST', `/api/v1/referrals/${id}/transitions`, {
          session: p.session,
          headers: { ...headers, 'if-match': `"${r.version}"` },
          body,
        }),
      );
      return;
    }
    case 'notifications':
      await timed(endpoint, [200], () => get('/api/v1/notifications?limit=20'));
      return;
  }
}

async function operator(p: Operator, deadline: number): Promise<void> {
  // the first clicks spread over one think time, as people already at work
  await sleep(Math.random() * THINK_MAX_MS);
  while (performance.now() < deadline) {
    const endpoint = pickFrom(p.kind === 'centre' ? CENTRE_MIX : RECIPIENT_MIX);
    const at = performance.now();
    try {
      await act(p, endpoint);
    } catch (error) {
      // a read before a write that got no answer (timed() records its own): an error of that step
      samples.push({ at: at - began, endpoint, ms: performance.now() - at, status: 0 });
      if (failures.length < 200) failures.push(`${endpoint}: ${(error as Error).message}`);
    }
    const think = THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS);
    if (performance.now() + think >= deadline) return;
    await sleep(think);
  }
}

// ---- the run ------------------------------------------------------------------------------------------
interface Probe {
  at: number;
  rssMb: number;
  connections: number;
  active: number;
  idleInTransaction: number;
}
const probes: Probe[] = [];
let ok = false;
try {
  const people = await prepare();
  const restart = RESTART ? await start() : 0;
  const pid = (server as ChildProcess | null)?.pid ?? -1;
  say(`server up in ${restart.toFixed(1)} s (pid ${pid}); ${USERS} operators for ${MINUTES} min…`);
  const probeClient = new pg.Client({ connectionString: ADMIN_URL });
  await probeClient.connect();
  began = performance.now();
  const deadline = began + MINUTES * 60_000;
  let probing = true;
  const probe = async () => {
    const c = await probeClient.query<{ state: string | null; n: string }>(
      `SELECT state, count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY 1`,
      [dbName],
    );
    const by = (s: string) => Number(c.rows.find((r) => r.state === s)?.n ?? 0);
    probes.push({
      at: performance.now() - began,
      rssMb: memoryOf(pid).rssMb,
      connections: c.rows.reduce((a, r) => a + Number(r.n), 0),
      active: by('active'),
      idleInTransaction: by('idle in transaction'),
    });
  };
  const prober = (async () => {
    while (probing) {
      await probe().catch(() => undefined);
      await sleep(SAMPLE_MS);
    }
  })();
  const minuteTimer = setInterval(() => {
    const minute = Math.round((performance.now() - began) / 60_000);
    const last = samples.filter((s) => s.at >= (minute - 1) * 60_000 && s.at < minute * 60_000);
    say(
      `minute ${minute}: ${last.length} requests, ${failures.length} errors so far, RSS ${probes.at(-1)?.rssMb.toFixed(0)} MB`,
    );
  }, 60_000);
  await Promise.all(people.map((p) => operator(p, deadline)));
  clearInterval(minuteTimer);
  probing = false;
  await prober;
  await probeClient.end();
  const seconds = (performance.now() - began) / 1000;
  await stop();

  // ---- the audit chain after the run
  const db = openPostgres(ownerUrl.toString(), appUrl.toString(), 2);
  const audit = await verifyAuditChain(db.owner, { chain: true });
  await db.close();

  // ---- figures
  const ms = (xs: Sample[]) => xs.map((s) => s.ms).sort((a, b) => a - b);
  const isError = (s: Sample) => s.status !== 200 && s.status !== 409;
  // minute m holds what started in it; the last one also the few requests started after its end
  const count = Math.max(1, Math.round(seconds / 60));
  const minuteOf = (at: number) => Math.min(count - 1, Math.floor(at / 60_000));
  const minutes = Array.from({ length: count }, (_, m) => {
    const inMinute = samples.filter((s) => minuteOf(s.at) === m);
    const sorted = ms(inMinute.filter((s) => !isError(s)));
    const pr = probes.filter((x) => minuteOf(x.at) === m);
    return {
      minute: m + 1,
      requests: inMinute.length,
      rps: inMinute.length / 60,
      errors: inMinute.filter(isError).length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      rssMb: pr.length ? Math.max(...pr.map((x) => x.rssMb)) : Number.NaN,
      connections: pr.length ? Math.max(...pr.map((x) => x.connections)) : Number.NaN,
      active: pr.length ? Math.max(...pr.map((x) => x.active)) : Number.NaN,
    };
  });
  const endpoints = [...new Set(samples.map((s) => s.endpoint))].sort().map((e) => {
    const of = samples.filter((s) => s.endpoint === e);
    const sorted = ms(of.filter((s) => !isError(s)));
    return {
      endpoint: e,
      requests: of.length,
      errors: of.filter(isError).length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  });
  const all = ms(samples.filter((s) => !isError(s)));
  const rss = probes.map((p) => p.rssMb);
  // growth: the last minute's median RSS against the second minute's (the first is the ramp)
  const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const rssIn = (m: number) => medianOf(probes.filter((x) => minuteOf(x.at) === m).map((x) => x.rssMb));
  const rssEarly = rssIn(Math.min(1, minutes.length - 1));
  const rssLate = rssIn(minutes.length - 1);
  const errors = samples.filter(isError).length;
  const result = {
    at: new Date().toISOString(),
    minutes: MINUTES,
    users: USERS,
    thinkMs: [THINK_MIN_MS, THINK_MAX_MS],
    seconds,
    machine: { cores: os.cpus().length, loadAverage: { start: loadAtStart, end: os.loadavg() } },
    requests: samples.length,
    rps: samples.length / seconds,
    errors,
    conflicts,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    rss: {
      startMb: rss[0],
      maxMb: Math.max(...rss),
      endMb: rss.at(-1),
      secondMinuteMb: rssEarly,
      lastMinuteMb: rssLate,
    },
    connectionsMax: Math.max(...probes.map((p) => p.connections)),
    idleInTransactionMax: Math.max(...probes.map((p) => p.idleInTransaction)),
    audit: { ok: audit.ok, checked: audit.checked },
    perMinute: minutes,
    perEndpoint: endpoints,
    probes,
    failures: failures.slice(0, 50),
  };
  const f = (n: number | undefined, d = 0) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(d));
  const md = [
    `# Soak ${result.at}`,
    '',
    `${USERS} operators, think ${THINK_MIN_MS / 1000}–${THINK_MAX_MS / 1000} s, ${MINUTES} min on PostgreSQL; ` +
      `${result.requests} requests (${f(result.rps, 1)}/s), errors ${errors}, conflicts (409) ${conflicts}, ` +
      `p50 ${f(result.p50, 1)} ms, p99 ${f(result.p99, 1)} ms; audit chain ${audit.ok ? 'intact' : 'BROKEN'} (${audit.checked} rows).`,
    `RSS of the server: ${f(result.rss.startMb)} MB at start, ${f(result.rss.maxMb)} MB at most, median ${f(rssEarly)} MB in minute 2 → ${f(rssLate)} MB in the last minute. ` +
      `PostgreSQL connections to the database: at most ${result.connectionsMax} (idle in transaction at most ${result.idleInTransactionMax}).`,
    `Load average (1/5/15 min) at start ${loadAtStart.map((x) => x.toFixed(2)).join(' / ')}, at end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}, on ${os.cpus().length} cores (a shared machine).`,
    '',
    '| minute | requests | req/s | errors | p50 ms | p99 ms | RSS MB (max) | PG connections (max) | active (max) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...minutes.map(
      (m) =>
        `| ${m.minute} | ${m.requests} | ${f(m.rps, 1)} | ${m.errors} | ${f(m.p50, 1)} | ${f(m.p99, 1)} | ${f(m.rssMb)} | ${f(m.connections)} | ${f(m.active)} |`,
    ),
    '',
    '| endpoint | requests | errors | p50 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- | --- |',
    ...endpoints.map(
      (e) => `| ${e.endpoint} | ${e.requests} | ${e.errors} | ${f(e.p50, 1)} | ${f(e.p99, 1)} | ${f(e.max, 0)} |`,
    ),
    ...(failures.length ? ['', 'First errors:', ...failures.slice(0, 10).map((x) => `- ${x}`)] : []),
    '',
  ].join('\n');
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, `soak-${result.at.replace(/[:.]/g, '-')}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${stem}.md`, md);
  console.log(`\n${md}`);
  say(`written ${stem}.json and .md`);
  // the line .ci/run greps
  console.log(
    `soak: ${USERS} operators ${MINUTES} min, ${result.requests} requests, ${errors} errors, p99 ${f(result.p99, 1)} ms, ` +
      `RSS ${f(rssEarly)} → ${f(rssLate)} MB, PG connections max ${result.connectionsMax}, audit chain ${audit.ok ? 'intact' : 'BROKEN'}`,
  );
  ok = errors === 0 && audit.ok;
} finally {
  await cleanUp();
}
process.exit(ok ? 0 : 1);
