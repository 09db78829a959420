import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError, fieldError } from '../http/errors.ts';
import { errorResponses } from '../http/schema-kit.ts';
import * as S from './schemas.ts';

const tags = ['plans'];
const errors = errorResponses(400, 401, 403, 404, 409);
type Item = { code: string; domain: string; label_it: string; label_en: string; organisation_id: string | null };
const present = (r: Item) => ({
  code: r.code,
  domain: r.domain as S.CatalogueIn['domain'],
  labelIt: r.label_it,
  labelEn: r.label_en,
  shared: r.organisation_id === null,
});

/**
 * The catalogue of plan actions: the shared one plus the actions the actor's centre added.
 * Centre operators extend it for their centre; row-level security keeps each centre's own.
 */
export function registerCatalogueRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/action-catalogue',
    {
      schema: {
        tags,
        response: {
          200: Type.Object({ items: Type.Array(S.CatalogueItem) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async (req) =>
      req.inContext(async (ctx) => {
        const me = ctx.authorise('case.read');
        const rows = await ctx.tx
          .selectFrom('action_catalogue')
          .select(['code', 'domain', 'label_it', 'label_en', 'organisation_id'])
          .where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', me.organisationId)]))
          .orderBy('domain')
          .orderBy('label_it')
          .execute();
        return { items: rows.map(present) };
      }),
  );

  api.post(
    '/action-catalogue',
    { schema: { tags, body: S.CatalogueIn, response: { 201: S.CatalogueItem, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const me = ctx.authorise('case.write');
        const { code, domain } = req.body;
        const blank = (['labelIt', 'labelEn'] as const).find((k) => !req.body[k].trim());
        if (blank)
          throw new AppError(400, 'validation_failed', 'The action is not valid', [
            fieldError(blank, 'required', 'must not be empty'),
          ]);
        const row = await ctx.tx
          .insertInto('action_catalogue')
          .values({
            code,
            domain,
            label_it: req.body.labelIt.trim(),
            label_en: req.body.labelEn.trim(),
            organisation_id: me.organisationId,
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .returning(['code', 'domain', 'label_it', 'label_en', 'organisation_id'])
          .executeTakeFirst();
        if (!row)
          throw new AppError(409, 'code_taken', 'An action with this code already exists', [
            fieldError('code', 'taken', 'already in use'),
          ]);
        await ctx.audit({
          action: 'catalogue.extend',
          subjectType: 'action_catalogue',
          subjectId: code,
          details: { code, domain },
        });
        reply.status(201);
        return present(row);
      }),
  );
}
