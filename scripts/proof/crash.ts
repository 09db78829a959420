// Crash safety (issue 11): starts the real server as a process, runs concurrent writers (cases with
// her identity, consents, referrals, messages, the recipient's acceptance), kills the process with
// SIGKILL at a random moment, starts it again, and repeats. Then checks that every write that got
// a 2xx is there and whole (read back through the API: identity opens and equals what was sent,
// message bodies equal), that nothing half-written is visible (SQL over every row: each case has
// its identity, team and timeline entry; each referral its share and first event; each sealed value
// opens) and that the audit chain verifies. Prints the rounds and the restart times after a crash.
//   npx tsx scripts/proof/crash.ts --db pglite --rounds 5
//   npx tsx scripts/proof/crash.ts --db pg --rounds 10   (PERCORSI_TEST_PG, default the local server)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { verifyAuditChain } from '../../src/server/audit/verify.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { sealSecret } from '../../src/server/auth/secrets.ts';
import { newTotpSecret } from '../../src/server/auth/totp.ts';
import { openWith } from '../../src/server/cases/keys.ts';
import { dataKeyOf } from '../../src/server/cases/keys.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { openMessage } from '../../src/server/referrals/pseudonym.ts';
import { createAccount } from '../../src/server/users/create-account.ts';
import { type Answer, call, type Session, signInOver } from './client.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const kind = arg('db', 'pglite') as 'pg' | 'pglite';
const rounds = Number(arg('rounds', kind === 'pg' ? '10' : '5'));
const writers = Number(arg('writers', '4'));
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the database and the people -------------------------------------------------------------
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PERCORSI_DEMO: 'off',
  PERCORSI_MASTER_KEY: randomBytes(32).toString('base64'),
  PERCORSI_SKIP_WEB_BUILD: '1',
  LOG_LEVEL: 'info',
  // four writers as one user, as fast as the server answers: on a quiet machine that is well over
  // the office limit of 600 a minute (the first quiet CI run got 429s); the limit has its own tests
  PERCORSI_RATE_LIMIT_USER: '0',
};
let dropDatabase = async () => {};
if (kind === 'pg') {
  const admin = process.env.PERCORSI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `percorsi_crash_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await d.end();
  };
} else {
  env.PERCORSI_DATA_DIR = await mkdtemp(path.join(tmpdir(), 'percorsi-crash-'));
}
const config = loadConfig(env);

interface Person {
  username: string;
  password: string;
  totpSecret: string;
}
async function person(db: Database, organisationId: string, roles: string[]): Promise<Person> {
  const id = randomUUID();
  const p = {
    username: `crash${randomBytes(4).toString('hex')}`,
    password: `Prova-${randomBytes(9).toString('base64url')}`,
  };
  const totpSecret = newTotpSecret();
  await createAccount(db.owner, {
    id,
    organisationId,
    username: p.username,
    displayName: `Operatrice ${p.username}`,
    email: null,
    passwordHash: await hashPassword(p.password),
    sealedTotpSecret: sealSecret(config.masterKey, totpSecret, id),
    roles,
  });
  return { ...p, totpSecret };
}

let db = await openDatabase(config);
await migrate(db.owner);
const org = async (name: string, type: string) =>
  (await db.owner.insertInto('organisations').values({ name, type }).returning('id').executeTakeFirstOrThrow()).id;
const centreId = await org('Centro crash', 'cav');
const cpiId = await org('CPI crash', 'employment_centre');
const operators = await Promise.all(Array.from({ length: writers }, () => person(db, centreId, ['centre_operator'])));
const referent = await person(db, cpiId, ['cpi_referent']);
await db.close();

// ---- the server process ------------------------------------------------------------------------
let server: ChildProcess | null = null;
let base = '';
/** The ready line of each start: milliseconds inside main.ts, per start-up step. */
const readyLines: Array<{ ms: number; phases: Record<string, number> }> = [];
async function start(): Promise<number> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const began = performance.now();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (;;) {
      const nl = buffered.indexOf('\n');
      if (nl < 0) break;
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.includes('Percorsi is ready')) {
        try {
          readyLines.push(JSON.parse(line) as { ms: number; phases: Record<string, number> });
        } catch {
          /* not JSON */
        }
      }
    }
  });
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) return (performance.now() - began) / 1000;
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
}
async function kill(signal: NodeJS.Signals): Promise<void> {
  const s = server;
  if (!s || s.exitCode !== null) return;
  const gone = new Promise((r) => s.once('exit', r));
  s.kill(signal);
  await gone;
  server = null;
}

// ---- the writers and what they were told ---------------------------------------------------------
interface Ledger {
  cases: Map<string, { firstName: string; lastName: string; session: Session }>;
  consents: Array<{ caseId: string; id: string }>;
  referrals: Map<string, { status: 'sent' | 'accepted' }>;
  messages: Array<{ referralId: string; body: string }>;
}
const ledger: Ledger = { cases: new Map(), consents: [], referrals: new Map(), messages: [] };
let acknowledged = 0;
const unexpected: string[] = [];
const today = new Date().toISOString().slice(0, 10);

/** One operator's loop until the server dies under it: every 2xx is written in the ledger. */
async function writer(me: Session, cpi: Session, stop: { dead: boolean }) {
  const ok = (a: Answer, what: string, expected: number) => {
    if (a.status === expected) {
      acknowledged++;
      return true;
    }
    unexpected.push(`${what}: ${a.status} ${a.text.slice(0, 200)}`);
    return false;
  };
  try {
    while (!stop.dead) {
      const firstName = `Nome${randomBytes(3).toString('hex')}`;
      const lastName = `Cognome${randomBytes(4).toString('hex')}`;
      const c = await call(base, 'POST', '/api/v1/cases', {
        session: me,
        body: { takenInChargeOn: today, ageBand: '30_39', identity: { firstName, lastName } },
      });
      if (!ok(c, 'case', 201)) return;
      const caseId = (c.body as { id: string }).id;
      ledger.cases.set(caseId, { firstName, lastName, session: me });
      const k = await call(base, 'POST', `/api/v1/cases/${caseId}/consents`, {
        session: me,
        body: {
          purpose: 'sharing',
          decision: 'granted',
          textVersion: '2026-01',
          method: 'signed_form',
          givenOn: today,
          recipientOrganisationId: cpiId,
          sharingPurpose: 'work_orientation',
        },
      });
      if (!ok(k, 'consent', 201)) return;
      ledger.consents.push({ caseId, id: (k.body as { id: string }).id });
      const r = await call(base, 'POST', '/api/v1/referrals', {
        session: me,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          caseId,
          recipientOrganisationId: cpiId,
          purpose: 'work_orientation',
          urgency: 'routine',
          shareFields: ['profile.ageBand'],
        },
      });
      if (!ok(r, 'referral', 201)) return;
      const ref = r.body as { id: string; version: number };
      ledger.referrals.set(ref.id, { status: 'sent' });
      const body = `Messaggio ${randomBytes(6).toString('hex')}`;
      const m = await call(base, 'POST', `/api/v1/referrals/${ref.id}/messages`, { session: me, body: { body } });
      if (!ok(m, 'message', 201)) return;
      ledger.messages.push({ referralId: ref.id, body });
      const read = await call(base, 'GET', `/api/v1/referrals/${ref.id}`, { session: cpi });
      if (!ok(read, 'recipient read', 200)) return;
      const version = (read.body as { version: number }).version;
      const a = await call(base, 'POST', `/api/v1/referrals/${ref.id}/transitions`, {
        session: cpi,
        headers: { 'if-match': `"${version}"` },
        body: { action: 'accept' },
      });
      if (a.status === 409) continue; // another writer's acceptance raced it: not ours to count
      if (!ok(a, 'accept', 200)) return;
      ledger.referrals.set(ref.id, { status: 'accepted' });
    }
  } catch {
    // the server died under the request: its outcome is unknown, so it is not in the ledger
  }
}

// ---- the rounds -----------------------------------------------------------------------------------
const restarts: number[] = [];
const first = await start();
const sessions = await Promise.all(operators.map((o) => signInOver(base, o)));
const cpiSession = await signInOver(base, referent);
const began = performance.now();
for (let round = 1; round <= rounds; round++) {
  const stop = { dead: false };
  const running = sessions.map((s) => writer(s, cpiSession, stop));
  await sleep(600 + Math.random() * 2400);
  await kill('SIGKILL');
  stop.dead = true;
  await Promise.all(running);
  restarts.push(await start());
}
const writing = (performance.now() - began) / 1000;

// ---- what was acknowledged is there and whole -------------------------------------------------
const missing: string[] = [];
for (const [id, who] of ledger.cases) {
  const r = await call(base, 'GET', `/api/v1/cases/${id}/identity?purpose=verifica`, { session: who.session });
  const got = r.body as { firstName?: string; lastName?: string } | null;
  if (r.status !== 200 || got?.firstName !== who.firstName || got?.lastName !== who.lastName)
    missing.push(`case ${id}: ${r.status}`);
}
for (const k of ledger.consents) {
  const r = await call(base, 'GET', `/api/v1/cases/${k.caseId}/consents`, {
    session: ledger.cases.get(k.caseId)?.session,
  });
  if (!r.text.includes(k.id)) missing.push(`consent ${k.id}: ${r.status}`);
}
for (const [id, want] of ledger.referrals) {
  const r = await call(base, 'GET', `/api/v1/referrals/${id}`, { session: cpiSession });
  const status = (r.body as { status?: string } | null)?.status;
  const fine = want.status === 'sent' ? ['sent', 'accepted'].includes(status ?? '') : status === 'accepted';
  if (r.status !== 200 || !fine) missing.push(`referral ${id}: ${r.status} ${status}`);
}
for (const m of ledger.messages) {
  const r = await call(base, 'GET', `/api/v1/referrals/${m.referralId}/messages`, { session: cpiSession });
  const bodies = ((r.body as { items?: Array<{ body: string }> } | null)?.items ?? []).map((x) => x.body);
  if (!bodies.includes(m.body)) missing.push(`message on ${m.referralId}: ${r.status}`);
}
await kill('SIGTERM');

// ---- nothing half-written, and the trail verifies ----------------------------------------------------
db = await openDatabase(config);
const halves: string[] = [];
const count = async (what: string, q: ReturnType<typeof sql<{ n: number }>>) => {
  const n = (await q.execute(db.owner)).rows[0]?.n ?? 0;
  if (n) halves.push(`${n} ${what}`);
};
await count(
  'cases without their identity',
  sql`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_identities i WHERE i.case_id = c.id)`,
);
await count(
  'cases without their team',
  sql`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id)`,
);
await count(
  'cases without a timeline entry',
  sql`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)`,
);
await count(
  'referrals without their share',
  sql`SELECT count(*)::int AS n FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM referral_shares s WHERE s.referral_id = r.id)`,
);
await count(
  'referrals without their first event',
  sql`SELECT count(*)::int AS n FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id)`,
);
await count(
  'accepted referrals without the acceptance event',
  sql`SELECT count(*)::int AS n FROM referrals r WHERE r.status = 'accepted'
    AND NOT EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id AND e.kind = 'accept')`,
);
const stored = await db.owner.transaction().execute(async (tx) => {
  const key = await dataKeyOf(tx, config.masterKey, centreId);
  let opened = 0;
  for (const r of await tx.selectFrom('case_identities').select(['case_id', 'sealed']).execute()) {
    try {
      JSON.parse(openWith(key, r.sealed, `identity:${r.case_id}`));
      opened++;
    } catch {
      halves.push(`identity of ${r.case_id} does not open`);
    }
  }
  for (const m of await tx.selectFrom('referral_messages').select(['id', 'referral_id', 'body_sealed']).execute()) {
    try {
      openMessage(config.masterKey, m.referral_id, m.id, m.body_sealed);
      opened++;
    } catch {
      halves.push(`message ${m.id} does not open`);
    }
  }
  return opened;
});
const audit = await verifyAuditChain(db.owner, { chain: true });
await db.close();
if (kind === 'pglite' && env.PERCORSI_DATA_DIR) await rm(env.PERCORSI_DATA_DIR, { recursive: true, force: true });
await dropDatabase();

const sorted = [...restarts].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(
  `crash safety (${kind}): ${rounds} SIGKILL rounds in ${writing.toFixed(0)} s, ${writers} writers; ` +
    `${acknowledged} acknowledged writes (${ledger.cases.size} cases, ${ledger.consents.length} consents, ` +
    `${ledger.referrals.size} referrals, ${ledger.messages.length} messages) all present and whole; ` +
    `${stored} sealed values open; audit chain ${audit.ok ? 'intact' : 'BROKEN'} (${audit.checked} rows)`,
);
console.log(
  `restart after SIGKILL (${kind}): median ${median.toFixed(2)} s, max ${(sorted.at(-1) ?? 0).toFixed(2)} s ` +
    `(first start ${first.toFixed(2)} s)`,
);
// where a restart after a crash spends its time: the process (node, tsx, imports) before main.ts
// starts its clock, then main.ts's steps (open = the database's own recovery for PGlite)
const after = readyLines.slice(1, 1 + restarts.length);
if (after.length) {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const steps = Object.keys(after[0]?.phases ?? {});
  const parts = steps.map((k) => `${k} ${(mid(after.map((r) => r.phases[k] ?? 0)) / 1000).toFixed(2)} s`);
  const inside = mid(after.map((r) => r.ms)) / 1000;
  console.log(
    `restart steps (${kind}, median): process and imports ${(median - inside).toFixed(2)} s, ${parts.join(', ')}`,
  );
}
const failures = [...missing, ...halves, ...unexpected, ...(audit.ok ? [] : [`audit: ${audit.broken?.reason}`])];
if (failures.length) {
  console.error(`crash safety FAILED (${failures.length}):\n  ${failures.slice(0, 30).join('\n  ')}`);
  process.exit(1);
}
