// Applies migrations and seeds the network; in demo mode also the demo users and paths.
import { mkdir } from 'node:fs/promises';
import { loadConfig } from '../src/server/config.ts';
import { sealFreeTextLeftInClear } from '../src/server/db/seal-free-text.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { seedDemoCasesOnce } from '../src/server/demo/seed-cases.ts';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { loadNetworkData, seedNetwork } from '../src/server/network/seed-network.ts';

const config = loadConfig();
await mkdir(config.dataDir, { recursive: true });
const db = await openDatabase(config);
const ran = await migrate(db.owner);
// free text written in clear before migration 170 is sealed once, with the master key
const resealed = await sealFreeTextLeftInClear(db.owner, config.masterKey);
if (resealed) console.log(`sealed ${resealed} rows of free text written before migration 170`);
await seedNetwork(db.owner, await loadNetworkData());
console.log(ran.length ? `applied: ${ran.join(', ')}` : 'database already up to date');
if (config.demo) {
  await seedDemo(db, config);
  const cases = await seedDemoCasesOnce(db, config);
  if (cases) console.log(`demo: ${cases} synthetic paths`);
}
await db.close();
