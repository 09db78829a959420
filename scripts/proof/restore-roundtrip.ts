// Backup and restore round trips (issue 11, item 5), on the embedded database and on PostgreSQL:
// a database with the demo's people (second-factor secrets sealed with the master key), data keys
// of two organisations, chained audit rows and open sessions is backed up; then written to (a new
// organisation, a new session); a restore with the wrong master key is refused and leaves the
// database as it was; on PostgreSQL a manifest whose counts were changed is refused too; the right
// restore brings back exactly the backup (the later organisation gone), every session ended, the
// audit chain intact, the app role's policies in place. Prints "restore round trips: N".
//   npx tsx scripts/proof/restore-roundtrip.ts [--db pglite|pg|both]
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { recordAudit } from '../../src/server/audit/record.ts';
import { chainAudit } from '../../src/server/audit/chainer.ts';
import { verifyAuditChain } from '../../src/server/audit/verify.ts';
import { dataKeyOf } from '../../src/server/cases/keys.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { withContext } from '../../src/server/db/context.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { loadNetworkData, seedNetwork } from '../../src/server/network/seed-network.ts';
import { backup, type Manifest, RestoreError, restore } from '../../src/server/ops/backup.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const which = arg('db', 'both');
const ADMIN = process.env.PERCORSI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let passed = 0;
let checks = 0;
function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`round trip check failed: ${what}`);
  checks++;
}

async function expectRefused(config: Config, manifest: string, pattern: RegExp, what: string) {
  try {
    await restore(config, manifest);
  } catch (e) {
    check(e instanceof RestoreError && pattern.test(e.message), `${what}: ${(e as Error).message}`);
    return;
  }
  check(false, `${what}: the restore was not refused`);
}

const orgCount = async (config: Config, name: string) => {
  const db = await openDatabase(config);
  try {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisations WHERE name = ${name}`.execute(
      db.owner,
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
};

async function roundTrip(kind: 'pglite' | 'pg') {
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), `percorsi-rt-${kind}-`));
  const key = randomBytes(32).toString('base64');
  const env: NodeJS.ProcessEnv = { PERCORSI_DATA_DIR: dir, PERCORSI_MASTER_KEY: key, PERCORSI_DEMO: 'on' };
  const name = `percorsi_rt_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  if (kind === 'pg') {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }
  const config = loadConfig(env);
  try {
    // a database with people, data keys, chained audit rows and sessions
    const db = await openDatabase(config);
    await migrate(db.owner);
    await seedNetwork(db.owner, await loadNetworkData());
    await seedDemo(db, config);
    const orgs = await db.owner.selectFrom('organisations').select('id').orderBy('id').limit(2).execute();
    await db.owner.transaction().execute(async (tx) => {
      for (const o of orgs) {
        await dataKeyOf(tx, config.masterKey, o.id);
        // audit rows for the chain (a system job's kind of row)
        await recordAudit(tx, null, { action: 'directory.stale_flag', subjectType: 'organisation', subjectId: o.id });
      }
    });
    const user = await db.owner.selectFrom('users').select(['id', 'organisation_id']).executeTakeFirstOrThrow();
    const session = (tag: string) =>
      sql`INSERT INTO sessions (id_hash, user_id, organisation_id, stage, csrf_token, expires_at)
        VALUES (${`${tag}-${randomBytes(8).toString('hex')}`}, ${user.id}, ${user.organisation_id}, 'full', 'x',
          now() + interval '8 hours')`.execute(db.owner);
    await session('before');
    await chainAudit(db.owner, { wait: true });
    await db.close();

    const { manifestPath, manifest } = await backup(config, path.join(dir, 'backups'));
    check(manifest.tables.users === (await countOf(config, 'users')), 'the manifest counts the users');
    check(Number(manifest.audit.chainSeq) > 0, 'the manifest holds the audit chain head');

    // written after the backup: gone after the restore
    const later = `Ente dopo il backup ${randomBytes(3).toString('hex')}`;
    const db2 = await openDatabase(config);
    await db2.owner.insertInto('organisations').values({ name: later, type: 'cav' }).execute();
    await sql`INSERT INTO sessions (id_hash, user_id, organisation_id, stage, csrf_token, expires_at)
      VALUES (${`after-${randomBytes(8).toString('hex')}`}, ${user.id}, ${user.organisation_id}, 'full', 'x',
        now() + interval '8 hours')`.execute(db2.owner);
    await db2.close();

    // the wrong master key: refused, and the database is left as it was
    const wrong = loadConfig({ ...env, PERCORSI_MASTER_KEY: randomBytes(32).toString('base64') });
    await expectRefused(wrong, manifestPath, /PERCORSI_MASTER_KEY does not open/, 'wrong master key');
    check((await orgCount(config, later)) === 1, 'a refused restore leaves the database as it was');

    if (kind === 'pg') {
      // a manifest that does not describe the dump: refused
      const forged: Manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      forged.tables.organisations = (forged.tables.organisations ?? 0) + 1;
      const forgedPath = manifestPath.replace('.manifest.json', '.forged.manifest.json');
      await writeFile(forgedPath, JSON.stringify(forged));
      await expectRefused(config, forgedPath, /row counts differ/, 'row counts against the manifest');
    }

    const report = await restore(config, manifestPath);
    check(report.checks.length >= 3, 'the restore reports its checks');
    check(report.sessionsEnded >= 1, 'the restore ends the sessions it brought back');
    check((await orgCount(config, later)) === 0, 'the restore brings back the backup, not what came after');
    const db3 = await openDatabase(config);
    try {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sessions`.execute(db3.owner);
      check(n.rows[0]?.n === 0, 'no session survives a restore');
      const chain = await verifyAuditChain(db3.owner);
      check(
        chain.ok && String(chain.headSeq) === manifest.audit.chainSeq,
        'the audit chain verifies after the restore',
      );
      // the app role and its policies: no actor, no rows; the role owns nothing
      const seen = await withContext(db3, (tx) => sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(tx));
      check(seen.rows[0]?.n === 0, 'row-level security holds for the app role after the restore');
      const users = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(db3.owner);
      check(users.rows[0]?.n === manifest.tables.users, 'the users are back');
    } finally {
      await db3.close();
    }
    passed++;
    console.log(`restore round trip on ${kind}: ok in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (kind === 'pg') {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    await rm(dir, { recursive: true, force: true });
  }
}

async function countOf(config: Config, table: 'users') {
  const db = await openDatabase(config);
  try {
    const r = await db.owner
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  } finally {
    await db.close();
  }
}

const kinds: Array<'pglite' | 'pg'> = which === 'both' ? ['pglite', 'pg'] : [which as 'pglite' | 'pg'];
for (const kind of kinds) await roundTrip(kind);
console.log(`restore round trips: ${passed} (${checks} checks passed)`);
