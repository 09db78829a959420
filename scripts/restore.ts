// npm run restore -- MANIFEST --yes: restores a backup made by `npm run backup` over the configured
// database, then checks it: row counts against the manifest, the audit chain, and that the sealed data
// opens with PERCORSI_MASTER_KEY. Nothing is replaced unless every check passes. Every session ends.
// Stop the app nodes first.
import { loadConfig } from '../src/server/config.ts';
import { RestoreError, restore } from '../src/server/ops/backup.ts';

const args = process.argv.slice(2);
const manifest = args.find((a) => !a.startsWith('--'));
if (!manifest || !args.includes('--yes')) {
  console.error('usage: npm run restore -- path/to/percorsi-….manifest.json --yes');
  console.error('(--yes: the configured database is replaced by the backup once its checks pass)');
  process.exit(2);
}
try {
  const started = performance.now();
  const report = await restore(loadConfig(), manifest);
  for (const check of report.checks) console.log(`ok: ${check}`);
  console.log(
    `restored in ${((performance.now() - started) / 1000).toFixed(1)} s; ${report.sessionsEnded} sessions ended (everyone signs in again)`,
  );
} catch (e) {
  if (e instanceof RestoreError) {
    console.error(`restore refused: ${e.message}`);
    console.error('the database was left as it was before the restore');
    process.exit(1);
  }
  throw e;
}
