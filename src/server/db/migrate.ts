import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies forward-only numbered .sql migrations, each in its own transaction, once. `before`
 * (tests of a migration over older data) stops at the first file whose name sorts at or after it.
 */
export async function migrate(owner: Kysely<DB>, options: { before?: string } = {}): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f) && (!options.before || f < options.before))
    .sort();
  // one statement on a current database (every restart); the table is made on the first start
  const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations`
    .execute(owner)
    .catch(async (error) => {
      if ((error as { code?: string }).code !== '42P01') throw error;
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(owner);
      return { rows: [] as Array<{ name: string }> };
    });
  const done = new Set(applied.rows.map((r) => r.name));
  const ran: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const text = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
    await owner.transaction().execute(async (tx) => {
      // Serialise concurrent starters of several app nodes.
      await sql`SELECT pg_advisory_xact_lock(4242)`.execute(tx);
      const again = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM schema_migrations WHERE name = ${file}`.execute(tx);
      if (again.rows[0]?.n) return;
      await sql.raw(text).execute(tx);
      await sql`INSERT INTO schema_migrations (name) VALUES (${file})`.execute(tx);
      ran.push(file);
    });
  }
  return ran;
}
