import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { todayInItaly } from '../db/dates.ts';
import { errorResponses } from '../http/schema-kit.ts';
import { createActivity, listActivities } from './activities.ts';
import * as S from './schemas.ts';

const tags = ['prevention'];
const errors = errorResponses(400, 401, 404);
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];

/** Prevention activities (issue 8, /prevenzione). Registered under /api/v1. */
export function registerPreventionRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/prevention/activities',
    { schema: { tags, security, querystring: S.ActivitiesQuery, response: { 200: S.ActivityList, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('prevention.read');
        const year = todayInItaly().slice(0, 4);
        const from = req.query.from ?? `${year}-01-01`;
        const to = req.query.to ?? `${year}-12-31`;
        const result = await listActivities(tx, from, to, req.query.period ?? 'quarter');
        await audit({ action: 'prevention.list', details: { from, to, count: result.items.length } });
        return { from, to, ...result };
      }),
  );

  api.post(
    '/prevention/activities',
    { schema: { tags, security: writeSecurity, body: S.ActivityFields, response: { 201: S.Created, ...errors } } },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('prevention.manage');
        const id = await createActivity(tx, me, req.body);
        await audit({
          action: 'prevention.create',
          subjectType: 'prevention_activity',
          subjectId: id,
          details: { kind: req.body.kind, network: req.body.networkId, resources: req.body.resources.length },
        });
        reply.code(201);
        return { id };
      }),
  );
}
