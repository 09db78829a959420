import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { recordAudit } from '../audit/record.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { openSecret } from '../auth/secrets.ts';
import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { createPgliteSingleConnectionPool } from '../db/pglite-pool.ts';
import type { DB } from '../db/schema.ts';

const run = promisify(execFile);

/**
 * Backup and restore of either database (issue 11, item 5), with a manifest that restore checks:
 * the row count of every table, the audit chain's head, the schema version and the time, taken in
 * the same snapshot as the dump. The embedded database: PGlite's own dump of its data directory
 * (a .tar.gz; the server must be stopped, PGlite is one process). PostgreSQL: pg_dump's custom
 * format under an exported snapshot (the server may keep running), restored with pg_restore into a
 * new database that replaces the old one only once every check passed.
 */
export interface Manifest {
  format: 'percorsi-backup/1';
  database: 'pglite' | 'postgres';
  createdAt: string;
  /** the last migration applied */
  schemaVersion: string;
  tables: Record<string, number>;
  audit: { chainSeq: string; hash: string };
  file: string;
  sha256: string;
  bytes: number;
}

export class RestoreError extends Error {}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every table of the schema (as in the RLS catalog test), sorted. */
async function tablesOf(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ t: string }>`SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
  return r.rows.map((x) => x.t);
}

async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tablesOf(db)) {
    const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

async function stateOf(db: Kysely<DB>) {
  const version = await sql<{ name: string }>`SELECT max(name) AS name FROM schema_migrations`.execute(db);
  const head = await sql<{ chain_seq: string; hash: string }>`
    SELECT chain_seq::text, hash FROM audit_chain_head WHERE id = 1`.execute(db);
  return {
    schemaVersion: version.rows[0]?.name ?? '',
    tables: await countRows(db),
    audit: { chainSeq: head.rows[0]?.chain_seq ?? '0', hash: head.rows[0]?.hash ?? '' },
  };
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

async function writeManifest(dir: string, base: string, m: Omit<Manifest, 'sha256' | 'bytes'>): Promise<string> {
  const file = path.join(dir, m.file);
  const manifest: Manifest = { ...m, sha256: await sha256Of(file), bytes: (await stat(file)).size };
  const out = path.join(dir, `${base}.manifest.json`);
  await writeFile(out, `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

