import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import { CaseIdParams } from '../cases/schemas.ts';
import type { Config } from '../config.ts';
import { listCaseFollowUps, listDueFollowUps, recordFollowUp } from './follow-ups.ts';
import { listOutcomes, recordOutcome } from './outcomes.ts';
import { listPartnerReports } from './partner-reports.ts';
import * as S from './schemas.ts';

const tags = ['outcomes'];
const errors = errorResponses(400, 401, 403, 404, 409);

/** Outcomes of her path, and the job-retention follow-ups a hire schedules. */
export function registerOutcomeRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const key = config.masterKey;

  api.get(
    '/cases/:id/outcomes',
    { schema: { tags, params: CaseIdParams, response: { 200: S.OutcomeList, ...errors } } },
    async (req) => req.inContext(async (ctx) => ({ items: await listOutcomes(ctx, key, req.params.id) })),
  );

  api.post(
    '/cases/:id/outcomes',
    { schema: { tags, params: CaseIdParams, body: S.OutcomeCreate, response: { 201: S.Outcome, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const outcome = await recordOutcome(ctx, key, req.params.id, req.body);
        reply.status(201);
        return outcome;
      }),
  );

  api.get(
    '/cases/:id/partner-reports',
    { schema: { tags, params: CaseIdParams, response: { 200: S.PartnerReports, ...errors } } },
    async (req) => req.inContext((ctx) => listPartnerReports(ctx, key, req.params.id)),
  );

  api.get(
    '/cases/:id/follow-ups',
    { schema: { tags, params: CaseIdParams, response: { 200: S.FollowUpList, ...errors } } },
    async (req) => req.inContext(async (ctx) => ({ items: await listCaseFollowUps(ctx, req.params.id) })),
  );

  api.post(
    '/cases/:id/follow-ups/:followUpId',
    { schema: { tags, params: S.FollowUpParams, body: S.FollowUpRecord, response: { 200: S.FollowUp, ...errors } } },
    async (req) => req.inContext((ctx) => recordFollowUp(ctx, req.params.id, req.params.followUpId, req.body)),
  );

  api.get(
    '/follow-ups',
    { schema: { tags, querystring: S.DueQuery, response: { 200: S.FollowUpList, ...errors } } },
    async (req) => req.inContext(async (ctx) => ({ items: await listDueFollowUps(ctx, req.query) })),
  );
}
