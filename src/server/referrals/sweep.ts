import type { FastifyBaseLogger } from 'fastify';
import { withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { sweepReferrals } from './end-access.ts';

/** Runs the referral sweep now and every `intervalMs` (RLS reads the rows by time anyway: this deletes what ran out). */
export function startReferralSweep(db: Database, log: FastifyBaseLogger, intervalMs: number) {
  const run = () =>
    withContext(db, (tx) => sweepReferrals(tx))
      .then((n) => n > 0 && log.info({ shares: n }, 'referral shares deleted after access ended'))
      .catch((e: { code?: string }) => log.error({ code: e.code ?? 'sweep_failed' }, 'referral sweep failed'));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