/** Backs up the configured database into `outDir`; answers the manifest's path. */
export async function backup(config: Config, outDir: string): Promise<{ manifestPath: string; manifest: Manifest }> {
  await mkdir(outDir, { recursive: true });
  const now = new Date();
  const base = `percorsi-${stamp(now)}`;
  if (config.databaseUrl) {
    const file = `${base}.dump`;
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      // one snapshot for the counts and for pg_dump: the manifest describes exactly what is dumped
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s');
      const one = new Kysely<DB>({
        dialect: new PostgresDialect({
          pool: {
            connect: async () => ({ query: client.query.bind(client), release() {} }),
            end: async () => undefined,
          },
        } as never),
      });
      const state = await stateOf(one);
      await run('pg_dump', [
        '--format=custom',
        `--snapshot=${snap.rows[0]?.s}`,
        `--file=${path.join(outDir, file)}`,
        `--dbname=${config.databaseUrl}`,
      ]);
      await client.query('COMMIT');
      const manifestPath = await writeManifest(outDir, base, {
        format: 'percorsi-backup/1',
        database: 'postgres',
        createdAt: now.toISOString(),
        file,
        ...state,
      });
      return { manifestPath, manifest: JSON.parse(await readFile(manifestPath, 'utf8')) };
    } finally {
      await client.end();
    }
  }
  const file = `${base}.tar.gz`;
  const pglite = new PGlite(path.join(config.dataDir, 'pglite'), { extensions: { btree_gist } });
  await pglite.waitReady;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: createPgliteSingleConnectionPool(pglite) as unknown as pg.Pool }),
  });
  try {
    const state = await stateOf(db);
    const blob = await pglite.dumpDataDir('gzip');
    await writeFile(path.join(outDir, file), Buffer.from(await blob.arrayBuffer()));
    const manifestPath = await writeManifest(outDir, base, {
      format: 'percorsi-backup/1',
      database: 'pglite',
      createdAt: now.toISOString(),
      file,
      ...state,
    });
    return { manifestPath, manifest: JSON.parse(await readFile(manifestPath, 'utf8')) };
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

/**
 * The checks of a restored database: row counts equal to the manifest's, the audit chain intact
 * with the manifest's head, and the sealed data opening with the configured master key (every
 * organisation's data key and every second-factor secret). Throws a RestoreError naming what differs.
 */
export async function verifyRestored(db: Kysely<DB>, manifest: Manifest, masterKey: Buffer): Promise<string[]> {
  const checks: string[] = [];
  const state = await stateOf(db);
  if (state.schemaVersion !== manifest.schemaVersion)
    throw new RestoreError(
      `schema version ${state.schemaVersion} differs from the manifest's ${manifest.schemaVersion}`,
    );
  const differ = Object.entries(manifest.tables).filter(([t, n]) => state.tables[t] !== n);
  const extra = Object.keys(state.tables).filter((t) => !(t in manifest.tables));
  if (differ.length || extra.length) {
    const what = differ.map(([t, n]) => `${t}: ${state.tables[t] ?? 'missing'} rows, manifest ${n}`);
    throw new RestoreError(
      `row counts differ from the manifest: ${[...what, ...extra.map((t) => `${t}: not in manifest`)].join('; ')}`,
    );
  }
  checks.push(`row counts of ${Object.keys(manifest.tables).length} tables match the manifest`);
  const chain = await verifyAuditChain(db);
  if (!chain.ok)
    throw new RestoreError(`audit chain broken at position ${chain.broken?.chainSeq} (${chain.broken?.reason})`);
  if (state.audit.chainSeq !== manifest.audit.chainSeq || state.audit.hash !== manifest.audit.hash)
    throw new RestoreError('the audit chain head differs from the manifest');
  checks.push(`audit chain intact: ${chain.checked} rows, head ${manifest.audit.chainSeq}`);
  const keys = await sql<{ organisation_id: string; wrapped_key: string }>`
    SELECT organisation_id, wrapped_key FROM organisation_keys`.execute(db);
  const totp = await sql<{ id: string; totp_secret: string }>`
    SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL`.execute(db);
  try {
    for (const k of keys.rows) openSecret(masterKey, k.wrapped_key, `org-key:${k.organisation_id}`);
    for (const u of totp.rows) openSecret(masterKey, u.totp_secret, u.id);
  } catch {
    throw new RestoreError(
      'PERCORSI_MASTER_KEY does not open the sealed data of this backup (organisation data keys, second-factor secrets): ' +
        'restore with the master key that was in use when the backup was made',
    );
  }
  checks.push(
    `sealed data opens with the master key: ${keys.rows.length} data keys, ${totp.rows.length} second-factor secrets`,
  );
  return checks;
}

/** Ends every session of the restored database and records the restore in its trail (what, not who). */
async function endSessions(db: Kysely<DB>, manifest: Manifest): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const r = await sql`DELETE FROM sessions`.execute(tx);
    const ended = Number(r.numAffectedRows ?? 0n);
    await recordAudit(tx, null, {
      action: 'system.restore',
      details: { backupCreatedAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, sessionsEnded: ended },
    });
    return ended;
  });
}

export async function readManifest(manifestPath: string): Promise<{ manifest: Manifest; file: string }> {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  if (manifest.format !== 'percorsi-backup/1') throw new RestoreError('not a Percorsi backup manifest');
  const file = path.join(path.dirname(manifestPath), path.basename(manifest.file));
  const digest = await sha256Of(file).catch(() => {
    throw new RestoreError(`the backup file ${manifest.file} is missing next to the manifest`);
  });
  if (digest !== manifest.sha256) throw new RestoreError('the backup file does not match its manifest (sha256)');
  return { manifest, file };
}

