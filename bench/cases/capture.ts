import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { recordAudit } from '../../src/server/audit/record.ts';
import { loadCase } from '../../src/server/cases/access.ts';
import { describeCase, listCases } from '../../src/server/cases/case-queries.ts';
import type { CaseListQuery } from '../../src/server/cases/schemas.ts';
import type { Actor, Tx } from '../../src/server/db/context.ts';
import { todayInItaly } from '../../src/server/db/dates.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { makeCtx } from '../../src/server/http/request-context.ts';

/**
 * The SQL the app sends for GET /api/v1/cases and GET /api/v1/cases/:id, taken from the app's
 * own query builders (listCases, loadCase, recordAudit, describeCase) run on a Kysely whose
 * driver records each compiled statement instead of sending it. The actor and the case id are
 * sentinels, replaced by the real values per request (`bind`).
 */
export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

export const SENTINEL = {
  user: '00000000-0000-4000-8000-00000000a001',
  org: '00000000-0000-4000-8000-00000000a002',
  case: '00000000-0000-4000-8000-00000000a003',
  /** what the list route writes in the audit row's details, replaced per request */
  details: '{"sentinel":"details"}',
} as const;

export interface Binding {
  userId: string;
  organisationId: string;
  caseId?: string;
  details?: string;
}

/** The statement's parameters with the sentinels replaced. */
export function bind(s: Statement, b: Binding): unknown[] {
  return s.parameters.map((p) => {
    if (p === SENTINEL.user) return b.userId;
    if (p === SENTINEL.org) return b.organisationId;
    if (p === SENTINEL.case) return b.caseId ?? p;
    if (p === SENTINEL.details) return b.details ?? p;
    return p;
  });
}

class Recorder implements DatabaseConnection {
  constructor(
    private readonly log: Statement[],
    private readonly respond: (sql: string) => unknown[],
  ) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    this.log.push({ sql: q.sql, parameters: q.parameters });
    return { rows: this.respond(q.sql) as R[] };
  }

  // biome-ignore lint/correctness/useYield: never streamed here
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('not streamed');
  }
}

class RecordingDriver implements Driver {
  constructor(private readonly connection: Recorder) {}
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  // begin/commit are the floor's own statements (bare-sql.ts), not recorded
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

/** Runs `fn` in a transaction on a recording Kysely; returns the statements it compiled. */
async function record(respond: (sql: string) => unknown[], fn: (tx: Tx) => Promise<unknown>): Promise<Statement[]> {
  const log: Statement[] = [];
  const connection = new Recorder(log, respond);
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(connection),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  try {
    await db.transaction().execute((tx) => fn(tx));
  } finally {
    await db.destroy();
  }
  return log;
}

const ACTOR: Actor = { userId: SENTINEL.user, organisationId: SENTINEL.org, roles: ['centre_operator'] };

/** A case row good enough for describeCase to carry on to its next statements. */
const FAKE_CASE = {
  id: SENTINEL.case,
  code: 'X-2026-00001',
  status: 'open',
  taken_in_charge_on: '2026-01-01',
  closed_on: null,
  first_contact_on: null,
  intake_on: null,
  risk_assessed_on: null,
  programme_code: 'lombardia-autonomia',
  window_days: 182,
  on_my_team: true,
  due_actions: 0,
  due_follow_ups: 0,
  version: 1,
  violence_types: [],
  author_relationships: [],
  safe_contact: {},
};

export interface ListStatements {
  today: string;
  list: Statement;
  audit: Statement;
}

/** GET /api/v1/cases?…: the list, then the audit row (routes.ts), after the session statements. */
export async function listStatements(q: CaseListQuery): Promise<ListStatements> {
  const today = todayInItaly();
  const log = await record(
    () => [],
    async (tx) => {
      await listCases(tx, ACTOR, q);
      await recordAudit(tx, ACTOR, { action: 'case.list', subjectType: 'organisation', subjectId: SENTINEL.org });
    },
  );
  const [list, audit] = log;
  if (!list || !audit || log.length !== 2) throw new Error(`expected 2 statements for the list, got ${log.length}`);
  return { today, list, audit: { ...audit, parameters: audit.parameters.map((p) => (p === '{}' ? SENTINEL.details : p)) } };
}

export interface DetailStatements {
  today: string;
  /** loadCase (access check), audit, describeCase's row, team, case_has_identity */
  load: Statement;
  audit: Statement;
  row: Statement;
  team: Statement;
  hasIdentity: Statement;
}

/** GET /api/v1/cases/:id: loadCase, the audit row, then describeCase (routes.ts order). */
export async function detailStatements(): Promise<DetailStatements> {
  const today = todayInItaly();
  const log = await record(
    (text) => (text.includes('case_has_identity') ? [{ has: false }] : text.includes('"users"."display_name"') ? [] : [FAKE_CASE]),
    async (tx) => {
      const ctx = makeCtx(tx, ACTOR);
      await loadCase(ctx, SENTINEL.case, 'read');
      await ctx.audit({ action: 'case.read', subjectType: 'case', subjectId: SENTINEL.case });
      await describeCase(tx, ACTOR, SENTINEL.case);
    },
  );
  const [load, audit, row, team, hasIdentity] = log;
  if (!load || !audit || !row || !team || !hasIdentity || log.length !== 5) throw new Error(`expected 5 statements for the case page, got ${log.length}`);
  return { today, load, audit, row, team, hasIdentity };
}

/**
 * listCases's closing_soon filter compiles to `… BETWEEN $7::date AND $8::date + $9`, and
 * PostgreSQL (and PGlite) cannot type `date + $9` ("operator is not unique: date + unknown"): the
 * app answers 500. The floor and the statement analysis send it with the one cast that fixes it;
 * once src casts it (or adds the days in JS), this finds nothing to change and returns the SQL as is.
 */
export function castClosingSoonDays(sql: string): string {
  return sql.replace(/(::date \+ )(\$\d+)(?!\d|::)/g, '$1$2::int');
}

/** The list variants the benchmark loads, by query string. */
export const LIST_QUERIES = {
  open: { query: { status: 'open', limit: 50 } satisfies CaseListQuery, path: '/api/v1/cases?status=open&limit=50' },
  closingSoon: { query: { eligibility: 'closing_soon' } satisfies CaseListQuery, path: '/api/v1/cases?eligibility=closing_soon' },
} as const;

/**
 * The caseload's on_my_team, as Kysely compiles it: EXISTS (…) becomes a hashed subplan over all
 * the team rows of the user (the planner expects thousands of outer rows before the LIMIT).
 * The rewrite the benchmark tries: a scalar subquery, one primary-key probe per listed row.
 */
export const TEAM_EXISTS = /exists \(select "user_id" from "case_team" where "case_team"\."case_id" = "cases"\."id" and "case_team"\."user_id" = (\$\d+)\)/;
export const teamScalar = (sql: string) =>
  sql.replace(TEAM_EXISTS, (_m, p: string) => `coalesce((select true from "case_team" where "case_team"."case_id" = "cases"."id" and "case_team"."user_id" = ${p}), false)`);
