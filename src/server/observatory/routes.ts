import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSuppressed } from '../../shared/observatory/suppress.ts';
import type { PublishedTable } from '../../shared/observatory/types.ts';
import type { Config } from '../config.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses } from '../http/schema-kit.ts';
import type { ExportFile } from './export-tables.ts';
import { exportDashboard, readCatalogue, readDashboard, readScope } from './read-observatory.ts';
import * as S from './schemas.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** set on every /observatory route: its answer is checked to have gone through the suppression module */
    observatory?: 'suppressed';
  }
}

const tags = ['observatory'];
const errors = errorResponses(400, 401, 404);
const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const config = { observatory: 'suppressed' as const };

/** No table leaves unless the suppression module made it (a 500 otherwise, never the numbers). */
function checked<T extends { tables: PublishedTable[] }>(answer: T): T {
  if (!answer.tables.every(isSuppressed)) throw new AppError(500, 'not_suppressed', 'Internal error');
  return answer;
}

function send(reply: FastifyReply, file: ExportFile) {
  reply.type(file.contentType);
  reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  return reply.send(file.body);
}

/** The observatory's API (issue 7): scope, catalogue, dashboards and their tables as CSV/XLSX. */
export function registerObservatoryRoutes(app: FastifyInstance, deps: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const o = { threshold: deps.config.observatoryThreshold };
  api.get(
    '/observatory/scope',
    { config, schema: { tags, response: { 200: S.ObservatoryScopeSchema, ...errors } } },
    async (req) => req.inContext((ctx) => readScope(ctx, o)),
  );
  api.get(
    '/observatory/catalogue',
    { config, schema: { tags, response: { 200: S.CatalogueSchema, ...errors } } },
    async (req) => req.inContext((ctx) => readCatalogue(ctx)),
  );
  api.get(
    '/observatory/dashboards/:dashboard',
    {
      config,
      schema: {
        tags,
        params: S.DashboardParams,
        querystring: S.DashboardQuery,
        response: { 200: S.DashboardAnswerSchema, ...errors },
      },
    },
    async (req) => checked(await req.inContext((ctx) => readDashboard(ctx, o, req.params.dashboard, req.query))),
  );
  api.get(
    '/observatory/dashboards/:dashboard/export',
    {
      config,
      schema: { tags, produces, params: S.DashboardParams, querystring: S.DashboardExportQuery, response: errors },
    },
    async (req, reply) =>
      send(reply, await req.inContext((ctx) => exportDashboard(ctx, o, req.params.dashboard, req.query))),
  );
}
