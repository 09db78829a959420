// Verifies the audit hash chain; exits 1 and names the first broken link if it was tampered with.
// --chain first chains the committed rows the server has not chained yet (waiting for its chainer).
import { verifyAuditChain } from '../src/server/audit/verify.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/open.ts';

const db = await openDatabase(loadConfig());
const started = performance.now();
const report = await verifyAuditChain(db.owner, { chain: process.argv.includes('--chain') });
const seconds = (performance.now() - started) / 1000;
await db.close();
const pending =
  report.pending.count === 0
    ? 'no rows waiting to be chained'
    : `${report.pending.count} committed rows not chained yet (oldest ${Math.round(report.pending.oldestSeconds ?? 0)} s): ` +
      'they are not covered by the chain until the server chains them (or run with --chain)';
if (report.ok) {
  console.log(
    `audit chain intact: ${report.checked} rows in ${seconds.toFixed(1)} s, head at ${report.headSeq} ${report.headHash}`,
  );
  console.log(pending);
} else {
  console.error(
    `audit chain BROKEN at position ${report.broken?.chainSeq} (${report.broken?.reason}); ${report.checked} rows verified before it`,
  );
  console.error(pending);
  process.exit(1);
}
