import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';

/**
 * Years of audit history, so that an audit insert costs what it will in service (indexes of
 * millions of rows) rather than what it costs on an empty table: `rows` rows spread over the ten
 * years before now, over 200 organisations and 5000 users, a handful of actions, subject ids,
 * as the owner with triggers off (session_replication_role = replica) in one statement.
 *
 * The rows are appended after those already there and the chain's head is moved past them, for
 * either layout of the chain: the hash columns on audit_log with audit_head (migration 001), or
 * the separate audit_chain with audit_chain_head (migration 070). Their hashes are placeholders
 * (64 hex characters, each row naming its predecessor's), not a verifiable chain: the bench
 * databases are thrown away; `audit:verify`'s own benchmark builds a real chain.
 */
export async function seedAuditHistory(db: Database, rows: number): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  if (rows <= 0) return { rows: 0, seconds: 0 };
  const owner = db.owner;
  const columns = new Set(
    (
      await sql<{ column_name: string }>`
        SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_log'`.execute(owner)
    ).rows.map((r) => r.column_name),
  );
  const table = async (name: string) =>
    Boolean((await sql<{ t: string | null }>`SELECT to_regclass(${name})::text AS t`.execute(owner)).rows[0]?.t);
  const chainTable = await table('audit_chain');
  await owner.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    const start = Number(
      (await sql<{ m: string }>`SELECT coalesce(max(seq), 0) AS m FROM audit_log`.execute(tx)).rows[0]?.m ?? 0,
    );
    const hash = (g: string) => sql.raw(`md5(${g}::text) || md5('h' || ${g}::text)`);
    // old layout: the hashes on the row; new layout: no transaction id (as the rows chained before 070)
    const inLog = columns.has('hash') ? sql`, prev_hash, hash` : columns.has('tx') ? sql`, tx` : sql``;
    const inLogValues = columns.has('hash')
      ? sql`, ${hash('(s - 1)')}, ${hash('s')}`
      : columns.has('tx')
        ? sql`, NULL::xid8`
        : sql``;
    await sql`
      INSERT INTO audit_log (seq, occurred_at, actor_user_id, organisation_id, action, subject_type, subject_id,
        purpose, outcome, details${inLog})
      SELECT s, now() - interval '10 years' + (g::float8 / ${sql.lit(rows)}) * interval '3650 days',
        md5('user' || (g % 5000))::uuid, md5('org' || (g % 200))::uuid,
        (ARRAY['case.read', 'case.update', 'referral.read', 'referral.send', 'organisation.read', 'auth.login',
          'case.list', 'plan.update'])[1 + g % 8],
        (ARRAY['case', 'case', 'referral', 'referral', 'organisation', 'user', 'case', 'plan'])[1 + g % 8],
        md5('subject' || (g % 400000))::uuid::text, NULL, CASE WHEN g % 97 = 0 THEN 'denied' ELSE 'success' END,
        CASE WHEN g % 8 = 6 THEN jsonb_build_object('results', g % 50) ELSE '{}'::jsonb END${inLogValues}
      FROM generate_series(1, ${sql.lit(rows)}) AS g, LATERAL (SELECT ${sql.lit(start)}::bigint + g AS s) x`.execute(
      tx,
    );
    const last = start + rows;
    if (chainTable) {
      await sql`INSERT INTO audit_chain (chain_seq, log_seq, prev_hash, hash)
        SELECT s, s, ${hash('(s - 1)')}, ${hash('s')} FROM generate_series(${sql.lit(start + 1)}::bigint, ${sql.lit(last)}::bigint) AS s`.execute(
        tx,
      );
      await sql`UPDATE audit_chain_head SET chain_seq = ${sql.lit(last)}, hash = ${hash(String(last))}`.execute(tx);
      await sql`SELECT setval('audit_log_seq_seq', ${sql.lit(last)}, true)`.execute(tx);
    } else if (await table('audit_head')) {
      await sql`UPDATE audit_head SET last_seq = ${sql.lit(last)}, last_hash = ${hash(String(last))}`.execute(tx);
    }
  });
  await sql`VACUUM (ANALYZE) audit_log`.execute(owner);
  return { rows, seconds: (performance.now() - started) / 1000 };
}
