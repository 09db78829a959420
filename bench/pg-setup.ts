import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPostgres } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadNetworkData, seedNetwork } from '../src/server/network/seed-network.ts';
import { seedAuditHistory } from './harness/audit-history.ts';
import { PROFILE } from './harness/profile.ts';

export const ADMIN_URL = process.env.PERCORSI_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDb {
  name: string;
  ownerUrl: string;
  appUrl: string;
  db: Database;
  serverVersion: string;
  /** closes the handles and drops the database */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database <prefix>_<random> on the real server: migrated, seeded with the network and
 * with `auditRows` rows of audit history (harness/audit-history.ts). When BENCH_TEMPLATE_DB names
 * a database made so by `createTemplate` (the suite makes one and drops it at the end), the new
 * one is a copy of it (CREATE DATABASE … TEMPLATE: a file copy, seconds instead of minutes).
 */
export async function createBenchDb(
  prefix = 'percorsi_bench',
  auditRows = PROFILE.auditRows,
  template = process.env.BENCH_TEMPLATE_DB,
): Promise<BenchDb> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const serverVersion = await admin(async (c) => {
    // FILE_COPY (PostgreSQL 15+): a checkpoint and a file copy, not every block through the WAL
    const v15 = Number((await c.query<{ n: string }>('SHOW server_version_num')).rows[0]?.n) >= 150000;
    await c.query(
      template
        ? `CREATE DATABASE ${name} TEMPLATE ${template}${v15 ? ' STRATEGY FILE_COPY' : ''}`
        : `CREATE DATABASE ${name}`,
    );
    const v = await c.query<{ server_version: string }>('SHOW server_version');
    return v.rows[0]?.server_version ?? '?';
  });
  const ownerUrl = new URL(ADMIN_URL);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = 'percorsi_app';
  appUrl.password = '';
  const db = openPostgres(ownerUrl.toString(), appUrl.toString(), 2);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await db.close().catch(() => undefined);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    if (!template) {
      await migrate(db.owner);
      await seedNetwork(db.owner, await loadNetworkData());
      await seedAuditHistory(db, auditRows);
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, ownerUrl: ownerUrl.toString(), appUrl: appUrl.toString(), db, serverVersion, drop };
}

/** A template for createBenchDb: migrated, the network and the audit history; no connection left open. */
export async function createTemplate(auditRows = PROFILE.auditRows): Promise<{ name: string; drop(): Promise<void> }> {
  const made = await createBenchDb('percorsi_bench_template', auditRows, '');
  await made.db.close();
  return {
    name: made.name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${made.name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The organisation with the most protocols and networks: the heaviest organisation read. */
export async function busiestOrganisation(
  db: Database,
): Promise<{ id: string; name: string; networks: number; protocols: number }> {
  const row = await db.owner
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.name',
      eb
        .selectFrom('organisation_networks as x')
        .whereRef('x.organisation_id', '=', 'o.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('networks'),
      eb
        .selectFrom('protocol_signatories as s')
        .whereRef('s.organisation_id', '=', 'o.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('protocols'),
    ])
    .orderBy('protocols', 'desc')
    .orderBy('networks', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, networks: Number(row.networks), protocols: Number(row.protocols) };
}
