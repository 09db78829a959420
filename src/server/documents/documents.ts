/**
 * Documents of a protocol's control room: minutes, procedures, working groups' outputs, materials.
 * Stored with their SHA-256, a size limit and the type detected from the bytes (detect.ts); the bytes
 * go to the protocol's DocumentStore (storage.ts). No document may hold a woman's data: the upload
 * form says so, and nothing here links a document to a case. Reads and writes are audited.
 */
import type { DocumentKind, DocumentMediaType } from '../../shared/codes/control-room.ts';
import { isoTimestamp } from '../db/dates.ts';
import type { Tx } from '../db/context.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { requireRoom } from '../control-room/room.ts';
import type { DocumentMeta, DocumentUploadFields } from '../control-room/schemas.ts';
import { detectDocumentType } from './detect.ts';
import { postgresStore } from './storage.ts';

const COLUMNS = [
  'id',
  'protocol_id',
  'kind',
  'title',
  'media_type',
  'size_bytes',
  'sha256',
  'working_group_id',
  'uploaded_at',
] as const;

type Row = {
  id: string;
  protocol_id: string;
  kind: string;
  title: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  working_group_id: string | null;
  uploaded_at: Date | string;
};

export const toDocumentMeta = (r: Row): DocumentMeta => ({
  id: r.id,
  protocolId: r.protocol_id,
  kind: r.kind as DocumentKind,
  title: r.title,
  mediaType: r.media_type as DocumentMediaType,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  workingGroupId: r.working_group_id,
  uploadedAt: isoTimestamp(r.uploaded_at),
});

export const documentRows = (tx: Tx) => tx.selectFrom('documents').select([...COLUMNS]);

/** A document the actor may read (RLS), or null. */
export async function findDocument(tx: Tx, id: string): Promise<DocumentMeta | null> {
  const row = await documentRows(tx).where('id', '=', id).executeTakeFirst();
  return row ? toDocumentMeta(row) : null;
}

export interface Upload {
  bytes: Uint8Array;
  filename: string | null;
}

/** 404 unless the actor may upload to this protocol's store (asked before the upload is read). */
export async function mayUpload(ctx: Ctx, protocolId: string): Promise<void> {
  ctx.authorise('document.upload');
  await requireRoom(ctx.tx, protocolId, 'runs');
}

/** The coordinator stores a document in her protocol's store. */
export async function uploadDocument(
  ctx: Ctx,
  protocolId: string,
  fields: DocumentUploadFields,
  file: Upload,
): Promise<DocumentMeta> {
  const me = ctx.authorise('document.upload');
  const { tx } = ctx;
  await requireRoom(tx, protocolId, 'runs');
  const detected = await detectDocumentType(file.bytes, file.filename);
  if (!detected.ok) {
    if (detected.reason === 'too_large') throw new AppError(413, 'file_too_large', 'The file is too large');
    throw invalidField('file', detected.reason);
  }
  if (fields.workingGroupId) {
    const group = await tx
      .selectFrom('working_groups')
      .select('id')
      .where('id', '=', fields.workingGroupId)
      .where('protocol_id', '=', protocolId)
      .executeTakeFirst();
    if (!group) throw invalidField('workingGroupId', 'invalid');
  }
  const sha256 = await postgresStore(tx, protocolId).put(file.bytes);
  const row = await tx
    .insertInto('documents')
    .values({
      protocol_id: protocolId,
      kind: fields.kind,
      title: fields.title.trim(),
      media_type: detected.mediaType,
      size_bytes: file.bytes.byteLength,
      sha256,
      uploaded_by: me.userId,
      organisation_id: me.organisationId,
      working_group_id: fields.workingGroupId ?? null,
    })
    .returning([...COLUMNS])
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'document.upload',
    subjectType: 'document',
    subjectId: row.id,
    details: { protocolId, kind: fields.kind, mediaType: detected.mediaType, sizeBytes: row.size_bytes },
  });
  return toDocumentMeta(row);
}

/** The documents of a protocol the actor may read. */
export async function listDocuments(ctx: Ctx, protocolId: string): Promise<DocumentMeta[]> {
  ctx.authorise('document.read');
  await requireRoom(ctx.tx, protocolId, 'member');
  const rows = await documentRows(ctx.tx)
    .where('protocol_id', '=', protocolId)
    .orderBy('uploaded_at', 'desc')
    .execute();
  await ctx.audit({
    action: 'document.list',
    subjectType: 'protocol',
    subjectId: protocolId,
    details: { count: rows.length },
  });
  return rows.map(toDocumentMeta);
}

/** A document's bytes, for a download; 404 when the actor may not read it. */
export async function readDocument(ctx: Ctx, id: string): Promise<{ meta: DocumentMeta; bytes: Uint8Array }> {
  ctx.authorise('document.read');
  const meta = await findDocument(ctx.tx, id);
  if (!meta) throw notFound();
  const bytes = await postgresStore(ctx.tx, meta.protocolId).get(meta.sha256);
  if (!bytes) throw notFound();
  await ctx.audit({
    action: 'document.read',
    subjectType: 'document',
    subjectId: id,
    details: { protocolId: meta.protocolId, kind: meta.kind },
  });
  return { meta, bytes };
}
