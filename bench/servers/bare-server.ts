import { createHash } from 'node:crypto';
import type http from 'node:http';
import type pg from 'pg';
import { floorPool, SESSION_COOKIE, Status, serveFloor, withClient } from '../floor-http.ts';
import { type OrganisationRow, SQL } from './bare-sql.ts';

/**
 * The floor: node:http and a pg.Pool (10 connections as percorsi_app, like the app's pool), doing
 * per request the same statements as the app's GET /api/v1/organisations/:id, then JSON.stringify.
 * No framework, no query builder, no plugins, no logging. Environment: BENCH_APP_URL.
 * Diagnostics only (bench/diagnose.ts): BENCH_BARE_SKIP=touch,audit leaves out the session touch
 * and/or the audit insert.
 */
const pool = floorPool();
const ROUTE = /^\/api\/v1\/organisations\/([0-9a-f-]{36})$/;
const SKIP = new Set((process.env.BENCH_BARE_SKIP ?? '').split(','));

async function readOrganisation(
  client: pg.PoolClient,
  token: string,
  id: string,
): Promise<{ body: string; version: number }> {
  const idHash = createHash('sha256').update(token).digest('hex');
  const found = (await client.query<{ user_id: string; organisation_id: string }>(SQL.findSession, [idHash])).rows[0];
  if (!found) throw new Status(401);
  await client.query(SQL.setActor, [found.user_id, found.organisation_id, '']);
  const session = (
    await client.query<{ stage: string; expired: boolean; disabled_at: Date | null }>(SQL.session, [15, idHash])
  ).rows[0];
  if (session?.stage !== 'full' || session.expired || session.disabled_at) throw new Status(401);
  const roles = (await client.query<{ role: string }>(SQL.roles, [found.user_id])).rows.map((r) => r.role).sort();
  await client.query(SQL.setActor, [found.user_id, found.organisation_id, roles.join(',')]);
  if (!SKIP.has('touch')) await client.query(SQL.touch, [idHash]);
  const row = (await client.query<OrganisationRow>(SQL.organisation, [id])).rows[0];
  if (!row) throw new Status(404);
  const networks = await client.query<{ id: string; name: string; role: string | null }>(SQL.networks, [id]);
  const protocols = await client.query<{ id: string; name: string; kind: string; joined_on: string }>(SQL.protocols, [
    id,
  ]);
  if (!SKIP.has('audit'))
    await client.query(SQL.audit, [
      found.user_id,
      found.organisation_id,
      'organisation.read',
      'organisation',
      row.id,
      null,
      'success',
      '{}',
    ]);
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
    networks: networks.rows.map((n) => ({ id: n.id, name: n.name, role: n.role })),
    protocols: protocols.rows.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      joinedOn: p.joined_on.slice(0, 10),
    })),
    parent: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
    version: row.version,
  });
  return { body, version: row.version };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const id = ROUTE.exec(req.url ?? '')?.[1];
  const token = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  if (req.method !== 'GET' || !id || !token) throw new Status(id ? 401 : 404);
  await withClient(pool, async (client) => {
    await client.query(SQL.begin);
    await client.query(SQL.role);
    const { body, version } = await readOrganisation(client, token, id);
    await client.query(SQL.commit);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: `"${version}"` });
    res.end(body);
  });
}

serveFloor(pool, handle);
