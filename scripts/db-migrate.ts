import { loadConfig } from '../src/server/config.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { loadNetworkData, seedNetwork } from '../src/server/network/seed-network.ts';

const config = loadConfig();
const db = await openDatabase(config);
const ran = await migrate(db.owner);
await seedNetwork(db.owner, await loadNetworkData());
console.log(ran.length ? `applied: ${ran.join(', ')}` : 'database already up to date');
await db.close();
