import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDbPerFile } from '../testing/harness.ts';
import { withContext } from './context.ts';

const t = openTestDbPerFile();
beforeAll(async () => {
  await t.db.owner
    .insertInto('organisations')
    .values({ name: 'Ente visibile solo con contesto', type: 'cav' })
    .execute();
});

const tablesOf = async () =>
  (
    await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'`.execute(t.db.owner)
  ).rows;

describe('row-level security catalog', () => {
  it('has RLS enabled and forced on every table', async () => {
    const tables = await tablesOf();
    expect(tables.length).toBeGreaterThanOrEqual(15);
    const loose = tables.filter((t) => !t.relrowsecurity || !t.relforcerowsecurity).map((t) => t.relname);
    expect(loose).toEqual([]);
  });

  it('acts as a role that is not superuser, cannot bypass RLS and owns nothing', async () => {
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'percorsi_app'`.execute(t.db.owner);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM pg_class WHERE relowner = 'percorsi_app'::regrole)::int
           + (SELECT count(*) FROM pg_proc WHERE proowner = 'percorsi_app'::regrole)::int AS n`.execute(t.db.owner);
    expect(owned.rows[0]?.n).toBe(0);
    const who = await withContext(t.db, (tx) => sql<{ u: string }>`SELECT current_user AS u`.execute(tx));
    expect(who.rows[0]?.u).toBe('percorsi_app');
  });

  it('returns no rows from any table when no actor is set', async () => {
    const tables = await tablesOf();
    for (const table of tables) {
      const n = await withContext(t.db, (tx) =>
        sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table.relname)}`.execute(tx),
      ).catch((e: { code?: string }) => {
        // no grant at all is a denial too
        if (e.code === '42501') return { rows: [{ n: 0 }] };
        throw e;
      });
      expect(n.rows[0]?.n, table.relname).toBe(0);
    }
    const owner = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisations`.execute(t.db.owner);
    expect(owner.rows[0]?.n).toBeGreaterThan(0);
  });
});
