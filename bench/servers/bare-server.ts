import { createHash } from 'node:crypto';
import type http from 'node:http';
import type pg from 'pg';
import { organisationActions } from '../../src/shared/allowed-actions.ts';
import type { Role } from '../../src/shared/codes/roles.ts';
import { floorPool, prepared, SESSION_COOKIE, Status, serveFloor, withClient } from '../floor-http.ts';
import { type OrganisationRow, SQL } from './bare-sql.ts';

/**
 * The read floor: the least work that gives what GET /api/v1/organisations/:id gives — the same
 * session check (auth_session_check: stage, idle and absolute expiry, disabled user, last_seen_at
 * touched at most once a minute, the actor set for RLS), the same rows under the same row-level
 * security (a pg.Pool of 10 connected as percorsi_app), the same audit row in the same
 * transaction, the same response bytes — done the fastest known way: node:http, no framework,
 * prepared statements, four round trips (begin; the session check; one statement reading the
 * organisation with its networks and protocols and inserting the audit row; commit). It does not
 * do what the app does around that: no routing table, schema validation, rate limit, security
 * headers, CSRF or permission table (organisation.read is open to every role), logging or error mapping.
 * Environment: BENCH_APP_URL. Diagnostics only (bench/diagnose.ts): BENCH_BARE_SKIP=audit leaves
 * out the audit row.
 */
const pool = floorPool();
const ROUTE = /^\/api\/v1\/organisations\/([0-9a-f-]{36})$/;
const SKIP = new Set((process.env.BENCH_BARE_SKIP ?? '').split(','));
const IDLE_MINUTES = 15;

/** Before migration 060: the session check statement by statement, last_seen_at only when stale (as the app). */
async function legacySession(client: pg.PoolClient, idHash: string) {
  const found = (await client.query<{ user_id: string; organisation_id: string }>(prepared(SQL.findSession, [idHash])))
    .rows[0];
  if (!found) throw new Status(401);
  await client.query(prepared(SQL.setActor, [found.user_id, found.organisation_id, '']));
  const session = (
    await client.query<{ stage: string; expired: boolean; disabled_at: Date | null }>(
      prepared(SQL.session, [IDLE_MINUTES, idHash]),
    )
  ).rows[0];
  if (session?.stage !== 'full' || session.expired || session.disabled_at) throw new Status(401);
  const roles = (await client.query<{ role: string }>(prepared(SQL.roles, [found.user_id]))).rows.map((r) => r.role);
  await client.query(prepared(SQL.setActor, [found.user_id, found.organisation_id, roles.sort().join(',')]));
  await client.query(prepared(`${SQL.touch} and last_seen_at < now() - interval '1 minute'`, [idHash]));
  return { user_id: found.user_id, organisation_id: found.organisation_id, roles };
}

let oneStatement: boolean | undefined;

async function readOrganisation(client: pg.PoolClient, token: string, id: string) {
  const idHash = createHash('sha256').update(token).digest('hex');
  oneStatement ??= Boolean((await client.query<{ present: boolean }>(SQL.hasSessionCheck)).rows[0]?.present);
  let actor: { user_id: string; organisation_id: string; roles: string[] };
  if (oneStatement) {
    const r = (
      await client.query<{ status: string; user_id: string; organisation_id: string; roles: string[] }>(
        prepared(SQL.sessionCheck, [idHash, 'full', IDLE_MINUTES]),
      )
    ).rows[0];
    if (r?.status !== 'ok') throw new Status(401);
    actor = r;
  } else actor = await legacySession(client, idHash);
  // organisation.read is open to every role (can.ts: everyone('any')): a full session is enough
  const text = SKIP.has('audit') ? SQL.readAndAudit.replace(/\), a AS \([\s\S]*?\)\n/, ')\n') : SQL.readAndAudit;
  const row = (
    await client.query<OrganisationRow>(
      prepared(text, SKIP.has('audit') ? [id] : [id, actor.user_id, actor.organisation_id]),
    )
  ).rows[0];
  if (!row) throw new Status(404);
  const body = JSON.stringify({
    id: row.id,
    name: row.name,
    type: row.type,
    town: row.town,
    address: row.address,
    helpline: row.helpline,
    website: row.website,
    description: row.description,
    operatesShelters: row.operates_shelters,
    uncertain: row.uncertain,
    notes: row.notes,
    sourceIds: row.source_ids,
    networks: (row.networks ?? []).map((n) => ({ id: n.id, name: n.name, role: n.role })),
    protocols: (row.protocols ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      joinedOn: p.joined_on.slice(0, 10),
    })),
    parent: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
    version: row.version,
    // the app's own pure rule (can.ts), as the referrals floor uses allowedActions
    allowedActions: organisationActions(
      { organisationId: actor.organisation_id, roles: actor.roles as Role[] },
      row.id,
    ),
  });
  return { body, version: row.version };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const id = ROUTE.exec(req.url ?? '')?.[1];
  const token = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  if (req.method !== 'GET' || !id || !token) throw new Status(id ? 401 : 404);
  await withClient(pool, async (client) => {
    await client.query(SQL.begin);
    const { body, version } = await readOrganisation(client, token, id);
    await client.query(SQL.commit);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: `"${version}"` });
    res.end(body);
  });
}

serveFloor(pool, handle);
