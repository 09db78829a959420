import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import type { ExportFile } from './export-file.ts';
import { exportAudit, exportCaseload, exportFollowUps } from './list-exports.ts';
import * as S from './schemas.ts';

const tags = ['exports'];
const errors = errorResponses(400, 401, 404);
const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

function send(reply: FastifyReply, file: ExportFile) {
  reply.type(file.contentType);
  reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  return reply.send(file.body);
}

/** CSV and XLSX of the lists a role may see (formula-safe, audited `list.export`). */
export function registerExportRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/cases/export',
    { schema: { tags, produces, querystring: S.CaseExportQuery, response: errors } },
    async (req, reply) => send(reply, await req.inContext((ctx) => exportCaseload(ctx, req.query))),
  );
  api.get(
    '/follow-ups/export',
    { schema: { tags, produces, querystring: S.FollowUpExportQuery, response: errors } },
    async (req, reply) => send(reply, await req.inContext((ctx) => exportFollowUps(ctx, req.query))),
  );
  api.get(
    '/audit/export',
    { schema: { tags, produces, querystring: S.AuditExportQuery, response: errors } },
    async (req, reply) => send(reply, await req.inContext((ctx) => exportAudit(ctx, req.query))),
  );
}
