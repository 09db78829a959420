import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from '../auth/secrets.ts';
import type { Tx } from '../db/context.ts';

/**
 * Each organisation holding cases has its own 32-byte data key, stored wrapped (AES-256-GCM) by
 * the master key from configuration. The database never sees a key or an identity in clear.
 */
export async function dataKeyOf(tx: Tx, masterKey: Buffer, organisationId: string): Promise<Buffer> {
  const aad = `org-key:${organisationId}`;
  const row = await tx
    .selectFrom('organisation_keys')
    .select('wrapped_key')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (row) return unwrapDataKey(masterKey, organisationId, row.wrapped_key);
  const key = randomBytes(32);
  await tx
    .insertInto('organisation_keys')
    .values({ organisation_id: organisationId, wrapped_key: sealSecret(masterKey, key.toString('base64'), aad) })
    .execute();
  return key;
}

/** An organisation's data key from its wrapped form (organisation_keys.wrapped_key). */
export const unwrapDataKey = (masterKey: Buffer, organisationId: string, wrapped: string): Buffer =>
  Buffer.from(openSecret(masterKey, wrapped, `org-key:${organisationId}`), 'base64');

/** Seals a value with a data key; `context` (e.g. the case id) is bound as associated data. */
export const sealWith = (dataKey: Buffer, plain: string, context: string): string =>
  sealSecret(dataKey, plain, context);
export const openWith = (dataKey: Buffer, sealed: string, context: string): string =>
  openSecret(dataKey, sealed, context);

/** Normalises for exact search: case, accents and spaces do not matter. */
export function normaliseForIndex(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\s'’-]+/g, '')
    .toUpperCase();
}

type IndexKind = 'surname' | 'tax_code' | 'surname_prefix';
const subKeyOf = (dataKey: Buffer, kind: IndexKind) =>
  Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `percorsi-index:${kind}`, 32));
const hmac = (subKey: Buffer, value: string) => createHmac('sha256', subKey).update(value).digest('hex');

/** A keyed blind index (HMAC-SHA-256 under a sub-key of the data key): equal inputs match, nothing else is revealed. */
export function blindIndex(dataKey: Buffer, kind: 'surname' | 'tax_code', value: string): string {
  return hmac(subKeyOf(dataKey, kind), normaliseForIndex(value));
}

/** The shortest prefix searched, and the longest indexed (longer surnames are indexed up to it). */
export const PREFIX_MIN = 3;
export const PREFIX_MAX = 40;

/**
 * Prefix blind indexes of a surname: one HMAC (own sub-key, so they never equal the exact index)
 * per prefix of the normalised surname of length PREFIX_MIN..PREFIX_MAX. "Verdiani" gives the
 * indexes of VER, VERD, VERDI, VERDIA, VERDIAN, VERDIANI. Shorter surnames get none.
 */
export function prefixIndexes(dataKey: Buffer, surname: string): string[] {
  const n = normaliseForIndex(surname);
  const subKey = subKeyOf(dataKey, 'surname_prefix');
  const out: string[] = [];
  for (let len = PREFIX_MIN; len <= Math.min(n.length, PREFIX_MAX); len++) out.push(hmac(subKey, n.slice(0, len)));
  return out;
}

/** The index to look up for a typed prefix (null when it is shorter than PREFIX_MIN once normalised). */
export function prefixIndex(dataKey: Buffer, typed: string): string | null {
  const n = normaliseForIndex(typed).slice(0, PREFIX_MAX);
  return n.length < PREFIX_MIN ? null : hmac(subKeyOf(dataKey, 'surname_prefix'), n);
}
