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
  if (row) return Buffer.from(openSecret(masterKey, row.wrapped_key, aad), 'base64');
  const key = randomBytes(32);
  await tx
    .insertInto('organisation_keys')
    .values({ organisation_id: organisationId, wrapped_key: sealSecret(masterKey, key.toString('base64'), aad) })
    .execute();
  return key;
}

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

/** A keyed blind index (HMAC-SHA-256 under a sub-key of the data key): equal inputs match, nothing else is revealed. */
export function blindIndex(dataKey: Buffer, kind: 'surname' | 'tax_code', value: string): string {
  const subKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `percorsi-index:${kind}`, 32));
  return createHmac('sha256', subKey).update(normaliseForIndex(value)).digest('hex');
}
