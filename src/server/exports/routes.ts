import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import type { ExportFile } from './export-file.ts';
import { exportAudit, exportCaseload, exportFollowUps } from './list-exports.ts';
import * as S from './schemas.ts';

const tags = ['exports'];
const errors = errorResponses(400, 401, 404);
/** The file, CSV or XLSX as `format` asks (errors stay JSON). */
const FileAnswer = {
  description: 'The file: CSV (UTF-8 with BOM) or XLSX',
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};
const response = { 200: FileAnswer, ...errors };

function send(reply: FastifyReply, file: ExportFile) {
  reply.type(file.contentType);
  reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  return reply.send(file.body);
}

/** CSV and XLSX of the lists a role may see (formula-safe, audited `list.export`). */
export function registerExportRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/cases/export', { schema: { tags, querystring: S.CaseExportQuery, response } }, async (req, reply) =>
    send(reply, await req.inContext((ctx) => exportCaseload(ctx, req.query))),
  );
  api.get(
    '/follow-ups/export',
    { schema: { tags, querystring: S.FollowUpExportQuery, response } },
    async (req, reply) => send(reply, await req.inContext((ctx) => exportFollowUps(ctx, req.query))),
  );
  api.get('/audit/export', { schema: { tags, querystring: S.AuditExportQuery, response } }, async (req, reply) =>
    send(reply, await req.inContext((ctx) => exportAudit(ctx, req.query))),
  );
}
