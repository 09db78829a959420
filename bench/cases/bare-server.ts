import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { eligibilityOf } from '../../src/server/cases/eligibility.ts';
import type { CaseListQuery } from '../../src/server/cases/schemas.ts';
import { todayInItaly } from '../../src/server/db/dates.ts';
import { SQL } from '../servers/bare-sql.ts';
import { bind, castClosingSoonDays, type DetailStatements, detailStatements, type ListStatements, listStatements, teamScalar } from './capture.ts';

/**
 * The floor for the caseload: node:http and a pg.Pool (10 connections as percorsi_app, like the
 * app's pool), sending per request the same statements as the app's GET /api/v1/cases and
 * GET /api/v1/cases/:id — the session statements of bench/servers/bare-sql.ts, then the SQL text
 * that the app's own query builders compile (capture.ts) — and JSON.stringify. No framework, no
 * query builder at request time, no plugins, no logging. Environment: BENCH_APP_URL.
 * One difference: the closing_soon list gets the cast without which the app's SQL fails
 * (capture.ts, castClosingSoonDays); the report says so.
 * BENCH_CASES_FLOOR=suggested (what-if only): on_my_team as a scalar subquery (capture.ts,
 * teamScalar) and, on the case page, the audit row last, just before commit.
 */
const SUGGESTED = process.env.BENCH_CASES_FLOOR === 'suggested';
const variant = (sql: string) => (SUGGESTED ? teamScalar(sql) : sql);
pg.types.setTypeParser(1082, (v) => v);
const pool = new pg.Pool({ connectionString: process.env.BENCH_APP_URL, max: 10 });
const LIST = /^\/api\/v1\/cases(?:\?(.*))?$/;
const DETAIL = /^\/api\/v1\/cases\/([0-9a-f-]{36})$/;
const COOKIE = /(?:^|;\s*)__Host-percorsi_session=([^;]+)/;

class Status extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

interface CaseRow {
  id: string;
  organisation_id: string;
  network_id: string | null;
  code: string;
  status: 'open' | 'closed';
  taken_in_charge_on: string;
  closed_on: string | null;
  closure_outcome: string | null;
  first_contact_on: string | null;
  intake_on: string | null;
  age_band: string | null;
  citizenship: string | null;
  residence_code: string | null;
  education: string | null;
  employment: string | null;
  children_count: number | null;
  minor_children_count: number | null;
  children_witnessed: boolean | null;
  violence_types: string[];
  author_relationships: string[];
  referral_source: string | null;
  risk_tool: string | null;
  risk_level: string | null;
  risk_assessed_on: string | null;
  safe_contact: unknown;
  programme_code: string | null;
  version: number;
  window_days: number;
  on_my_team: boolean;
  due_actions: number | null;
  due_follow_ups: number | null;
}

function summary(row: CaseRow, today: string) {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    takenInChargeOn: row.taken_in_charge_on,
    closedOn: row.closed_on,
    closureOutcome: row.closure_outcome,
    riskLevel: row.risk_level,
    eligibility: eligibilityOf({ status: row.status, closedOn: row.closed_on, windowDays: row.window_days, programme: row.programme_code ?? 'lombardia-autonomia' }, today),
    onMyTeam: Boolean(row.on_my_team),
    dueActions: Number(row.due_actions ?? 0),
    dueFollowUps: Number(row.due_follow_ups ?? 0),
    version: row.version,
  };
}

/** Statements compiled once per list variant and day (today is a parameter of the SQL). */
const lists = new Map<string, ListStatements>();
let detail: DetailStatements | null = null;

function listQuery(search: string): { key: string; q: CaseListQuery } {
  const p = new URLSearchParams(search);
  const q: CaseListQuery = {};
  const status = p.get('status');
  const eligibility = p.get('eligibility');
  const limit = p.get('limit');
  if (status === 'open' || status === 'closed') q.status = status;
  if (eligibility === 'eligible' || eligibility === 'not_eligible' || eligibility === 'closing_soon') q.eligibility = eligibility;
  if (limit) q.limit = Number(limit);
  return { key: JSON.stringify(q), q };
}

