import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Prepared statements for every parameterised query on real PostgreSQL (issue 13, "lean
 * requests"). Kysely sends `client.query(sql, params)`, which PostgreSQL parses and plans again
 * each time, with the row-level security policies inlined (2.6 ms of planning on a referral page).
 * Giving the statement a name derived from its text makes `pg` prepare it once per connection and
 * then only bind and execute it; PostgreSQL keeps the plan (and re-plans it by itself when a
 * table or policy it depends on changes). The text is the same for every request of one shape, the
 * values travel apart, so no value ever becomes part of a name.
 *
 * A connection keeps at most `PER_CONNECTION` named statements: query shapes beyond that (e.g.
 * IN-lists of every length) run unnamed, as before, so memory stays bounded.
 */
export const PER_CONNECTION = 500;

const names = new Map<string, string>();

export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `p_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size < 10_000) names.set(sql, name);
  }
  return name;
}

type Query = (...args: unknown[]) => unknown;

/** Wraps a newly connected client's `query` (pool 'connect' event). */
export function prepareStatements(client: pg.PoolClient): void {
  const prepared = new Set<string>();
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || typeof callback === 'function') {
      return query(text, values, callback);
    }
    const name = statementName(text);
    if (!prepared.has(name)) {
      if (prepared.size >= PER_CONNECTION) return query(text, values);
      prepared.add(name);
    }
    return query({ name, text, values });
  };
}
