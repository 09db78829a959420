import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import { CaseIdParams } from '../cases/schemas.ts';
import type { Config } from '../config.ts';
import { compareRecordedAssessments } from './compare-recorded-assessments.ts';
import { listAssessments } from './list-assessments.ts';
import { prefillForCase } from './prefill.ts';
import { QUESTIONNAIRE } from './questionnaire.ts';
import { recordAssessment } from './record-assessment.ts';
import * as S from './schemas.ts';

const tags = ['needs'];
const errors = errorResponses(400, 401, 403, 404, 409);

export function registerNeedsRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const key = config.masterKey;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/needs/questionnaire', { schema: { tags, response: { 200: S.QuestionnaireOut, ...errors } } }, async (req) =>
    req.inContext(async (ctx) => {
      ctx.authorise('case.read');
      return QUESTIONNAIRE;
    }),
  );

  api.post(
    '/cases/:id/needs-assessments',
    { schema: { tags, params: CaseIdParams, body: S.AssessmentCreate, response: { 201: S.Assessment, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const created = await recordAssessment(ctx, key, req.params.id, req.body);
        reply.status(201);
        return created;
      }),
  );

  api.get(
    '/cases/:id/needs-assessments',
    {
      schema: {
        tags,
        params: CaseIdParams,
        response: { 200: Type.Object({ items: Type.Array(S.Assessment) }, { additionalProperties: false }), ...errors },
      },
    },
    async (req) => req.inContext(async (ctx) => ({ items: await listAssessments(ctx, key, req.params.id) })),
  );

  api.get(
    '/cases/:id/needs-assessments/prefill',
    { schema: { tags, params: CaseIdParams, response: { 200: S.Prefill, ...errors } } },
    async (req) => req.inContext((ctx) => prefillForCase(ctx, key, req.params.id)),
  );

  api.get(
    '/cases/:id/needs-assessments/compare',
    { schema: { tags, params: CaseIdParams, querystring: S.CompareQuery, response: { 200: S.CompareOut, ...errors } } },
    async (req) => req.inContext((ctx) => compareRecordedAssessments(ctx, key, req.params.id, req.query)),
  );
}
