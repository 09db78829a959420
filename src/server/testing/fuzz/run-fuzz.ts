/**
 * Runs fuzz cases from the OpenAPI document against an app (in process, `inject`) and says what
 * went wrong, grouped: a 5xx, a 4xx that is not a JSON `{code, message}`, an answer the document
 * does not describe, a write behind a 4xx (the row counts and row versions of every table but the
 * audit trail and the sessions, before and after), a server that stops answering.
 */
import { sql } from 'kysely';
import type { App } from '../../app.ts';
import type { Database } from '../../db/database.ts';
import { problemsOf } from './check-response.ts';
import { KINDS, type Kind, makeCase, type OpenApiDoc, type Operation, operationsOf } from './openapi-cases.ts';
import { type IdSource, Rng } from './schema-values.ts';

/**
 * Tables a refused request may still write: the audit trail (refusals are audited, e.g. a failed
 * login) and its chain, and the sessions (every signed-in request moves its last-seen time).
 */
const MAY_CHANGE_ON_REFUSAL = new Set([
  'audit_log',
  'audit_chain',
  'audit_chain_head',
  'sessions',
  'schema_migrations',
  // a refused request still counts towards its rate limit (on PostgreSQL the counters are a table)
  'rate_limit_hits',
]);

/**
 * Tables a refused request of one operation may write by design: a wrong second factor on an open
 * session (step-up) counts towards the user's lock, and a passkey answer spends its challenge
 * (single use) even when it is refused.
 */
const MAY_CHANGE_ON_REFUSAL_OF: Record<string, string[]> = {
  'POST /api/v1/auth/step-up/totp': ['users'],
  'POST /api/v1/auth/step-up/passkey': ['users', 'webauthn_challenges'],
  'POST /api/v1/auth/passkey': ['users', 'webauthn_challenges'],
  'POST /api/v1/auth/passkey/sign-in': ['users', 'webauthn_challenges'],
  'POST /api/v1/auth/passkeys': ['webauthn_challenges'],
};

export interface FuzzOptions {
  app: App;
  db: Database;
  /** the headers of the session that may use the operation (null: none) */
  sessionFor: (op: Operation) => Record<string, string> | null;
  ids: IdSource;
  cases: number;
  seed: number;
  /** operations sent only without a session (e.g. logout, which would end the fuzzer's session) */
  anonymousOnly?: (op: Operation) => boolean;
}

export interface FuzzReport {
  cases: number;
  operations: number;
  byStatus: Record<string, number>;
  byKind: Partial<Record<Kind, number>>;
  /** problem → how many times, and the first request that showed it */
  problems: Map<string, { count: number; example: string }>;
}

/** Row counts and row versions (sum of xmin) per table: any insert, update or delete changes it. */
export async function snapshotOf(db: Database, tables: string[]): Promise<string> {
  const parts = tables.map(
    (t) =>
      sql`SELECT ${t}::text AS t, count(*)::text AS n, coalesce(sum(xmin::text::bigint), 0)::text AS x FROM ${sql.table(t)}`,
  );
  const rows = await sql<{ t: string; n: string; x: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db.owner);
  return rows.rows.map((r) => `${r.t}:${r.n}:${r.x}`).join(' ');
}

/** The tables whose count or row versions differ between two snapshots. */
export const changed = (before: string, after: string) => {
  const a = new Map(before.split(' ').map((e) => [e.split(':')[0], e]));
  return after
    .split(' ')
    .filter((e) => a.get(e.split(':')[0]) !== e)
    .map((e) => e.split(':')[0]);
};

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const doc = o.app.swagger() as unknown as OpenApiDoc;
  const ops = operationsOf(doc).filter((op) => op.path.startsWith('/api/v1/'));
  const methodsOf = new Map<string, string[]>();
  for (const op of ops) methodsOf.set(op.path, [...(methodsOf.get(op.path) ?? []), op.method]);
  const tables = (
    await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(
      o.db.owner,
    )
  ).rows
    .map((r) => r.t)
    .filter((t) => !MAY_CHANGE_ON_REFUSAL.has(t));

  const rng = new Rng(o.seed);
  const report: FuzzReport = { cases: 0, operations: ops.length, byStatus: {}, byKind: {}, problems: new Map() };
  const note = (problem: string, example: string) => {
    const seen = report.problems.get(problem);
    if (seen) seen.count++;
    else report.problems.set(problem, { count: 1, example });
  };

  // the state after one case is the state before the next: one snapshot per case
  let before = await snapshotOf(o.db, tables);
  for (let i = 0; i < o.cases; i++) {
    const op = ops[i % ops.length] as Operation;
    // every operation meets every kind in turn (a diagonal over operations × kinds)
    const kind = KINDS[(i + Math.floor(i / ops.length)) % KINDS.length] as Kind;
    const req = makeCase(op, kind, rng, o.ids, methodsOf.get(op.path) ?? []);
    const session = req.anonymous || o.anonymousOnly?.(op) ? null : o.sessionFor(op);
    const res = await o.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: { ...(session ?? {}), ...req.headers },
      // a new client address for each case: the rate limits are per address
      remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      ...(req.payload !== undefined ? { payload: req.payload } : {}),
    });
    report.cases++;
    report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
    report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
    const where = `${req.op.method} ${req.op.path}`;
    const example = `${kind}: ${req.method} ${req.url.slice(0, 200)} ${String(req.payload ?? '').slice(0, 2000)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    for (const p of problemsOf(req, { statusCode: res.statusCode, headers: res.headers, body: res.body })) {
      note(`${where}: ${p}`, example);
    }
    if (!session && !op.public && req.method === op.method && res.statusCode !== 401 && res.statusCode < 500) {
      note(`${where}: answered ${res.statusCode} without a session (expected 401)`, example);
    }
    const after = await snapshotOf(o.db, tables);
    if (res.statusCode >= 400 && res.statusCode < 500) {
      const allowed = MAY_CHANGE_ON_REFUSAL_OF[where] ?? [];
      const wrote = changed(before, after).filter((table) => !allowed.includes(table ?? ''));
      if (wrote.length > 0) note(`${where}: ${res.statusCode} but wrote ${wrote.join(',')}`, example);
    }
    before = after;
  }
  const health = await o.app.inject({ method: 'GET', url: '/healthz' });
  if (health.statusCode !== 200) note('the server stopped answering /healthz', String(health.statusCode));
  return report;
}

/** The report as lines for the console. */
export function describeReport(r: FuzzReport): string {
  const lines = [
    `fuzz: ${r.cases} cases over ${r.operations} operations; statuses ${JSON.stringify(r.byStatus)}`,
    ...[...r.problems].map(([p, { count, example }]) => `  ✗ ${p} (×${count})\n      e.g. ${example}`),
  ];
  return lines.join('\n');
}
