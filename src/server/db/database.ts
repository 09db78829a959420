import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPgliteSingleConnectionPool } from './pglite-pool.ts';
import { prepareStatements } from './prepared.ts';
import type { DB } from './schema.ts';

/**
 * Two handles on one database. `owner` runs migrations, seeds and the audit verifier; `app` is
 * what requests use, always as the unprivileged percorsi_app role, and only through
 * `withContext` (context.ts).
 */
export interface Database {
  owner: Kysely<DB>;
  app: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// int8 (e.g. audit seq, counts) stays a string in pg; numeric dates stay strings.
pg.types.setTypeParser(1082, (v) => v);

export async function openPglite(dataDir: string | null): Promise<Database> {
  // btree_gist: the exclusion constraint against duplicate consents (migration 030)
  const extensions = { btree_gist };
  const pglite = dataDir ? new PGlite(dataDir, { extensions }) : new PGlite({ extensions });
  await pglite.waitReady;
  const pool = createPgliteSingleConnectionPool(pglite);
  // the adapter implements the part of pg.Pool that Kysely uses (connect, query, release, end)
  const dialect = new PostgresDialect({ pool: pool as unknown as pg.Pool });
  const db = new Kysely<DB>({ dialect });
  return {
    owner: db,
    app: db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** An idle pooled connection the server ends (restart, DROP DATABASE … FORCE) must not crash the process. */
function pool(connectionString: string, max: number, prepared = false): pg.Pool {
  const p = new pg.Pool({ connectionString, max });
  p.on('error', () => {
    // the pool drops the broken client and opens a new one on the next query
  });
  // requests' queries are prepared once per connection (prepared.ts); the owner's are not
  // (migrations change tables under them)
  if (prepared) p.on('connect', prepareStatements);
  return p;
}

export function openPostgres(ownerUrl: string, appUrl: string, poolSize = 10): Database {
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool(ownerUrl, 2) }) });
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool(appUrl, poolSize, true) }) });
  return {
    owner,
    app,
    kind: 'postgres',
    async close() {
      await Promise.all([owner.destroy(), app.destroy()]);
    },
  };
}