async function session(client: pg.PoolClient, token: string) {
  const idHash = createHash('sha256').update(token).digest('hex');
  const found = (await client.query<{ user_id: string; organisation_id: string }>(SQL.findSession, [idHash])).rows[0];
  if (!found) throw new Status(401);
  await client.query(SQL.setActor, [found.user_id, found.organisation_id, '']);
  const s = (await client.query<{ stage: string; expired: boolean; disabled_at: Date | null }>(SQL.session, [15, idHash])).rows[0];
  if (s?.stage !== 'full' || s.expired || s.disabled_at) throw new Status(401);
  const roles = (await client.query<{ role: string }>(SQL.roles, [found.user_id])).rows.map((r) => r.role).sort();
  await client.query(SQL.setActor, [found.user_id, found.organisation_id, roles.join(',')]);
  await client.query(SQL.touch, [idHash]);
  if (!roles.includes('centre_operator') && !roles.includes('dpo')) throw new Status(404);
  return { userId: found.user_id, organisationId: found.organisation_id };
}

async function list(client: pg.PoolClient, token: string, search: string): Promise<string> {
  const me = await session(client, token);
  const { key, q } = listQuery(search);
  const today = todayInItaly();
  let s = lists.get(key);
  if (!s || s.today !== today) {
    const captured = await listStatements(q);
    s = { ...captured, list: { ...captured.list, sql: variant(castClosingSoonDays(captured.list.sql)) } };
    lists.set(key, s);
  }
  const rows = (await client.query<CaseRow>(s.list.sql, bind(s.list, me))).rows;
  const items = rows.map((r) => summary(r, s.today));
  const details = JSON.stringify({ results: items.length, status: q.status ?? null, eligibility: q.eligibility ?? null });
  await client.query(s.audit.sql, bind(s.audit, { ...me, details }));
  return JSON.stringify({ items });
}

async function read(client: pg.PoolClient, token: string, caseId: string): Promise<{ body: string; version: number }> {
  const me = await session(client, token);
  const today = todayInItaly();
  if (!detail || detail.today !== today) {
    const captured = await detailStatements();
    detail = { ...captured, row: { ...captured.row, sql: variant(captured.row.sql) } };
  }
  const d = detail;
  const b = { ...me, caseId };
  if (!(await client.query(d.load.sql, bind(d.load, b))).rows[0]) throw new Status(404);
  if (!SUGGESTED) await client.query(d.audit.sql, bind(d.audit, b));
  const row = (await client.query<CaseRow>(d.row.sql, bind(d.row, b))).rows[0];
  if (!row) throw new Status(404);
  const team = (await client.query<{ user_id: string; display_name: string; role_in_case: string }>(d.team.sql, bind(d.team, b))).rows;
  const has = (await client.query<{ has: boolean }>(d.hasIdentity.sql, bind(d.hasIdentity, b))).rows[0];
  if (SUGGESTED) await client.query(d.audit.sql, bind(d.audit, b));
  const body = JSON.stringify({
    ...summary(row, d.today),
    networkId: row.network_id,
    organisationId: row.organisation_id,
    firstContactOn: row.first_contact_on,
    intakeOn: row.intake_on,
    ageBand: row.age_band,
    citizenship: row.citizenship,
    residenceCode: row.residence_code,
    education: row.education,
    employment: row.employment,
    childrenCount: row.children_count,
    minorChildrenCount: row.minor_children_count,
    childrenWitnessed: row.children_witnessed,
    violenceTypes: row.violence_types,
    authorRelationships: row.author_relationships,
    referralSource: row.referral_source,
    riskTool: row.risk_tool,
    riskAssessedOn: row.risk_assessed_on,
    safeContact: row.safe_contact,
    hasIdentity: Boolean(has?.has),
    team: team.map((t) => ({ userId: t.user_id, displayName: t.display_name, roleInCase: t.role_in_case })),
  });
  return { body, version: row.version };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? '';
  const token = COOKIE.exec(req.headers.cookie ?? '')?.[1];
  const caseId = DETAIL.exec(url)?.[1];
  const listed = caseId ? null : LIST.exec(url);
  if (req.method !== 'GET' || (!caseId && !listed)) throw new Status(404);
  if (!token) throw new Status(401);
  const client = await pool.connect();
  try {
    await client.query(SQL.begin);
    await client.query(SQL.role);
    const out = caseId ? await read(client, token, caseId) : { body: await list(client, token, listed?.[1] ?? ''), version: null };
    await client.query(SQL.commit);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (out.version !== null) headers.etag = `"${out.version}"`;
    res.writeHead(200, headers);
    res.end(out.body);
  } catch (error) {
    await client.query(SQL.rollback).catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    res.writeHead(error instanceof Status ? error.status : 500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'error' }));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
