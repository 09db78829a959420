import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import { CaseIdParams } from '../cases/schemas.ts';
import type { Config } from '../config.ts';
import { listConsents, recordConsent, revokeConsent } from './consents.ts';
import { printConsentForm } from './print.ts';
import * as S from './schemas.ts';

const tags = ['consents'];
const errors = errorResponses(400, 401, 403, 404, 409);

/** Consent per purpose and recipient: her decisions, their revocation, and the printable form. */
export function registerConsentRoutes(app: FastifyInstance, _deps: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/cases/:id/consents',
    { schema: { tags, params: CaseIdParams, response: { 200: S.ConsentList, ...errors } } },
    async (req) => req.inContext(async (ctx) => ({ items: await listConsents(ctx, req.params.id) })),
  );

  api.post(
    '/cases/:id/consents',
    { schema: { tags, params: CaseIdParams, body: S.ConsentCreate, response: { 201: S.Consent, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const consent = await recordConsent(ctx, req.params.id, req.body);
        reply.status(201);
        return consent;
      }),
  );

  api.post(
    '/cases/:id/consents/:consentId/revocation',
    { schema: { tags, params: S.ConsentParams, body: S.Revocation, response: { 200: S.Consent, ...errors } } },
    async (req) => req.inContext((ctx) => revokeConsent(ctx, req.params.id, req.params.consentId, req.body.revokedOn)),
  );

  api.get(
    '/cases/:id/consents/form',
    {
      schema: {
        tags,
        description:
          'The consent form to print and sign, as a PDF (Italian or English). It shows the case code, never her name.',
        params: CaseIdParams,
        querystring: S.FormQuery,
        produces: ['application/pdf'],
        response: { 200: S.PdfBody, ...errors },
      },
    },
    async (req, reply) => {
      const { pdf, caseCode } = await req.inContext((ctx) => printConsentForm(ctx, req.params.id, req.query));
      reply.type('application/pdf');
      reply.header('Content-Disposition', `inline; filename="consenso-${caseCode}-${req.query.purpose}.pdf"`);
      return reply.send(pdf);
    },
  );
}
