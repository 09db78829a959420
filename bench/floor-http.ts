import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

/**
 * What the bare-SQL floors (bench/cases/bare-server.ts, bench/referrals/bare-server.ts) share:
 * node:http on 127.0.0.1 telling the parent its port over IPC, a pg.Pool of 10 as percorsi_app
 * (like the app's pool), one pooled client per request (rolled back on error), errors as a
 * status, and SIGTERM ending it all. No framework, no query builder, no plugins, no logging.
 */
export class Status extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

export const SESSION_COOKIE = /(?:^|;\s*)__Host-percorsi_session=([^;]+)/;

// dates stay 'YYYY-MM-DD' strings, as in the app (src/server/db/database.ts)
pg.types.setTypeParser(1082, (v) => v);

export const floorPool = (connectionString = process.env.BENCH_APP_URL) => new pg.Pool({ connectionString, max: 10 });

/**
 * A prepared statement (pg's extended protocol with a name): parsed and planned once per pooled
 * connection, then only bound and executed, the fastest way pg sends a parameterised statement.
 * The name is the statement text's hash, so the same text on the same connection is reused.
 */
const names = new Map<string, string>();
export function prepared(text: string, values: unknown[] = []): pg.QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `f${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return { name, text, values };
}

/** Runs `fn` on a pooled client; on an error the client's transaction is rolled back. */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The actor as a floor learns it from the session statements (roles sorted, comma-separated, as set_config gets them). */
export interface FloorActor {
  userId: string;
  organisationId: string;
  roles: string;
}

/**
 * Reads the session statements' results as the app does: no session → 401; not a full, live
 * session or a disabled user → 401; none of `readers` among the roles → 404. Returns false when
 * the session row says last_seen_at is fresh (the app then skips the update), else undefined.
 */
export function readSession(
  kind: string,
  rows: unknown[],
  b: FloorActor,
  readers: readonly string[],
): false | undefined {
  if (kind === 'session_check') {
    // auth_session_check (one statement): the outcome, the actor, and the roles it has set
    const row = rows[0] as { status: string; user_id: string; organisation_id: string; roles: string[] } | undefined;
    if (row?.status !== 'ok') throw new Status(401);
    b.userId = row.user_id;
    b.organisationId = row.organisation_id;
    b.roles = [...row.roles].sort().join(',');
    if (!b.roles.split(',').some((x) => readers.includes(x))) throw new Status(404);
  } else if (kind === 'find_session') {
    const found = rows[0] as { user_id: string; organisation_id: string } | undefined;
    if (!found) throw new Status(401);
    b.userId = found.user_id;
    b.organisationId = found.organisation_id;
  } else if (kind === 'session') {
    const row = rows[0] as
      | { stage: string; expired: boolean; disabled_at: Date | null; stale?: boolean; roles?: string[] }
      | undefined;
    if (row?.stage !== 'full' || row.expired || row.disabled_at) throw new Status(401);
    if (row.roles) b.roles = [...row.roles].sort().join(',');
    if (!b.roles.split(',').some((x) => readers.includes(x))) throw new Status(404);
    if (row.stale === false) return false;
  } else if (kind === 'roles') {
    b.roles = (rows as Array<{ role: string }>)
      .map((x) => x.role)
      .sort()
      .join(',');
  }
  return undefined;
}

export function serveFloor(
  pool: pg.Pool,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): void {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(error instanceof Status ? error.status : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'error', message: error instanceof Status ? undefined : String(error) }));
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
}
