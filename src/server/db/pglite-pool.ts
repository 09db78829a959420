import type { PGlite } from '@electric-sql/pglite';

/**
 * A pg.Pool look-alike over one PGlite instance, for Kysely's PostgresDialect.
 * PGlite is a single connection: a mutex hands it to one transaction at a time.
 */
export function createPgliteSingleConnectionPool(pglite: PGlite) {
  let tail: Promise<void> = Promise.resolve();

  const client = {
    async query(sql: string, params?: readonly unknown[]) {
      const command = sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? '';
      if (!params?.length) {
        // The simple protocol runs scripts of several statements (migrations).
        const results = await pglite.exec(sql);
        const last = results.at(-1);
        return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0, command };
      }
      const res = await pglite.query<Record<string, unknown>>(sql, params as unknown[]);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length, command };
    },
    release() {},
  };

  return {
    async connect() {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      return { ...client, release };
    },
    async end() {
      await tail;
    },
  };
}
