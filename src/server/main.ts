import { mkdir } from 'node:fs/promises';
import { buildApp } from './app.ts';
import { startAuditChainer } from './audit/chainer.ts';
import { loadConfig } from './config.ts';
import { sealFreeTextLeftInClear } from './db/seal-free-text.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { seedDemoCasesOnce } from './demo/seed-cases.ts';
import { printDemoLogins, seedDemo } from './demo/seed-demo.ts';
import { seedDemoDirectoryOnce } from './demo/seed-directory.ts';
import { seedDemoControlRoomOnce } from './demo/seed-control-room.ts';
import { seedDemoCompaniesOnce } from './demo/seed-companies.ts';
import { ensureWebBuilt } from './http/build-web.ts';
import { loadNetworkData, seedNetwork } from './network/seed-network.ts';
import { startOutboxWorker } from './notifications/outbox-worker.ts';
import { startJobs } from './jobs/runner.ts';
import { systemJobs } from './jobs/schedule.ts';
import { catchUpAll } from './observatory/catch-up.ts';
import { seedDemoStatisticsOnce } from './demo/seed-statistics.ts';
import { configureTraining } from './training/coverage.ts';
import { seedDemoPreventionOnce, seedDemoTrainingOnce } from './demo/seed-training.ts';

const started = performance.now();
// milliseconds per start-up step, in the ready line: what a slow start spends its time on
// `process`: from the process's start to main.ts's first line (Node, loading the server's modules)
const phases: Record<string, number> = { process: Math.round(started) };
// the same in CPU milliseconds of the process (all threads): what a busy machine moves least
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const cpuPhases: Record<string, number> = { process: Math.round(cpuMs()) };
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const at = performance.now();
  const cpuAt = cpuMs();
  try {
    return await work();
  } finally {
    phases[name] = Math.round(performance.now() - at);
    cpuPhases[name] = Math.round(cpuMs() - cpuAt);
  }
}
const config = loadConfig();
await mkdir(config.dataDir, { recursive: true });
await phase('web', ensureWebBuilt);
const db = await phase('open', () => openDatabase(config));
await phase('migrate', () => migrate(db.owner));
// free text written in clear before migration 170 is sealed once, with the master key
const resealed = await phase('seal', () => sealFreeTextLeftInClear(db.owner, config.masterKey));
if (resealed) console.log(`Sealed ${resealed} rows of free text written before migration 170.`);
await phase('network', async () => seedNetwork(db.owner, await loadNetworkData()));
// training (issue 8): the configured validity and AFOL's organisation, for SQL's coverage functions
await phase('training', () => configureTraining(db.owner, config));
if (config.demo) {
  const logins = await phase('demoUsers', () => seedDemo(db, config));
  const cases = await phase('demoCases', () => seedDemoCasesOnce(db, config));
  if (cases) console.log(`Seeded ${cases} synthetic women's paths.`);
  const entries = await phase('demoDirectory', () => seedDemoDirectoryOnce(db));
  if (entries) console.log(`Published ${entries} demo entries of the public directory (/aiuto).`);
  // net-companies: companies, commitments and vacancies in the Milan and Pavia networks
  const companies = await phase('demoCompanies', () => seedDemoCompaniesOnce(db));
  if (companies) console.log(`Registered ${companies} demo companies with their vacancies (/aziende).`);
  if (logins) printDemoLogins(logins, config);
  // net-control: a year of the Milan control room (meetings, decisions, actions, a working group)
  await phase('demoControlRoom', () => seedDemoControlRoomOnce(db));
  // observatory (issue 7): the demo's statistics history, then the store caught up with the demo's paths
  // (on a restart the store is already built: the scheduled catch-up job brings it up to date after listen)
  await phase('demoStatistics', async () => {
    if (await seedDemoStatisticsOnce(db)) await catchUpAll(db.owner);
  });
  // training (issue 8): a year of courses, editions, sessions and attendance
  await phase('demoTraining', () => seedDemoTrainingOnce(db, config));
  await phase('demoPrevention', () => seedDemoPreventionOnce(db, config));
}
const app = await phase('app', () => buildApp({ db, config }));
await phase('listen', () => app.listen({ port: config.port, host: config.host }));
app.log.info(
  { ms: Math.round(performance.now() - started), phases, cpuPhases, demo: config.demo, db: db.kind },
  'Percorsi is ready',
);
// Operators' notification e-mails: without PERCORSI_SMTP_URL they stay queued in the outbox.
// The worker has no timer of its own (intervalMs 0): the job schedule below runs it.
const outbox = config.smtpUrl ? startOutboxWorker({ db, config, logger: app.log, intervalMs: 0 }) : null;
if (!outbox) app.log.info('PERCORSI_SMTP_URL is not set: notification e-mails stay queued');

// Audit rows are written with each request; this node (or another one) chains them a moment later.
const chainer = startAuditChainer({ db, logger: app.log, intervalMs: 1_000 });

// Every periodic job (referral sweep, drafts, stale directory entries, e-mails, statistics,
// retention) on one schedule shared by all nodes through job_runs: each run happens on one node.
const jobs = startJobs({ owner: db.owner, logger: app.log, jobs: systemJobs({ db, config, logger: app.log, outbox }) });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.close();
  await jobs.stop();
  await outbox?.stop();
  await chainer.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
