import { createHash } from 'node:crypto';
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
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { todayInItaly } from '../../src/server/db/dates.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { testConfig } from '../../src/server/testing/harness.ts';

/**
 * The SQL the app sends for a request, statement by statement, in order: the real app (buildApp)
 * answers the request through app.inject on a Kysely whose driver records each compiled statement
 * (and begin/commit) instead of sending it, and answers with made-up rows good enough for the
 * route to carry on. The session token, the actor and the case id are sentinels that the floor
 * (bare-server.ts) and the statement analysis (explain.ts) replace by the real values (`bind`).
 * Whatever the routes, sessions, queries or audit do, the floor sends the same statements.
 */
const SENTINEL_TOKEN = 'bench-cases-sentinel-session-token';
export const SENTINEL = {
  token: SENTINEL_TOKEN,
  idHash: createHash('sha256').update(SENTINEL_TOKEN).digest('hex'),
  user: '00000000-0000-4000-8000-00000000a001',
  org: '00000000-0000-4000-8000-00000000a002',
  case: '00000000-0000-4000-8000-00000000a003',
  roles: 'centre_operator',
} as const;

/** What a statement is for, by its SQL text: the floor reads the results of some of them. */
export type Kind =
  | 'begin'
  | 'commit'
  | 'role'
  | 'find_session'
  | 'session_check'
  | 'set_actor'
  | 'session'
  | 'roles'
  | 'touch'
  | 'load_case'
  | 'list'
  | 'case_row'
  | 'team'
  | 'has_identity'
  | 'audit'
  | 'other';

export function kindOf(sql: string): Kind {
  const s = sql.trim();
  if (/^begin\b/i.test(s)) return 'begin';
  if (/^commit\b/i.test(s)) return 'commit';
  if (/^SET LOCAL ROLE/i.test(s)) return 'role';
  if (s.includes('auth_find_session(')) return 'find_session';
  if (s.includes('auth_session_check(')) return 'session_check';
  if (s.includes("set_config('app.user_id'")) return 'set_actor';
  if (/from "sessions" inner join "users"/.test(s)) return 'session';
  if (/from "user_roles"/.test(s)) return 'roles';
  if (/^update "sessions"/.test(s)) return 'touch';
  if (/^insert into "audit_log"/.test(s)) return 'audit';
  if (s.includes('case_has_identity(')) return 'has_identity';
  if (/from "case_team" inner join "users"/.test(s)) return 'team';
  if (/from "cases"/.test(s) && s.includes('"window_days"')) return /\blimit \$\d+/.test(s) ? 'list' : 'case_row';
  if (/^select \* from "cases" where "id" = \$\d+/.test(s)) return 'load_case';
  return 'other';
}

export interface Statement<K extends string = Kind> {
  kind: K;
  sql: string;
  parameters: readonly unknown[];
}

export interface RequestCapture<K extends string = Kind> {
  path: string;
  /** todayInItaly() when captured: a parameter of the case queries */
  today: string;
  statements: Statement<K>[];
}

/** A case row complete enough for the case page's response schema. */
const FAKE_CASE = {
  id: SENTINEL.case,
  organisation_id: SENTINEL.org,
  network_id: null,
  code: 'X-2026-00001',
  status: 'open',
  first_contact_on: null,
  intake_on: null,
  taken_in_charge_on: '2026-01-01',
  closed_on: null,
  closure_outcome: null,
  age_band: null,
  citizenship: null,
  residence_code: null,
  education: null,
  employment: null,
  children_count: null,
  minor_children_count: null,
  children_witnessed: null,
  violence_types: [],
  author_relationships: [],
  referral_source: null,
  risk_tool: null,
  risk_level: null,
  risk_assessed_on: null,
  safe_contact: { channels: [], windows: [], noVoicemail: true, onlyThroughCentre: true },
  code_word_sealed: null,
  programme_code: 'lombardia-autonomia',
  created_by: SENTINEL.user,
  version: 1,
  window_days: 182,
  on_my_team: true,
  due_actions: 0,
  due_follow_ups: 0,
};

/** The made-up rows the recorder answers with, by kind (the caseload's requests). */
export function respond(kind: Kind): unknown[] {
  switch (kind) {
    case 'find_session':
      return [{ user_id: SENTINEL.user, organisation_id: SENTINEL.org }];
    case 'session_check':
      return [
        {
          status: 'ok',
          user_id: SENTINEL.user,
          organisation_id: SENTINEL.org,
          roles: [SENTINEL.roles],
          csrf_token: 'x',
        },
      ];
    case 'session':
      // stale: so that the last_seen_at update (sent at most once a minute) is captured too;
      // roles: the session query may carry them (else the roles query does)
      return [
        { stage: 'full', csrf_token: 'x', disabled_at: null, expired: false, stale: true, roles: [SENTINEL.roles] },
      ];
    case 'roles':
      return [{ role: SENTINEL.roles }];
    case 'load_case':
    case 'case_row':
      return [FAKE_CASE];
    case 'has_identity':
      return [{ has: false }];
    default:
      return [];
  }
}

/** How a capture classifies statements and what it answers them with. */
export interface Classifier<K extends string> {
  kindOf(sql: string): K;
  respond(kind: K): unknown[];
}

