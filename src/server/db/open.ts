import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from './database.ts';

/** Real PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in the data directory. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl && config.appDatabaseUrl) return openPostgres(config.databaseUrl, config.appDatabaseUrl);
  return openPglite(path.join(config.dataDir, 'pglite'));
}
