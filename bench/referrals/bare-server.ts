import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type pg from 'pg';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../../src/server/db/dates.ts';
import { allowedActions, type Status as ReferralStatus } from '../../src/server/referrals/lifecycle.ts';
import { accessOpen, type ReferralRow } from '../../src/server/referrals/load-referral.ts';
import { toSummary } from '../../src/server/referrals/present.ts';
import { openShare } from '../../src/server/referrals/pseudonym.ts';
import { floorPool, prepared, readSession, SESSION_COOKIE, Status, serveFloor, withClient } from '../floor-http.ts';
import { bindReferral, INBOX_PATH, type ReferralCapture, type Substitutions } from './statements.ts';

/**
 * The floor for the referrals: node:http and a pg.Pool (10 connections as percorsi_app, like
 * the app's), sending per request exactly the statements the app sends for the recipient's inbox
 * and the referral page — captured from the real app beforehand (statements.ts) and passed in
 * BENCH_REFERRALS_CAPTURE (a JSON file {inbox, page}) — with the real session, actor, referral,
 * sender, case and viewer name, then JSON.stringify of the same body as the app's, built with the
 * app's pure functions (toSummary, accessOpen, allowedActions) and the share opened with
 * openShare under BENCH_MASTER_KEY, as the app does. Recipient side only. Like the app, it
 * updates last_seen_at only when the session row says it is stale.
 */
const pool = floorPool();
const masterKey = Buffer.from(process.env.BENCH_MASTER_KEY ?? '', 'base64');
const captured = JSON.parse(readFileSync(process.env.BENCH_REFERRALS_CAPTURE ?? '', 'utf8')) as {
  inbox: ReferralCapture;
  page: ReferralCapture;
};
const PAGE = /^\/api\/v1\/referrals\/([0-9a-f-]{36})$/;
const READERS = ['centre_operator', 'cpi_referent', 'service_operator', 'dpo'];
const WRITERS = ['centre_operator', 'cpi_referent', 'service_operator'];

interface Out {
  rows: ReferralRow[];
  names: Map<string, string>;
  codes: Map<string, string>;
  shared: unknown;
  open: boolean;
  reports: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  users: Map<string, string>;
}

const distinct = (xs: string[]) => [...new Set(xs)];

/** Sends the captured statements in order, bound to this request; reads what the app reads. */
async function replay(
  client: pg.PoolClient,
  c: ReferralCapture,
  b: Substitutions,
  box: 'inbox' | 'page',
): Promise<Out> {
  let stale = true;
  const out: Out = {
    rows: [],
    names: new Map(),
    codes: new Map(),
    shared: null,
    open: false,
    reports: [],
    events: [],
    users: new Map(),
  };
  for (const s of c.statements) {
    if (s.kind === 'touch' && !stale) continue;
    if (s.kind === 'audit')
      b.auditDetails = JSON.stringify(
        box === 'inbox' ? { box: 'inbox', results: out.rows.length } : { box: 'inbox', shared: out.shared !== null },
      );
    const inValues =
      s.kind === 'org_names'
        ? distinct(out.rows.flatMap((r) => [r.organisation_id, r.recipient_organisation_id]))
        : s.kind === 'case_codes'
          ? distinct(out.rows.map((r) => r.case_id))
          : undefined;
    // withNames sends nothing for an empty page
    if (inValues?.length === 0) continue;
    const q = bindReferral(s, b, c.today, inValues);
    const r = await client.query(prepared(q.sql, q.params));
    if (readSession(s.kind, r.rows, b, READERS) === false) stale = false;
    switch (s.kind) {
      case 'inbox':
        out.rows = r.rows as ReferralRow[];
        break;
      case 'referral_row': {
        const row = r.rows[0] as ReferralRow | undefined;
        if (!row) throw new Status(404);
        if (row.recipient_organisation_id !== b.organisationId)
          throw new Error('the floor answers the recipient side only');
        out.rows = [row];
        b.senderId = row.organisation_id;
        b.caseId = row.case_id;
        break;
      }
      case 'org_names':
        out.names = new Map((r.rows as Array<{ id: string; name: string }>).map((o) => [o.id, o.name]));
        break;
      case 'case_codes':
        out.codes = new Map((r.rows as Array<{ id: string; code: string }>).map((x) => [x.id, x.code]));
        break;
      case 'share': {
        const row = out.rows[0] as ReferralRow;
        const sealed = (r.rows[0] as { sealed: string } | undefined)?.sealed;
        out.open = accessOpen(row, b.today);
        out.shared = sealed && out.open ? openShare(masterKey, row.id, sealed) : null;
        break;
      }
      case 'viewer': {
        const viewer = r.rows[0] as { display_name: string } | undefined;
        if (!viewer) throw new Error('no viewer row');
        b.viewerName = viewer.display_name;
        break;
      }
      case 'reports':
        out.reports = r.rows;
        break;
      case 'events':
        out.events = r.rows;
        break;
      case 'history_users':
        out.users = new Map((r.rows as Array<{ id: string; display_name: string }>).map((u) => [u.id, u.display_name]));
        break;
      default:
        break;
    }
  }
  return out;
}

