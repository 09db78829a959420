import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type pg from 'pg';
import { eligibilityOf } from '../../src/server/cases/eligibility.ts';
import { todayInItaly } from '../../src/server/db/dates.ts';
import { floorPool, prepared, readSession, SESSION_COOKIE, Status, serveFloor, withClient } from '../floor-http.ts';
import { auditLast, type Binding, bind, type RequestCapture, type Statement, teamScalar } from './capture.ts';

/**
 * The floor for the caseload: node:http and a pg.Pool (10 connections as percorsi_app, like the
 * app's pool), sending per request exactly the statements the app sends for the same request —
 * captured from the real app beforehand (capture.ts) and passed in BENCH_CASES_CAPTURE (a JSON
 * file: {list path or 'case_page': RequestCapture}) — with the real session, actor and case id,
 * then JSON.stringify. No framework, no query builder, no plugins, no logging. It reads what the
 * app reads from the results: the session (401), the roles, the case (404), the rows to answer;
 * like the app, it updates last_seen_at only when the session row says it is stale.
 * Environment: BENCH_APP_URL, BENCH_CASES_CAPTURE; BENCH_CASES_FLOOR=suggested (what-if only):
 * on_my_team as a scalar subquery (capture.ts, teamScalar) and the audit row last.
 */
const pool = floorPool();
const SUGGESTED = process.env.BENCH_CASES_FLOOR === 'suggested';
/** who may see the caseload (the app's can(): centre operators and the DPO) */
const READERS = ['centre_operator', 'dpo'];
const DETAIL = /^\/api\/v1\/cases\/([0-9a-f-]{36})$/;

const captured = JSON.parse(readFileSync(process.env.BENCH_CASES_CAPTURE ?? '', 'utf8')) as Record<
  string,
  RequestCapture
>;
for (const c of Object.values(captured)) {
  const statements = c.statements.map((s) =>
    SUGGESTED && (s.kind === 'list' || s.kind === 'case_row') ? { ...s, sql: teamScalar(s.sql) } : s,
  );
  c.statements = SUGGESTED ? auditLast(statements) : statements;
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
    eligibility: eligibilityOf(
      {
        status: row.status,
        closedOn: row.closed_on,
        windowDays: row.window_days,
        programme: row.programme_code ?? 'lombardia-autonomia',
      },
      today,
    ),
    onMyTeam: Boolean(row.on_my_team),
    dueActions: Number(row.due_actions ?? 0),
    dueFollowUps: Number(row.due_follow_ups ?? 0),
    version: row.version,
  };
}

function detail(
  row: CaseRow,
  today: string,
  team: Array<{ user_id: string; display_name: string; role_in_case: string }>,
  hasIdentity: boolean,
) {
  return {
    ...summary(row, today),
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
    hasIdentity,
    team: team.map((t) => ({ userId: t.user_id, displayName: t.display_name, roleInCase: t.role_in_case })),
  };
}

/** Sends the captured statements in order, bound to this request; reads what the app reads. */
async function replay(client: pg.PoolClient, statements: Statement[], capturedToday: string, b: Binding) {
  let stale = true;
  const out: {
    list?: CaseRow[];
    row?: CaseRow;
    team?: Array<{ user_id: string; display_name: string; role_in_case: string }>;
    hasIdentity?: boolean;
  } = {};
  for (const s of statements) {
    if (s.kind === 'touch' && !stale) continue;
    const r = await client.query(prepared(s.sql, bind(s, b, capturedToday)));
    if (readSession(s.kind, r.rows, b, READERS) === false) stale = false;
    switch (s.kind) {
      case 'load_case':
        if (!r.rows[0]) throw new Status(404);
        break;
      case 'list':
        out.list = r.rows as CaseRow[];
        b.results = out.list.length;
        break;
      case 'case_row':
        out.row = r.rows[0] as CaseRow | undefined;
        if (!out.row) throw new Status(404);
        break;
      case 'team':
        out.team = r.rows as typeof out.team;
        break;
      case 'has_identity':
        out.hasIdentity = Boolean((r.rows[0] as { has?: boolean } | undefined)?.has);
        break;
      default:
        break;
    }
  }
  return out;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? '';
  const token = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  const caseId = DETAIL.exec(url)?.[1];
  const capture = caseId ? captured.case_page : captured[url];
  if (req.method !== 'GET' || !capture) throw new Status(404);
  if (!token) throw new Status(401);
  const today = todayInItaly();
  const b: Binding = {
    idHash: createHash('sha256').update(token).digest('hex'),
    userId: '',
    organisationId: '',
    roles: '',
    caseId,
    today,
  };
  await withClient(pool, async (client) => {
    const out = await replay(client, capture.statements, capture.today, b);
    let body: string;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (caseId) {
      if (!out.row) throw new Status(404);
      body = JSON.stringify(detail(out.row, today, out.team ?? [], out.hasIdentity ?? false));
      headers.etag = `"${out.row.version}"`;
    } else {
      body = JSON.stringify({ items: (out.list ?? []).map((r) => summary(r, today)) });
    }
    res.writeHead(200, headers);
    res.end(body);
  });
}

serveFloor(pool, handle);
