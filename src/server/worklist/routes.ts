import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import { worklistCounts, worklistPage } from './list-worklist.ts';
import * as S from './schemas.ts';

const tags = ['worklist'];
const errors = errorResponses(400, 401, 403, 404);

/** The home page's work queues: counts, and one queue's items. */
export function registerWorklistRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/worklist', { schema: { tags, response: { 200: S.WorklistCounts, ...errors } } }, async (req) =>
    req.inContext((ctx) => worklistCounts(ctx)),
  );

  api.get(
    '/worklist/:queue',
    {
      schema: {
        tags,
        params: S.WorklistParams,
        querystring: S.WorklistPageQuery,
        response: { 200: S.WorklistPage, ...errors },
      },
    },
    async (req) => req.inContext((ctx) => worklistPage(ctx, req.params.queue, req.query)),
  );
}
