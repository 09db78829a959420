import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EXPORT_LANGUAGES } from '../../shared/codes/exports.ts';
import { BLANK_FORMS } from '../../shared/codes/forms.ts';
import { PdfBody } from '../consents/schemas.ts';
import { Enum, errorResponses, strict } from '../http/schema-kit.ts';
import { printBlankForm } from './print-blank.ts';

const Params = Type.Object({ form: Enum(BLANK_FORMS) }, strict);
const Query = Type.Object({ lang: Type.Optional(Enum(EXPORT_LANGUAGES)) }, strict);

/** Blank paper forms (intake, needs) as PDF, in Italian or English. */
export function registerFormRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/forms/:form',
    {
      schema: {
        tags: ['forms'],
        summary: 'A blank intake or needs form to print (PDF), built from the same lists as the web forms',
        produces: ['application/pdf'],
        params: Params,
        querystring: Query,
        response: { 200: PdfBody, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? 'it';
      const pdf = await req.inContext((ctx) => printBlankForm(ctx, req.params.form, lang));
      reply.type('application/pdf');
      reply.header('Content-Disposition', `inline; filename="percorsi-${req.params.form}-${lang}.pdf"`);
      return reply.send(pdf);
    },
  );
}
