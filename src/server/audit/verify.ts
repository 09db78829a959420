import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chainAudit } from './chainer.ts';

export type BreakReason = 'sequence_gap' | 'missing_row' | 'prev_hash_mismatch' | 'hash_mismatch' | 'missing_tail';

export interface ChainReport {
  ok: boolean;
  /** chained rows verified: all of them, or those before the break */
  checked: number;
  /** where the chainer says the chain ends: note the hash outside the database to anchor it */
  headSeq: string;
  headHash: string;
  /** committed rows not chained yet: not a break, but not protected by the chain until they are */
  pending: { count: number; oldestSeconds: number | null };
  /** the first chain position where the chain breaks, and why */
  broken?: { chainSeq: string; reason: BreakReason };
}

export interface VerifyOptions {
  /** chain the pending rows first (audit:verify --chain, tests) */
  chain?: boolean;
  /** chain positions per range query */
  rangeSize?: number;
  /** range queries at once; the owner pool has two connections on PostgreSQL, PGlite has one */
  parallel?: number;
}

const GENESIS = '0'.repeat(64);

/**
 * The first break in chain positions [from, to], found in SQL: each link joined to its row, the
 * previous link by a window, the hash recomputed by the inlined audit_link_hash; only a
 * mismatch comes back. A nested loop on the two primary keys keeps the links in order (no sort).
 */
async function firstBreakIn(
  owner: Kysely<DB>,
  from: bigint,
  to: bigint,
): Promise<{ chainSeq: string; reason: BreakReason } | null> {
  return owner.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_hashjoin = off`.execute(tx);
    await sql`SET LOCAL enable_mergejoin = off`.execute(tx);
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(tx);
    await sql`SET LOCAL jit = off`.execute(tx);
    const res = await sql<{ chain_seq: string; reason: BreakReason }>`
      SELECT x.chain_seq::text AS chain_seq, x.reason FROM (
        SELECT r.chain_seq,
          CASE
            WHEN coalesce(lag(r.chain_seq) OVER w, CASE WHEN r.chain_seq = 1 THEN 0 END)
              IS DISTINCT FROM r.chain_seq - 1 THEN 'sequence_gap'
            WHEN r.missing THEN 'missing_row'
            WHEN r.prev_hash IS DISTINCT FROM coalesce(lag(r.hash) OVER w, CASE WHEN r.chain_seq = 1 THEN ${GENESIS} END)
              THEN 'prev_hash_mismatch'
            WHEN r.hash IS DISTINCT FROM r.expected THEN 'hash_mismatch'
          END AS reason
        FROM (
          SELECT c.chain_seq, c.hash, c.prev_hash, l.seq IS NULL AS missing,
            audit_link_hash(c.chain_seq, l.seq, l.tx, l.occurred_at, l.actor_user_id, l.organisation_id, l.action,
              l.subject_type, l.subject_id, l.purpose, l.outcome, l.details, c.prev_hash) AS expected
          FROM audit_chain c LEFT JOIN audit_log l ON l.seq = c.log_seq
          WHERE c.chain_seq BETWEEN ${(from - 1n).toString()}::bigint AND ${to.toString()}::bigint
          OFFSET 0
        ) r
        WINDOW w AS (ORDER BY r.chain_seq)
      ) x
      WHERE x.chain_seq >= ${from.toString()}::bigint AND x.reason IS NOT NULL
      ORDER BY x.chain_seq LIMIT 1`.execute(tx);
    const row = res.rows[0];
    return row ? { chainSeq: row.chain_seq, reason: row.reason } : null;
  });
}

/** Runs the range checks `parallel` at a time; returns the lowest break. */
async function firstBreak(owner: Kysely<DB>, from: bigint, to: bigint, size: bigint, parallel: number) {
  const ranges: Array<[bigint, bigint]> = [];
  for (let a = from; a <= to; a += size) ranges.push([a, a + size - 1n < to ? a + size - 1n : to]);
  let found: { chainSeq: string; reason: BreakReason } | null = null;
  let next = 0;
  const worker = async () => {
    for (;;) {
      const range = ranges[next++];
      // ranges after a known break cannot hold the first one
      if (!range || (found && range[0] > BigInt(found.chainSeq))) return;
      const hit = await firstBreakIn(owner, range[0], range[1]);
      if (hit && (!found || BigInt(hit.chainSeq) < BigInt(found.chainSeq))) found = hit;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return found as { chainSeq: string; reason: BreakReason } | null;
}

/**
 * Verifies the audit chain: every link in order (no gap, its row present, prev_hash equal to the
 * previous hash, the hash recomputed from the row), the chain ending at the recorded head, and
 * counts the rows not chained yet. Runs as the owner: the app role cannot read the trail or the chain.
 */
export async function verifyAuditChain(owner: Kysely<DB>, options: VerifyOptions = {}): Promise<ChainReport> {
  if (options.chain) await chainAudit(owner, { wait: true });
  // one statement, one snapshot: the head and the chain's ends agree unless someone cut or added links
  const ends = await sql<{
    head_seq: string;
    head_hash: string;
    min: string | null;
    max: string | null;
    at_head: string | null;
  }>`
    SELECT h.chain_seq::text AS head_seq, h.hash AS head_hash,
      (SELECT min(chain_seq)::text FROM audit_chain) AS min, (SELECT max(chain_seq)::text FROM audit_chain) AS max,
      (SELECT c.hash FROM audit_chain c WHERE c.chain_seq = h.chain_seq) AS at_head
    FROM audit_chain_head h WHERE h.id = 1`.execute(owner);
  const end = ends.rows[0];
  if (!end) throw new Error('audit_chain_head is missing');
  const pendingRow = await sql<{ n: number; oldest: number | null }>`
    SELECT count(*)::int AS n, extract(epoch FROM now() - min(l.occurred_at))::float8 AS oldest
    FROM audit_log l WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.log_seq = l.seq)`.execute(owner);
  const pending = {
    count: pendingRow.rows[0]?.n ?? 0,
    oldestSeconds: pendingRow.rows[0]?.oldest == null ? null : Math.max(0, Number(pendingRow.rows[0].oldest)),
  };
  const head = BigInt(end.head_seq);
  const report = { headSeq: end.head_seq, headHash: end.head_hash, pending };
  const min = end.min === null ? null : BigInt(end.min);
  const max = end.max === null ? 0n : BigInt(end.max);
  const checkedBefore = (at: bigint) => Number(min === null || at <= min ? 0n : at - min);

  const found =
    min !== null && head >= min
      ? await firstBreak(owner, min, head, BigInt(options.rangeSize ?? 250_000), options.parallel ?? 2)
      : null;
  if (found) return { ok: false, checked: checkedBefore(BigInt(found.chainSeq)), ...report, broken: found };
  // links missing after the last one, links beyond the head, or a replaced last link
  const last = max < head ? max : head;
  if (max !== head || (head > 0n && end.at_head !== end.head_hash)) {
    const at = max !== head ? last + 1n : head;
    return {
      ok: false,
      checked: checkedBefore(at),
      ...report,
      broken: { chainSeq: at.toString(), reason: 'missing_tail' },
    };
  }
  return { ok: true, checked: checkedBefore(head + 1n), ...report };
}
