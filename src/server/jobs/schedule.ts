import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import { withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { flagStaleEntries } from '../directory/stale.ts';
import { sweepDrafts } from '../drafts/drafts.ts';
import { makeCtx } from '../http/request-context.ts';
import type { OutboxWorker } from '../notifications/outbox-worker.ts';
import { catchUpStatistics } from '../observatory/catch-up.ts';
import { sweepReferrals } from '../referrals/end-access.ts';
import { notifyOverdue } from '../referrals/sweep.ts';
import { purgeSystemData, retentionFrom } from './retention.ts';
import type { Job } from './runner.ts';
import { checkCoverage } from '../training/sweep.ts';
import { detectInsiderAlerts } from '../insider/alerts.ts';

const MINUTE = 60_000;

/** The jobs' periods; PERCORSI_JOBS_EVERY_MS sets all of them at once (tests, the two-node check). */
export const JOB_PERIODS = {
  // unanswered referrals expire, ended shares are deleted, overdue referrals are flagged
  referral_sweep: 10 * MINUTE,
  // drafts nobody came back to are deleted 14 days after their last save
  draft_sweep: 60 * MINUTE,
  // public directory entries not verified for 6 months are flagged to their editors
  stale_entries: 24 * 60 * MINUTE,
  // operators' notification e-mails (only with PERCORSI_SMTP_URL)
  email_outbox: 30_000,
  // observatory: the statistics store catches up with the paths' changes
  statistics: 30_000,
  // retention of system data (jobs/retention.ts)
  retention: 60 * MINUTE,
  // training (issue 8): a CPI dropping below two trained referents is told once
  training_coverage: 15 * MINUTE,
  // issue 12: insider alerts for the DPOs, from the audit trail of the last two hours
  insider_alerts: 15 * MINUTE,
} as const;

export type JobName = keyof typeof JOB_PERIODS;

export function jobsEveryMs(env: NodeJS.ProcessEnv = process.env): number | null {
  const text = env.PERCORSI_JOBS_EVERY_MS;
  if (!text) return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 100) throw new Error('PERCORSI_JOBS_EVERY_MS must be a whole number of ms, ≥ 100');
  return n;
}

/**
 * Every periodic job of the server, for the runner (runner.ts). The audit chainer is not among
 * them: it runs every second on every node under its own advisory lock and chains what is left
 * when the node stops (audit/chainer.ts); a missed turn there costs nothing.
 */
export function systemJobs(deps: {
  db: Database;
  config: Config;
  logger: FastifyBaseLogger;
  outbox: OutboxWorker | null;
  env?: NodeJS.ProcessEnv;
}): Job[] {
  const { db } = deps;
  const env = deps.env ?? process.env;
  const every = jobsEveryMs(env);
  const period = (name: JobName) => every ?? JOB_PERIODS[name];
  const retention = retentionFrom(env);
  const jobs: Job[] = [
    {
      name: 'referral_sweep',
      everyMs: period('referral_sweep'),
      run: async () => ({
        shares: await withContext(db, (tx) => sweepReferrals(tx)),
        overdue: await notifyOverdue(db),
      }),
    },
    {
      name: 'draft_sweep',
      everyMs: period('draft_sweep'),
      run: async () => ({ deleted: await withContext(db, (tx) => sweepDrafts(makeCtx(tx, null))) }),
    },
    {
      name: 'stale_entries',
      everyMs: period('stale_entries'),
      run: async () => ({ flagged: await flagStaleEntries(db) }),
    },
    {
      name: 'statistics',
      everyMs: period('statistics'),
      // the catch-up keeps its own advisory lock too (catchUpAll is called outside the runner)
      run: async () => ({ cases: (await catchUpStatistics(db.owner))?.cases ?? 0 }),
    },
    { name: 'retention', everyMs: period('retention'), run: () => purgeSystemData(db.owner, retention) },
    {
      name: 'training_coverage',
      everyMs: period('training_coverage'),
      // the check keeps its own advisory lock too (checkCoverage can be called outside the runner)
      run: async () => ({ notified: (await checkCoverage(db))?.notified.length ?? 0 }),
    },
    {
      name: 'insider_alerts',
      everyMs: period('insider_alerts'),
      // the detection keeps its own advisory lock too (it can be called outside the runner)
      run: async () => ({ alerts: (await detectInsiderAlerts(db))?.alerts ?? 0 }),
    },
  ];
  const outbox = deps.outbox;
  if (outbox) jobs.push({ name: 'email_outbox', everyMs: period('email_outbox'), run: () => outbox.runOnce() });
  return jobs;
}
