import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import { listInsiderAlerts } from './read-alerts.ts';
import * as S from './schemas.ts';

/** Insider alerts (issue 12): the DPO's list, with the audit rows behind each alert. */
export function registerInsiderRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/insider-alerts',
    { schema: { tags: ['rights'], response: { 200: S.InsiderAlertList, ...errorResponses(401, 403, 404) } } },
    async (req) => req.inContext(async (ctx) => ({ items: await listInsiderAlerts(ctx) })),
  );
}
