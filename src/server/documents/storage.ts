/**
 * Where a document's bytes live: content-addressed by SHA-256, one store ("bucket") per protocol.
 * The default keeps them in PostgreSQL (document_blobs, bytea), in the request's transaction, so a
 * rolled-back upload leaves nothing and RLS decides who reads. An S3-compatible store can implement
 * the same three calls (key `protocolId/sha256`) and take over at scale.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../db/context.ts';

export interface DocumentStore {
  /** Stores the bytes under their hash (a second put of the same bytes is a no-op); returns the hash. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes of that hash, or null when absent (or not visible to the actor). */
  get(sha256: string): Promise<Uint8Array | null>;
  /** Forgets the bytes of that hash; true when something was deleted. */
  delete(sha256: string): Promise<boolean>;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The PostgreSQL store of one protocol, inside the caller's transaction. */
export function postgresStore(tx: Tx, protocolId: string): DocumentStore {
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      await tx
        .insertInto('document_blobs')
        .values({ protocol_id: protocolId, sha256, bytes, size_bytes: bytes.byteLength })
        .onConflict((oc) => oc.columns(['protocol_id', 'sha256']).doNothing())
        .execute();
      return sha256;
    },
    async get(sha256) {
      const row = await tx
        .selectFrom('document_blobs')
        .select('bytes')
        .where('protocol_id', '=', protocolId)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      return row ? new Uint8Array(row.bytes) : null;
    },
    async delete(sha256) {
      const res = await tx
        .deleteFrom('document_blobs')
        .where('protocol_id', '=', protocolId)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
  };
}
