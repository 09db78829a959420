import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Routes are thin: parse → authorise → call a use case → present. The queries live in the feature's
 * verb-first use-case files, reached through `req.inContext` (the one choke point).
 */
const DATABASE_CALLS: Array<[string, RegExp]> = [
  ['.selectFrom(', /\.selectFrom\s*\(/],
  ['.selectNoFrom(', /\.selectNoFrom\s*\(/],
  ['.insertInto(', /\.insertInto\s*\(/],
  ['.updateTable(', /\.updateTable\s*\(/],
  ['.deleteFrom(', /\.deleteFrom\s*\(/],
  ['.execute(', /\.execute(TakeFirst(OrThrow)?)?\s*\(/],
  ['sql`', /\bsql\s*(<[^`]*>)?\s*`/],
  ['kysely import', /from\s+['"]kysely['"]/],
  ['ctx.db / db.owner / db.app', /\bctx\.db\b|\bdb\.(owner|app)\b/],
  ['.transaction(', /\.transaction\s*\(/],
];

function databaseCalls(source: string): string[] {
  return DATABASE_CALLS.filter(([, re]) => re.test(source)).map(([name]) => name);
}

const root = join(import.meta.dirname, '.');
const routeFiles = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('routes.ts') || f.endsWith('-route.ts'))
  .map((f) => join(root, f));

describe('thin routes', () => {
  it('finds the route files', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
  });

  it('recognises a database call', () => {
    expect(databaseCalls("await ctx.tx.selectFrom('users').selectAll().execute();")).toEqual([
      '.selectFrom(',
      '.execute(',
    ]);
    expect(databaseCalls('const r = await sql<{ n: number }>`SELECT 1`.execute(ctx.tx);')).toContain('sql`');
    expect(databaseCalls("import { sql } from 'kysely';")).toEqual(['kysely import']);
    expect(databaseCalls("await ctx.tx.updateTable('users').set({}).where('id', '=', id).executeTakeFirst();")).toEqual(
      ['.updateTable(', '.execute('],
    );
    expect(databaseCalls('req.inContext((ctx) => listUsers(ctx))')).toEqual([]);
  });

  it.each(routeFiles.map((f) => [relative(root, f), f]))('%s makes no database call', (_name, file) => {
    expect(databaseCalls(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
