import type { FastifyBaseLogger } from 'fastify';
import { withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { makeCtx } from '../http/request-context.ts';
import { sweepDrafts } from './drafts.ts';

/** Deletes expired drafts now and every `intervalMs`, also those nobody comes back to. */
export function startDraftSweep(db: Database, log: FastifyBaseLogger, intervalMs: number) {
  const run = async () => {
    try {
      const deleted = await withContext(db, (tx) => sweepDrafts(makeCtx(tx, null)));
      if (deleted > 0) log.info({ deleted }, 'draft sweep');
    } catch (e) {
      log.error({ code: (e as { code?: string }).code ?? 'sweep_failed' }, 'draft sweep failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
