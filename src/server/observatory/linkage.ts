/**
 * The linkage token: HMAC-SHA-256 of her normalised identity under the platform linkage key
 * (PERCORSI_LINKAGE_KEY; a fixed key for the demo and tests). Computed at the centre when her
 * identity is stored or changed, kept only in the statistics store (stats_path_source, which no
 * statistics reader and no centre can read), used only to count a woman at two centres once.
 *
 * The identity used: her tax code when she gave one; otherwise surname + first name + birth date
 * (+ birth place when known). Normalised: Unicode NFC, accents removed, upper case, spaces,
 * apostrophes and hyphens dropped. No birth date and no tax code: no token (she counts per path).
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';

/** Folds "D'Angelo  Maria-José" and "dangelo mariajose" to the same text. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface LinkableIdentity {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  birthPlace?: string | null;
  taxCode?: string | null;
}

/** The text the token is made of, or null when her identity is too thin to link. */
export function linkageText(identity: LinkableIdentity): string | null {
  const taxCode = identity.taxCode ? foldName(identity.taxCode) : '';
  if (taxCode.length === 16) return `cf:${taxCode}`;
  if (!identity.birthDate) return null;
  const place = identity.birthPlace ? foldName(identity.birthPlace) : '';
  return `id:${foldName(identity.lastName)}|${foldName(identity.firstName)}|${identity.birthDate}|${place}`;
}

export function linkageToken(key: Buffer, identity: LinkableIdentity): string | null {
  const text = linkageText(identity);
  return text === null ? null : createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** The demo's and tests' key: never used when PERCORSI_LINKAGE_KEY is set. */
export const DEMO_LINKAGE_KEY = Buffer.from('percorsi-demo-linkage-key-32byte', 'utf8');
let platformKey: Buffer = DEMO_LINKAGE_KEY;

/** Set once at start from the configuration (buildApp). */
export function configureLinkageKey(key: Buffer): void {
  platformKey = key;
}

/** Writes her token into the statistics store (a SECURITY DEFINER door: the centre cannot read it back). */
export async function storeLinkageToken(tx: Tx, caseId: string, identity: LinkableIdentity): Promise<void> {
  const token = linkageToken(platformKey, identity);
  await sql`SELECT stats_put_linkage(${caseId}::uuid, ${token})`.execute(tx);
}
