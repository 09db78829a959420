import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CaseIdParams } from '../cases/schemas.ts';
import type { Config } from '../config.ts';
import { errorResponses } from '../http/schema-kit.ts';
import { buildAccessReport } from './access-report.ts';
import { readPrivacySettings, savePrivacySettings } from './privacy-settings.ts';
import * as S from './schemas.ts';

const tags = ['rights'];
const errors = errorResponses(400, 401, 403, 404);

/** Her rights over her data (issue 12): the DPO's access report and the centre's privacy settings. */
export function registerRightsRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/cases/:id/access-report',
    {
      schema: {
        tags,
        description:
          'Her access report (the centre’s DPO): her identity and path, consents, referrals and who saw her record. Audited.',
        params: CaseIdParams,
        querystring: S.ReportQuery,
        response: { 200: S.AccessReport, ...errors },
      },
    },
    async (req, reply) => {
      const report = await req.inContext((ctx) =>
        buildAccessReport(ctx, config.masterKey, req.params.id, req.query.lang ?? 'it', 'json'),
      );
      reply.header('Content-Disposition', `attachment; filename="accesso-${report.case.code}.json"`);
      return report;
    },
  );

  api.get(
    '/cases/:id/access-report/pdf',
    {
      schema: {
        tags,
        description: 'Her access report as a PDF in her language (Italian or English). Audited.',
        params: CaseIdParams,
        querystring: S.ReportQuery,
        produces: ['application/pdf'],
        response: { 200: S.PdfBody, ...errors },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? 'it';
      const report = await req.inContext((ctx) => buildAccessReport(ctx, config.masterKey, req.params.id, lang, 'pdf'));
      // pdfkit loads on the first report, not at start-up
      const { renderAccessReportPdf } = await import('./access-report-pdf.ts');
      const pdf = await renderAccessReportPdf(report);
      reply.type('application/pdf');
      reply.header('Content-Disposition', `attachment; filename="accesso-${report.case.code}-${lang}.pdf"`);
      return reply.send(pdf);
    },
  );

  api.get('/privacy-settings', { schema: { tags, response: { 200: S.PrivacySettings, ...errors } } }, async (req) =>
    req.inContext((ctx) => readPrivacySettings(ctx)),
  );

  api.put(
    '/privacy-settings',
    { schema: { tags, body: S.PrivacySettingsUpdate, response: { 200: S.PrivacySettings, ...errors } } },
    async (req) => req.inContext((ctx) => savePrivacySettings(ctx, req.body)),
  );
}
