import { buildApp } from '../../src/server/app.ts';
import { openPglite } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadNetworkData, seedNetwork } from '../../src/server/network/seed-network.ts';
import { testConfig } from '../../src/server/testing/harness.ts';

/**
 * The real app over the embedded database (as `npm start` runs it), with the network seeded, for
 * the public directory benchmark. PERCORSI_TRUST_PROXY=1 is set by the caller (see load.ts).
 */
const db = await openPglite(null);
await migrate(db.owner);
await seedNetwork(db.owner, await loadNetworkData());
const app = await buildApp({
  db,
  config: testConfig({ logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn', host: '127.0.0.1', port: 0 }),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

process.once('SIGTERM', async () => {
  await app.close();
  await db.close();
  process.exit(0);
});
