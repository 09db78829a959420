import { buildApp } from '../../src/server/app.ts';
import { startAuditChainer } from '../../src/server/audit/chainer.ts';
import { openPostgres } from '../../src/server/db/database.ts';
import { testConfig } from '../../src/server/testing/harness.ts';

/**
 * The real app (buildApp) over real PostgreSQL, for the read benchmark. Environment:
 * BENCH_OWNER_URL, BENCH_APP_URL, BENCH_MASTER_KEY (base64), BENCH_LOG_LEVEL.
 * PERCORSI_TRUST_PROXY=1 is set by the caller (see load.ts on the rate limit).
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const config = testConfig({
  databaseUrl: env('BENCH_OWNER_URL'),
  appDatabaseUrl: env('BENCH_APP_URL'),
  masterKey: Buffer.from(env('BENCH_MASTER_KEY'), 'base64'),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
  host: '127.0.0.1',
  port: 0,
});
// The same pool size as production (openDatabase → openPostgres default of 10).
const db = openPostgres(env('BENCH_OWNER_URL'), env('BENCH_APP_URL'));
const app = await buildApp({ db, config });
// As main.ts does: the audit rows written by the requests are chained a moment later.
const chainer = startAuditChainer({ db, logger: app.log, intervalMs: 1_000 });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

process.once('SIGTERM', async () => {
  await app.close();
  await chainer.stop();
  await db.close();
  process.exit(0);
});
