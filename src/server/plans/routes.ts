import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ConflictBody, errorResponses } from '../http/schema-kit.ts';
import { loadCase } from '../cases/access.ts';
import { CaseIdParams } from '../cases/schemas.ts';
import type { Config } from '../config.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import type { Ctx } from '../http/request-context.ts';
import { registerCatalogueRoutes } from './catalogue.ts';
import { printPlan } from './print.ts';
import { listVersions, readPlan, readReviews, readVersion } from './read-plan.ts';
import * as S from './schemas.ts';
import { addReview, agreePlan, PlanVersionConflict, replacePlan, setActionStatus } from './write-plan.ts';

const tags = ['plans'];
const errors = { ...errorResponses(400, 401, 403, 404, 428), 409: ConflictBody };
const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });

/** Reads the plan back and sets its ETag. */
async function present(ctx: Ctx, key: Buffer, reply: FastifyReply, caseId: string) {
  const plan = await readPlan(ctx.tx, key, caseId);
  reply.header('ETag', `"${plan.version}"`);
  return plan;
}

/** A stale If-Match on the plan answers 409 with the current version (body and ETag). */
async function withConflict<T>(reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof PlanVersionConflict)) throw e;
    reply.header('ETag', `"${e.currentVersion}"`);
    return reply
      .status(409)
      .send({ code: e.code, message: e.message, fields: e.fields, currentVersion: e.currentVersion });
  }
}

/** The individual empowerment plan of a case: goals, actions, versions, her agreement, reviews, print. */
export function registerPlanRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const key = config.masterKey;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  registerCatalogueRoutes(app);

  api.get(
    '/cases/:id/plan',
    { schema: { tags, params: CaseIdParams, response: { 200: S.PlanOut, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await loadCase(ctx, req.params.id, 'read');
        await ctx.audit({
          action: 'case.read',
          subjectType: 'case',
          subjectId: req.params.id,
          details: { view: 'plan' },
        });
        return present(ctx, key, reply, req.params.id);
      }),
  );

  api.put(
    '/cases/:id/plan',
    {
      schema: {
        tags,
        description:
          'Replaces the whole plan. Send If-Match with the version read; a stale one is a 409 carrying currentVersion.',
        params: CaseIdParams,
        headers: IfMatchHeaders,
        body: S.PlanIn,
        response: { 200: S.PlanOut, ...errors },
      },
    },
    async (req, reply) =>
      withConflict(reply, () =>
        req.inContext(async (ctx) => {
          await replacePlan(ctx, key, req.params.id, req.body, parseIfMatch(req.headers['if-match']));
          return present(ctx, key, reply, req.params.id);
        }),
      ),
  );

  api.put(
    '/cases/:id/plan/actions/:actionId/status',
    {
      schema: {
        tags,
        description:
          'Sets one action’s status (e.g. after a partner’s report): a new plan version. If-Match with the plan version.',
        params: S.ActionParams,
        headers: IfMatchHeaders,
        body: S.ActionStatusIn,
        response: { 200: S.PlanOut, ...errors },
      },
    },
    async (req, reply) =>
      withConflict(reply, () =>
        req.inContext(async (ctx) => {
          const { id, actionId } = req.params;
          await setActionStatus(ctx, key, id, actionId, req.body.status, parseIfMatch(req.headers['if-match']));
          return present(ctx, key, reply, id);
        }),
      ),
  );

  api.get(
    '/cases/:id/plan/versions',
    {
      schema: {
        tags,
        params: CaseIdParams,
        response: {
          200: Type.Object({ items: Type.Array(S.VersionSummary) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async (req) =>
      req.inContext(async (ctx) => {
        await loadCase(ctx, req.params.id, 'read');
        await ctx.audit({
          action: 'case.read',
          subjectType: 'case',
          subjectId: req.params.id,
          details: { view: 'plan_versions' },
        });
        return { items: await listVersions(ctx.tx, req.params.id) };
      }),
  );

  api.get(
    '/cases/:id/plan/versions/:version',
    { schema: { tags, params: S.VersionParams, response: { 200: S.VersionDetail, ...errors } } },
    async (req) =>
      req.inContext(async (ctx) => {
        await loadCase(ctx, req.params.id, 'read');
        const version = await readVersion(ctx.tx, key, req.params.id, req.params.version);
        await ctx.audit({
          action: 'case.read',
          subjectType: 'case',
          subjectId: req.params.id,
          details: { view: 'plan_version', version: req.params.version },
        });
        return version;
      }),
  );

  api.post(
    '/cases/:id/plan/agreement',
    { schema: { tags, params: CaseIdParams, body: S.AgreementIn, response: { 200: S.PlanOut, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await agreePlan(ctx, req.params.id, req.body);
        return present(ctx, key, reply, req.params.id);
      }),
  );

  api.post(
    '/cases/:id/plan/reviews',
    { schema: { tags, params: CaseIdParams, body: S.ReviewIn, response: { 201: S.Review, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const id = await addReview(ctx, key, req.params.id, req.body);
        const review = (await readReviews(ctx.tx, key, req.params.id)).find((r) => r.id === id);
        if (!review) throw new Error('review not read back');
        reply.status(201);
        return review;
      }),
  );

  api.get(
    '/cases/:id/plan/print',
    {
      schema: {
        tags,
        description:
          'The plan as a PDF for her, in Italian with the fixed labels also in lang (it alone when lang=it). Case code only: no name, no notes.',
        params: CaseIdParams,
        querystring: S.PrintQuery,
        produces: ['application/pdf'],
        response: { 200: PdfBody, ...errors },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? 'it';
      const { pdf, caseCode } = await req.inContext((ctx) =>
        printPlan(ctx, key, req.params.id, lang, config.publicUrl),
      );
      reply.type('application/pdf');
      reply.header('Content-Disposition', `inline; filename="piano-${caseCode}-${lang}.pdf"`);
      reply.header('Cache-Control', 'no-store');
      return reply.send(pdf);
    },
  );
}
