import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_DOCUMENT_BYTES } from '../../shared/codes/control-room.ts';
import { extensionOf } from '../documents/detect.ts';
import { listDocuments, mayUpload, readDocument, type Upload, uploadDocument } from '../documents/documents.ts';
import { AppError, invalidField } from '../http/errors.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import { ErrorBody, errorResponses } from '../http/schema-kit.ts';
import { createWorkingGroup, listRooms, readMeeting, readRoom, recordMeeting, updateActionStatus } from './meetings.ts';
import * as S from './schemas.ts';

const tags = ['control-room'];
const errors = errorResponses(400, 401, 404);
const FileBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the document' });

/** A download is an attachment that never runs: no sniffing, nothing allowed, sandboxed. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** The multipart upload: its text fields first, then one file, read whole up to the limit. */
async function readUpload(req: FastifyRequest): Promise<{ fields: S.DocumentUploadFields; file: Upload }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the document as multipart/form-data');
  const part = await req.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 1000 } });
  if (!part) throw invalidField('file', 'required');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'file_too_large', 'The file is too large');
    throw e;
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && 'value' in v && typeof v.value === 'string' && name !== 'file') fields[name] = v.value.normalize('NFC');
  }
  if (!Value.Check(S.DocumentUploadFields, fields)) {
    const first = [...Value.Errors(S.DocumentUploadFields, fields)][0];
    throw invalidField(first?.path.replace(/^\//, '') || 'kind', 'invalid');
  }
  return { fields, file: { bytes: new Uint8Array(bytes), filename: part.filename?.slice(0, 255) ?? null } };
}

/** The control room of a protocol, its documents and working groups. Registered under /api/v1. */
export function registerControlRoomRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/control-room', { schema: { tags, response: { 200: S.RoomList, ...errors } } }, (req) =>
    req.inContext((ctx) => listRooms(ctx)),
  );

  api.get(
    '/control-room/:protocolId',
    { schema: { tags, params: S.ProtocolParams, response: { 200: S.RoomOverview, ...errors } } },
    (req) => req.inContext((ctx) => readRoom(ctx, req.params.protocolId)),
  );

  api.post(
    '/control-room/:protocolId/meetings',
    {
      schema: { tags, params: S.ProtocolParams, body: S.MeetingCreate, response: { 201: S.MeetingDetail, ...errors } },
    },
    async (req, reply) => {
      const meeting = await req.inContext((ctx) => recordMeeting(ctx, req.params.protocolId, req.body));
      return reply.code(201).send(meeting);
    },
  );

  api.get(
    '/control-room/:protocolId/meetings/:meetingId',
    { schema: { tags, params: S.MeetingParams, response: { 200: S.MeetingDetail, ...errors } } },
    (req) => req.inContext((ctx) => readMeeting(ctx, req.params.protocolId, req.params.meetingId)),
  );

  api.put(
    '/control-room/:protocolId/actions/:actionId/status',
    {
      schema: {
        tags,
        params: S.ActionParams,
        headers: IfMatchHeaders,
        body: S.ActionStatusChange,
        response: { 200: S.RoomAction, ...errorResponses(400, 401, 404, 409, 428) },
      },
    },
    (req) =>
      req.inContext((ctx) =>
        updateActionStatus(
          ctx,
          req.params.protocolId,
          req.params.actionId,
          req.body.status,
          parseIfMatch(req.headers['if-match']),
        ),
      ),
  );

  api.post(
    '/control-room/:protocolId/working-groups',
    {
      schema: {
        tags,
        params: S.ProtocolParams,
        body: S.WorkingGroupCreate,
        response: { 201: S.WorkingGroup, ...errors },
      },
    },
    async (req, reply) => {
      const group = await req.inContext((ctx) => createWorkingGroup(ctx, req.params.protocolId, req.body));
      return reply.code(201).send(group);
    },
  );

  api.get(
    '/control-room/:protocolId/documents',
    { schema: { tags, params: S.ProtocolParams, response: { 200: S.DocumentList, ...errors } } },
    (req) => req.inContext(async (ctx) => ({ items: await listDocuments(ctx, req.params.protocolId) })),
  );

  api.get(
    '/documents/:id/file',
    {
      schema: {
        tags,
        params: S.DocumentParams,
        produces: ['application/pdf', 'application/octet-stream'],
        response: { 200: FileBody, ...errors },
      },
    },
    async (req, reply) => {
      const { meta, bytes } = await req.inContext((ctx) => readDocument(ctx, req.params.id));
      return reply
        .type(meta.mediaType)
        .header(
          'Content-Disposition',
          `attachment; filename="documento-${meta.id.slice(0, 8)}.${extensionOf(meta.mediaType)}"`,
        )
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', DOWNLOAD_CSP)
        .header('Cache-Control', 'no-store')
        .send(Buffer.from(bytes));
    },
  );

  // The upload reads a multipart stream: its own scope, so no other route accepts multipart.
  api.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
    });
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/control-room/:protocolId/documents',
      {
        schema: {
          tags,
          description:
            'Multipart form: kind, title, optional workingGroupId, then one file (PDF, ODT, DOCX, PNG or JPEG, ' +
            'recognised from its bytes; at most 5 MiB). No document may hold a woman’s data.',
          consumes: ['multipart/form-data'],
          params: S.ProtocolParams,
          response: { 201: S.DocumentMeta, ...errors, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (req, reply) => {
        // who may upload here is asked first (404 otherwise, whatever the body); the file is read
        // between two transactions, so a slow upload never holds a database connection
        await req.inContext((ctx) => mayUpload(ctx, req.params.protocolId));
        const { fields, file } = await readUpload(req);
        const doc = await req.inContext((ctx) => uploadDocument(ctx, req.params.protocolId, fields, file));
        return reply.code(201).send(doc);
      },
    );
  });
}
