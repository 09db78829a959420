import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { configureObservatorySource } from './source.ts';
import { errorResponses } from '../http/schema-kit.ts';
import { extractFile, extractIndex } from './extract.ts';
import { downloadReport, listReports, readReport, requestReport, runReportJob } from './jobs.ts';
import * as S from './schemas.ts';

const tags = ['observatory'];
/** marks an observatory route: every table it publishes came out of the suppression module (source.ts checks) */
const marked = { observatory: 'suppressed' as const };
const errors = errorResponses(400, 401, 404);
const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });
const FileBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'text/csv or text/markdown' });

/** The control room's quarterly report (a background job, polled) and the annual ISTAT / O.R.A. extract. */
export function registerObservatoryReportRoutes(app: FastifyInstance, deps: { db: Database; config: Config }): void {
  const { db } = deps;
  configureObservatorySource(deps.config.observatoryThreshold);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/observatory/reports',
    {
      config: marked,
      schema: {
        tags,
        description: 'Asks for the quarterly report; it is made in the background (poll GET /observatory/reports/:id).',
        body: S.ReportRequest,
        response: { 202: S.Report, ...errors },
      },
    },
    async (req, reply) => {
      let actor = null as Parameters<typeof runReportJob>[1] | null;
      const report = await req.inContext(async (ctx) => {
        actor = ctx.me();
        return requestReport(ctx, req.body);
      });
      // after the commit: the job sees its row
      if (actor) void runReportJob(db, actor, report.id);
      return reply.status(202).send(report);
    },
  );

  api.get(
    '/observatory/reports',
    { config: marked, schema: { tags, response: { 200: S.ReportList, ...errors } } },
    async (req) => req.inContext(async (ctx) => ({ items: await listReports(ctx) })),
  );

  api.get(
    '/observatory/reports/:id',
    { config: marked, schema: { tags, params: S.ReportParams, response: { 200: S.Report, ...errors } } },
    async (req) => req.inContext((ctx) => readReport(ctx, req.params.id)),
  );

  api.get(
    '/observatory/reports/:id/pdf',
    {
      config: marked,
      schema: {
        tags,
        params: S.ReportParams,
        produces: ['application/pdf'],
        response: { 200: PdfBody, ...errors },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await req.inContext((ctx) => downloadReport(ctx, req.params.id));
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${filename}"`)
        .header('Cache-Control', 'no-store')
        .send(pdf);
    },
  );

  api.get(
    '/observatory/extract/:year',
    { config: marked, schema: { tags, params: S.ExtractYearParams, response: { 200: S.ExtractIndex, ...errors } } },
    async (req) => req.inContext((ctx) => extractIndex(ctx, req.params.year)),
  );

  api.get(
    '/observatory/extract/:year/:file',
    {
      config: marked,
      schema: {
        tags,
        description:
          'One file of the annual extract (CSV tables and their data dictionary), from published tables only.',
        params: S.ExtractParams,
        produces: ['text/csv', 'text/markdown'],
        response: { 200: FileBody, ...errors },
      },
    },
    async (req, reply) => {
      const file = await req.inContext((ctx) => extractFile(ctx, req.params.year, req.params.file));
      return reply
        .type(file.contentType)
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .header('Cache-Control', 'no-store')
        .send(file.body);
    },
  );
}
