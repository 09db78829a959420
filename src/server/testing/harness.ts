import { DEMO_LINKAGE_KEY } from '../observatory/linkage.ts';
import { createAccount } from '../users/create-account.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../shared/codes/roles.ts';
import { type App, buildApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { sealSecret } from '../auth/secrets.ts';
import { newTotpSecret, totpCode } from '../auth/totp.ts';
import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

/**
 * Test databases: in-memory PGlite by default; with PERCORSI_TEST_PG (an admin URL of a real
 * server) a fresh database on that server, reached by the app as percorsi_app.
 */
export async function openTestDb(options: { migrateBefore?: string } = {}): Promise<Database> {
  const adminUrl = process.env.PERCORSI_TEST_PG;
  const upTo = { before: options.migrateBefore };
  if (!adminUrl) {
    const db = await openPglite(null);
    await migrate(db.owner, upTo);
    return db;
  }
  const name = `percorsi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = 'percorsi_app';
  appUrl.password = '';
  const db = openPostgres(ownerUrl.toString(), appUrl.toString(), 5);
  // Roles and their settings are cluster-wide (CREATE ROLE, ALTER ROLE … SET) while the migration
  // lock is per database: parallel test files would update the same pg_authid rows at once
  // ("tuple concurrently updated"). One session lock in the admin database serialises them.
  await admin.query('SELECT pg_advisory_lock(4243)');
  try {
    await migrate(db.owner, upTo);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4243)');
    await admin.end();
  }
  const close = db.close;
  db.close = async () => {
    await close();
    const again = new pg.Client({ connectionString: adminUrl });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  };
  return db;
}

/**
 * A fresh test database for one test file, opened before its tests and closed after: read `t.db`
 * inside the tests. `beforeApp` runs on the new database first (e.g. seeding reference data).
 */
export function openTestDbPerFile(options: { beforeApp?: (db: Database) => Promise<unknown> } = {}) {
  const t = {} as { db: Database };
  beforeAll(async () => {
    t.db = await openTestDb();
    await options.beforeApp?.(t.db);
  });
  afterAll(async () => {
    await t.db?.close();
  });
  return t;
}

/**
 * A fresh test database and app for one test file, opened before its tests and closed after:
 * read `t.db`, `t.app`, `t.config`, `t.logs` inside the tests. Tests make their own organisations
 * (`makeOrg`) rather than truncating tables.
 */
export function openTestAppPerFile(
  options: { config?: () => Config; beforeApp?: (db: Database) => Promise<unknown> } = {},
) {
  const t = openTestDbPerFile(options) as { db: Database; app: App; config: Config; logs: string[] };
  beforeAll(async () => {
    Object.assign(t, await testApp(t.db, options.config?.()));
  });
  afterAll(async () => {
    await t.app?.close();
  });
  return t;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: null,
    appDatabaseUrl: null,
    dataDir: '/nonexistent',
    demo: false,
    masterKey: randomBytes(32),
    publicUrl: 'https://percorsi.test',
    logLevel: 'info',
    smtpUrl: null,
    mailFrom: 'Percorsi <no-reply@percorsi.invalid>',
    // observatory (issue 7): the demo's linkage key, the default threshold
    linkageKey: DEMO_LINKAGE_KEY,
    observatoryThreshold: 5,
    // training (issue 8)
    trainingValidMonths: 24,
    // passkeys (issue 12): the relying party of publicUrl
    webauthn: { rpId: 'percorsi.test', rpName: 'Percorsi', origins: ['https://percorsi.test'] },
    ...overrides,
  };
}

/** An app over a test database whose log lines are kept in `logs` (to look for canaries). */
export async function testApp(
  db: Database,
  config = testConfig(),
): Promise<{ app: App; logs: string[]; config: Config }> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ db, config, logStream });
  await app.ready();
  return { app, logs, config };
}

export async function makeOrg(db: Database, fields: { type?: string; name?: string } = {}): Promise<string> {
  const row = await db.owner
    .insertInto('organisations')
    .values({ name: fields.name ?? `Ente di prova ${randomUUID().slice(0, 8)}`, type: fields.type ?? 'cav' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  totpSecret: string;
  organisationId: string;
  roles: Role[];
}

export async function makeUser(
  db: Database,
  config: Config,
  fields: { organisationId: string; roles: Role[]; enrolled?: boolean; username?: string },
): Promise<TestUser> {
  const username = fields.username ?? `u${randomBytes(5).toString('hex')}`;
  const password = `Prova-${randomBytes(9).toString('base64url')}`;
  const totpSecret = newTotpSecret();
  const id = randomUUID();
  await createAccount(db.owner, {
    id,
    organisationId: fields.organisationId,
    username,
    displayName: `Utente ${username}`,
    email: null,
    passwordHash: await hashPassword(password),
    sealedTotpSecret: fields.enrolled === false ? null : sealSecret(config.masterKey, totpSecret, id),
    roles: fields.roles,
  });
  return { id, username, password, totpSecret, organisationId: fields.organisationId, roles: fields.roles };
}

export interface Signed {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export function cookieFrom(res: { cookies: Array<{ name: string; value: string }> }, name: string): string | undefined {
  const c = res.cookies.find((x) => x.name === name && x.value);
  return c ? `${c.name}=${c.value}` : undefined;
}

/** Signs a user in through the real endpoints: password, then TOTP. */
/** A new user with these roles in that organisation, signed in: the usual first line of an authorisation test. */
export async function signInNew(
  t: { app: App; db: Database; config: Config },
  fields: Parameters<typeof makeUser>[2],
): Promise<Signed> {
  return signIn(t.app, t.db, await makeUser(t.db, t.config, fields));
}

export async function signIn(app: App, db: Database, user: TestUser): Promise<Signed> {
  await db.owner.updateTable('users').set({ totp_last_step: null }).where('id', '=', user.id).execute();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode}`);
  const pre = cookieFrom(login, '__Host-percorsi_pre');
  if (!pre) throw new Error('no pre-auth cookie');
  const totp = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp',
    headers: { cookie: pre },
    payload: { code: totpCode(user.totpSecret) },
  });
  if (totp.statusCode !== 200) throw new Error(`totp failed: ${totp.statusCode} ${totp.body}`);
  const cookie = cookieFrom(totp, '__Host-percorsi_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = totp.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** The audit rows, in id order (chained or not). */
export async function auditRows(db: Database) {
  return db.owner.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

export { sql };
