// npm run backup -- [--out DIR]: backs up the configured database (PGlite data directory or
// PostgreSQL) into DIR (default PERCORSI_BACKUP_DIR or ./backups) with its manifest. The embedded
// database must not be in use (stop the server first); PostgreSQL is dumped in one snapshot while it runs.
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { backup } from '../src/server/ops/backup.ts';

const at = process.argv.indexOf('--out');
const out = path.resolve(at > 0 ? (process.argv[at + 1] ?? '') : (process.env.PERCORSI_BACKUP_DIR ?? 'backups'));
const started = performance.now();
const { manifestPath, manifest } = await backup(loadConfig(), out);
const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
console.log(
  `backup of the ${manifest.database} database: ${path.join(out, manifest.file)} (${manifest.bytes} bytes), ` +
    `${Object.keys(manifest.tables).length} tables, ${rows} rows, audit head ${manifest.audit.chainSeq}, ` +
    `schema ${manifest.schemaVersion}, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`manifest: ${manifestPath}`);