/** Creates the application roles when the cluster lacks them (a restore onto a new server); as migrations 001 and 006. */
async function ensureRoles(client: pg.Client): Promise<void> {
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'percorsi_app') THEN
      CREATE ROLE percorsi_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'percorsi_definer') THEN
      CREATE ROLE percorsi_definer NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
  END $$`);
  await client.query('ALTER ROLE percorsi_app SET jit = off');
}

export interface RestoreReport {
  checks: string[];
  sessionsEnded: number;
}

/**
 * Restores a backup over the configured database. Nothing is replaced until every check passed:
 * PostgreSQL is restored into a new database, checked, then renamed over the old one; the embedded
 * directory is set aside, restored, checked, and put back if a check fails. Every session ends.
 */
export async function restore(config: Config, manifestPath: string): Promise<RestoreReport> {
  const { manifest, file } = await readManifest(manifestPath);
  if ((manifest.database === 'postgres') !== Boolean(config.databaseUrl))
    throw new RestoreError(
      `this is a backup of the ${manifest.database === 'postgres' ? 'PostgreSQL' : 'embedded'} database; configure that database to restore it`,
    );
  if (config.databaseUrl) return restorePostgres(config, manifest, file);
  return restorePglite(config, manifest, file);
}

async function restorePostgres(config: Config, manifest: Manifest, file: string): Promise<RestoreReport> {
  const url = new URL(config.databaseUrl as string);
  const target = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  if (!/^[A-Za-z0-9_]+$/.test(target)) throw new RestoreError('the database name must be letters, digits and _');
  const scratch = `${target}_restore_${Date.now().toString(36)}`.slice(0, 63);
  const maintenance = new URL(url);
  maintenance.pathname = target === 'postgres' ? '/template1' : '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await ensureRoles(admin);
    await admin.query(`CREATE DATABASE ${scratch}`);
    const scratchUrl = new URL(url);
    scratchUrl.pathname = `/${scratch}`;
    const appUrl = new URL(config.appDatabaseUrl as string);
    appUrl.pathname = `/${scratch}`;
    let report: RestoreReport;
    try {
      await run('pg_restore', ['--exit-on-error', '--no-password', `--dbname=${scratchUrl}`, file]);
      const db = openPostgres(scratchUrl.toString(), appUrl.toString(), 1);
      try {
        const checks = await verifyRestored(db.owner, manifest, config.masterKey);
        const rls = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pg_policies WHERE schemaname = 'public'`.execute(db.owner);
        checks.push(`${rls.rows[0]?.n} row-level security policies restored`);
        report = { checks, sessionsEnded: await endSessions(db.owner, manifest) };
      } finally {
        await db.close();
      }
    } catch (e) {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      throw e;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await admin.query(`ALTER DATABASE ${scratch} RENAME TO ${target}`);
    return report;
  } finally {
    await admin.end();
  }
}

async function restorePglite(config: Config, manifest: Manifest, file: string): Promise<RestoreReport> {
  const dir = path.join(config.dataDir, 'pglite');
  const aside = `${dir}.before-restore-${Date.now().toString(36)}`;
  const had = await readdir(dir).then(
    (f) => f.length > 0,
    () => false,
  );
  if (had) await rename(dir, aside);
  await mkdir(dir, { recursive: true });
  let db: Database | null = null;
  try {
    const blob = new Blob([await readFile(file)]);
    const pglite = new PGlite(dir, { extensions: { btree_gist }, loadDataDir: blob });
    await pglite.waitReady;
    await pglite.close();
    db = await openPglite(dir);
    const checks = await verifyRestored(db.owner, manifest, config.masterKey);
    const report = { checks, sessionsEnded: await endSessions(db.owner, manifest) };
    await db.close();
    db = null;
    if (had) await rm(aside, { recursive: true, force: true });
    return report;
  } catch (e) {
    await db?.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    if (had) await rename(aside, dir);
    throw e;
  }
}
