// Verifies the audit hash chain; exits 1 and names the first broken row if it was tampered with.
import { verifyAuditChain } from '../src/server/audit/verify.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/open.ts';

const db = await openDatabase(loadConfig());
const report = await verifyAuditChain(db.owner);
await db.close();
if (report.ok) {
  console.log(`audit chain intact: ${report.checked} rows, head at seq ${report.headSeq}`);
} else {
  console.error(
    `audit chain BROKEN at seq ${report.broken?.seq} (${report.broken?.reason}); ${report.checked} rows verified before it`,
  );
  process.exit(1);
}
