import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import { listInbox, markAllRead, markRead } from './inbox.ts';
import * as S from './schemas.ts';

const tags = ['notifications'];
const errors = errorResponses(400, 401, 403, 404);
const noContent = { 204: { type: 'null' } } as const;

/** The signed-in user's inbox: every role has one. */
export function registerNotificationRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/notifications',
    { schema: { tags, querystring: S.InboxQuery, response: { 200: S.Inbox, ...errors } } },
    async (req) => req.inContext((ctx) => listInbox(ctx, req.query)),
  );

  api.post(
    '/notifications/read-all',
    { schema: { tags, response: { ...noContent, ...errors } } },
    async (req, reply) => {
      await req.inContext((ctx) => markAllRead(ctx));
      return reply.status(204).send();
    },
  );

  api.post(
    '/notifications/:id/read',
    { schema: { tags, params: S.NotificationParams, response: { ...noContent, ...errors } } },
    async (req, reply) => {
      await req.inContext((ctx) => markRead(ctx, req.params.id));
      return reply.status(204).send();
    },
  );
}