const named = (r: ReferralRow, out: Out) => ({
  ...r,
  sender_name: out.names.get(r.organisation_id) ?? '',
  recipient_name: out.names.get(r.recipient_organisation_id) ?? '',
  case_code: out.codes.get(r.case_id) ?? null,
});

/** The referral page's body, recipient side (read-referral.ts describeReferral). */
function page(out: Out, roles: string[], today: string) {
  const row = out.rows[0] as ReferralRow;
  const side = (actorOrg: unknown) =>
    actorOrg === null ? 'system' : actorOrg === row.organisation_id ? 'sender' : 'recipient';
  return {
    ...toSummary(named(row, out), 'inbox', today),
    declineReason: row.decline_reason,
    completionOutcome: row.completion_outcome,
    accessUntil: isoDateOrNull(row.access_until),
    shared: out.shared,
    sharedFields: row.share_fields,
    allowedActions:
      roles.some((r) => WRITERS.includes(r)) && out.open
        ? allowedActions(row.status as ReferralStatus, 'recipient')
        : [],
    reports: out.reports.map((x) => ({
      id: x.id,
      kind: x.kind,
      occurredOn: isoDate(x.occurred_on as string),
      details: x.details,
      outcomeId: x.outcome_id,
      reportedByName: x.reported_by_name,
      reportedByOrganisation: x.name,
      createdAt: isoTimestamp(x.created_at as Date),
    })),
    history: out.events.map((e) => ({
      kind: e.kind,
      side: side(e.actor_organisation_id),
      actorName: e.actor_user_id ? (out.users.get(e.actor_user_id as string) ?? null) : null,
      details: e.details,
      occurredAt: isoTimestamp(e.occurred_at as Date),
    })),
    views: [],
  };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? '';
  const token = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  const referralId = PAGE.exec(url)?.[1];
  const capture = referralId ? captured.page : url === INBOX_PATH ? captured.inbox : undefined;
  if (req.method !== 'GET' || !capture) throw new Status(404);
  if (!token) throw new Status(401);
  const today = todayInItaly();
  const b: Substitutions = {
    idHash: createHash('sha256').update(token).digest('hex'),
    userId: '',
    organisationId: '',
    roles: '',
    referralId,
    today,
  };
  await withClient(pool, async (client) => {
    const out = await replay(client, capture, b, referralId ? 'page' : 'inbox');
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    let body: string;
    if (referralId) {
      body = JSON.stringify(page(out, b.roles.split(','), today));
      headers.etag = `"${out.rows[0]?.version}"`;
    } else {
      body = JSON.stringify({ items: out.rows.map((r) => toSummary(named(r, out), 'inbox', today)) });
    }
    res.writeHead(200, headers);
    res.end(body);
  });
}

serveFloor(pool, handle);
