import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: string;
  /** the first row where the chain breaks, and why */
  broken?: { seq: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'missing_tail' };
}

const PAGE = 5000;
const GENESIS = '0'.repeat(64);

/**
 * Walks the audit chain in order, recomputing each row's hash with the same SQL function the
 * insert trigger uses. Runs as the owner: the app role cannot read the whole trail.
 */
export async function verifyAuditChain(owner: Kysely<DB>): Promise<ChainReport> {
  let expectedSeq = 1n;
  let prevHash = GENESIS;
  let checked = 0;
  let after = 0n;
  const head = await sql<{
    last_seq: string;
    last_hash: string;
  }>`SELECT last_seq::text, last_hash FROM audit_head WHERE id = 1`.execute(owner);
  const headSeq = head.rows[0]?.last_seq ?? '0';
  for (;;) {
    const rows = await sql<{ seq: string; hash: string; prev_hash: string; expected: string }>`
      SELECT seq::text AS seq, hash, prev_hash,
        audit_row_hash(seq, occurred_at, actor_user_id, organisation_id, action, subject_type, subject_id,
          purpose, outcome, details, prev_hash) AS expected
      FROM audit_log WHERE audit_log.seq > ${after.toString()}::bigint ORDER BY audit_log.seq LIMIT ${PAGE}`.execute(
      owner,
    );
    for (const row of rows.rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, headSeq, broken: { seq: row.seq, reason: 'sequence_gap' } };
      if (row.prev_hash !== prevHash)
        return { ok: false, checked, headSeq, broken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      if (row.hash !== row.expected)
        return { ok: false, checked, headSeq, broken: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      after = seq;
      checked++;
    }
    if (rows.rows.length < PAGE) break;
  }
  if (BigInt(headSeq) !== expectedSeq - 1n || (checked > 0 && head.rows[0]?.last_hash !== prevHash)) {
    return { ok: false, checked, headSeq, broken: { seq: expectedSeq.toString(), reason: 'missing_tail' } };
  }
  return { ok: true, checked, headSeq };
}