class Recorder<K extends string> implements DatabaseConnection {
  readonly log: Statement<K | Kind>[] = [];
  constructor(private readonly classifier: Classifier<K>) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const kind = this.classifier.kindOf(q.sql);
    this.log.push({ kind, sql: q.sql, parameters: q.parameters });
    return { rows: this.classifier.respond(kind) as R[] };
  }

  // biome-ignore lint/correctness/useYield: never streamed here
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('not streamed');
  }
}

/** Kysely's PostgresDriver sends 'begin' and 'commit' as queries; so does this one, to the log. */
class RecordingDriver<K extends string> implements Driver {
  constructor(private readonly connection: Recorder<K>) {}
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction() {
    this.connection.log.push({ kind: 'begin', sql: 'begin', parameters: [] });
  }
  async commitTransaction() {
    this.connection.log.push({ kind: 'commit', sql: 'commit', parameters: [] });
  }
  async rollbackTransaction() {
    this.connection.log.push({ kind: 'other', sql: 'rollback', parameters: [] });
  }
  async releaseConnection() {}
  async destroy() {}
}

/**
 * The statements the real app sends for each of `paths` (GET, with a full session). By default
 * classified and answered for the caseload's requests; `classifier` for others, `config` for a
 * given master key (to answer with something sealed under it).
 */
export async function captureRequests(paths: string[]): Promise<RequestCapture[]>;
export async function captureRequests<K extends string>(
  paths: string[],
  classifier: Classifier<K>,
  config?: Partial<Config>,
): Promise<RequestCapture<K>[]>;
export async function captureRequests<K extends string>(
  paths: string[],
  classifier: Classifier<K> = { kindOf, respond } as unknown as Classifier<K>,
  config: Partial<Config> = {},
): Promise<RequestCapture<K>[]> {
  const recorder = new Recorder<K>(classifier);
  const kysely = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(recorder),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const db: Database = { owner: kysely, app: kysely, kind: 'postgres', close: () => kysely.destroy() };
  const app = await buildApp({ db, config: testConfig({ logLevel: 'error', ...config }) });
  try {
    const out: RequestCapture<K>[] = [];
    for (const path of paths) {
      recorder.log.length = 0;
      const today = todayInItaly();
      const res = await app.inject({
        method: 'GET',
        url: path,
        headers: { cookie: `__Host-percorsi_session=${SENTINEL.token}` },
      });
      if (res.statusCode !== 200)
        throw new Error(`capturing GET ${path}: the app answered ${res.statusCode} ${res.body.slice(0, 200)}`);
      out.push({ path, today, statements: [...recorder.log] as Statement<K>[] });
    }
    return out;
  } finally {
    await app.close();
    await db.close();
  }
}

export interface Binding {
  idHash: string;
  userId: string;
  organisationId: string;
  /** the actor's roles as set_config gets them (sorted, comma-separated) */
  roles: string;
  caseId?: string;
  /** rows the list returned: the list's audit row counts them in its details */
  results?: number;
  today: string;
}

/** The statement's parameters with the sentinels (and the day it was captured) replaced. */
export function bind(s: Statement, b: Binding, capturedToday: string): unknown[] {
  return s.parameters.map((p, i) => {
    // the actor's roles as known at this point: none yet before the session row is read (the
    // first set_config, as the app); the statement analysis runs them all as the signed-in actor
    if (s.kind === 'set_actor' && i === 2) return b.roles;
    if (p === SENTINEL.idHash) return b.idHash;
    if (p === SENTINEL.user) return b.userId;
    if (p === SENTINEL.org) return b.organisationId;
    if (p === SENTINEL.case) return b.caseId ?? p;
    if (p === capturedToday) return b.today;
    if (s.kind === 'audit' && typeof p === 'string' && p.includes('"results":0'))
      return p.replace('"results":0', `"results":${b.results ?? 0}`);
    return p;
  });
}

/**
 * The caseload's on_my_team as Kysely compiles it: EXISTS (…) becomes a hashed subplan over all
 * the team rows of the user (the planner expects thousands of outer rows before the LIMIT). The
 * rewrite the what-if tries: a scalar subquery, one primary-key probe per listed row.
 */
export const TEAM_EXISTS =
  /exists \(select "user_id" from "case_team" where "case_team"\."case_id" = "cases"\."id" and "case_team"\."user_id" = (\$\d+)\)/;
export const teamScalar = (sql: string) =>
  sql.replace(
    TEAM_EXISTS,
    (_m, p: string) =>
      `coalesce((select true from "case_team" where "case_team"."case_id" = "cases"."id" and "case_team"."user_id" = ${p}), false)`,
  );

/** The statements with the audit insert moved to just before commit (it holds the audit chain head until commit). */
export function auditLast(statements: Statement[]): Statement[] {
  const audit = statements.filter((s) => s.kind === 'audit');
  const rest = statements.filter((s) => s.kind !== 'audit');
  const commit = rest.findIndex((s) => s.kind === 'commit');
  return commit < 0 ? statements : [...rest.slice(0, commit), ...audit, ...rest.slice(commit)];
}

/** The list variants the benchmark loads. */
export const LIST_PATHS = {
  open: '/api/v1/cases?status=open&limit=50',
  closingSoon: '/api/v1/cases?eligibility=closing_soon',
} as const;
export const CASE_PAGE_CAPTURE_PATH = `/api/v1/cases/${SENTINEL.case}`;
