import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDbPerFile } from '../testing/harness.ts';
import { statementName } from './prepared.ts';

// Prepared statements exist on real PostgreSQL only (PGlite answers each query in-process).
const t = openTestDbPerFile();

describe.runIf(process.env.PERCORSI_TEST_PG)('prepared statements on the app pool', () => {
  it('prepares a parameterised query once per connection and reuses it with new values', async () => {
    const text = 'select $1::int + 1 as n';
    const rows = await t.db.app.transaction().execute(async (trx) => {
      const a = await sql<{ n: number }>`select ${1}::int + 1 as n`.execute(trx);
      const b = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(trx);
      const prepared = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx);
      return { a: a.rows[0]?.n, b: b.rows[0]?.n, prepared: prepared.rows };
    });
    expect([rows.a, rows.b]).toEqual([2, 42]);
    // named after its text, never after its values
    expect(rows.prepared).toContainEqual({ name: statementName(text), statement: text });
    expect(rows.prepared.some((p) => p.statement.includes('41'))).toBe(false);
  });

  it('leaves the owner pool (migrations, seeds) unprepared', async () => {
    const prepared = await t.db.owner.transaction().execute(async (trx) => {
      await sql`select ${1}::int as one`.execute(trx);
      return (await sql<{ n: string }>`select count(*) as n from pg_prepared_statements`.execute(trx)).rows[0]?.n;
    });
    expect(Number(prepared)).toBe(0);
  });
});
