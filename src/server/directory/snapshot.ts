import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import type { OpeningHours } from '../db/schema-directory.ts';

/** What the public may see of the directory, as `directory_public()` (migration 050) returns it. */
export interface PublicSnapshot {
  municipalities: Array<{ code: string; name: string; province: string; networkIds: string[] }>;
  networks: Array<{ id: string; name: string; leadCode: string | null; hasShelters: boolean }>;
  organisations: PublicOrganisation[];
  entries: PublicEntry[];
}

export interface PublicOrganisation {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  operatesShelters: boolean;
  /** null for a body that runs shelters */
  town: string | null;
  /** employment centres only */
  address: string | null;
  municipalityCode: string | null;
  networkIds: string[];
}

export interface PublicEntry {
  organisationId: string;
  phone: string | null;
  email: string | null;
  hours: OpeningHours[];
  open24h: boolean;
  services: string[];
  languages: string[];
  accessibility: string[];
  freeOfCharge: boolean;
  verifiedOn: string | null;
  publishedAt: string;
}

/**
 * Reads the public directory through the one function that may: no signed-in actor is needed, and
 * nothing but public columns can come back (the definer has no grant on anything else).
 */
export async function loadPublicSnapshot(tx: Tx): Promise<PublicSnapshot> {
  const { rows } = await sql<{ d: PublicSnapshot }>`SELECT directory_public() AS d`.execute(tx);
  const d = rows[0]?.d;
  if (!d) throw new Error('directory_public() returned nothing');
  return d;
}
