import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** Rows one chainer step appends at most (one statement, one transaction; on PGlite it holds the one connection). */
export const CHAIN_BATCH = 2_000;

/**
 * Appends every committed, unchained audit row to the chain, in batches (`audit_chain_step` in
 * migration 070: gap-free positions, each hash over the row and the previous hash). Returns how
 * many rows it chained; null when another chainer (another app node) holds the lock and `wait` is
 * false. Runs as the owner: percorsi_app has no access to the chain.
 */
export async function chainAudit(
  owner: Kysely<DB>,
  options: { batch?: number; wait?: boolean } = {},
): Promise<number | null> {
  const batch = options.batch ?? CHAIN_BATCH;
  let total = 0;
  for (let attempts = 0; ; ) {
    const res = await sql<{ n: number }>`SELECT audit_chain_step(${batch}::int) AS n`.execute(owner);
    const n = Number(res.rows[0]?.n ?? 0);
    if (n < 0) {
      // the other node chains: wait for it (audit:verify --chain, tests) or leave it the work
      if (!options.wait || ++attempts > 100) return total > 0 ? total : null;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    total += n;
    if (n < batch) return total;
  }
}

export interface ChainerLogger {
  warn(obj: object, msg: string): void;
}

export interface AuditChainer {
  runOnce(): Promise<number | null>;
  /** stops the timer and chains what committed until now */
  stop(): Promise<void>;
}

/**
 * The server's chainer: shortly after requests commit, it extends the audit chain. On several app
 * nodes each runs one; an advisory lock lets one of them chain at a time (the others skip a turn).
 * intervalMs 0: no timer, runOnce only (tests).
 */
export function startAuditChainer(deps: { db: Database; logger: ChainerLogger; intervalMs: number }): AuditChainer {
  let running: Promise<number | null> | null = null;
  function runOnce(): Promise<number | null> {
    if (!running) {
      running = chainAudit(deps.db.owner).finally(() => {
        running = null;
      });
    }
    return running;
  }
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    runOnce().catch((err: unknown) => {
      const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : 'ERROR';
      deps.logger.warn({ code }, 'audit chainer run failed');
    });
  };
  const timer = deps.intervalMs > 0 ? setInterval(tick, deps.intervalMs) : null;
  timer?.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
      await runOnce().catch(() => undefined);
    },
  };
}
