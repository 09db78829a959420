import { type Kysely, sql, type Transaction } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import type { Database } from './database.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/** Who is acting. Set on the transaction so that row-level security sees it too. */
export interface Actor {
  userId: string;
  organisationId: string;
  roles: Role[];
}

/**
 * The one choke point for data: opens a transaction as percorsi_app, with no actor set (so
 * RLS denies everything until `setActor`), and runs `fn` in it. Nothing else reaches the pool.
 */
export async function withContext<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runAsApp(db.app, fn);
}

async function runAsApp<T>(app: Kysely<DB>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return app.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE percorsi_app`.execute(tx);
    return fn(tx);
  });
}

/** Sets the transaction-local settings that every RLS policy reads. */
export async function setActor(tx: Tx, actor: Actor): Promise<void> {
  await sql`SELECT set_config('app.user_id', ${actor.userId}, true),
    set_config('app.org_id', ${actor.organisationId}, true),
    set_config('app.roles', ${actor.roles.join(',')}, true)`.execute(tx);
}

/** Marks the transaction as acting for the holder of a one-time link (invitation or reset). */
export async function setLink(tx: Tx, linkId: string, organisationId: string): Promise<void> {
  await sql`SELECT set_config('app.link_id', ${linkId}, true),
    set_config('app.org_id', ${organisationId}, true)`.execute(tx);
}
