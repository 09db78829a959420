import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../auth/schemas.ts';
import { type AuditQuery, searchAudit } from './search.ts';

const strict = { additionalProperties: false } as const;
const N = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const date = Type.String({ format: 'date' });
const Query = Type.Object(
  {
    actor: Type.Optional(Type.String({ format: 'uuid' })),
    subject: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(date),
    to: Type.Optional(date),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
const Entry = Type.Object(
  {
    seq: Type.String(),
    occurredAt: Type.String(),
    actorUserId: N(Type.String()),
    actorName: N(Type.String()),
    organisationId: N(Type.String()),
    action: Type.String(),
    subjectType: N(Type.String()),
    subjectId: N(Type.String()),
    purpose: N(Type.String()),
    outcome: Type.String(),
  },
  strict,
);
const Page = Type.Object({ items: Type.Array(Entry), nextBefore: N(Type.String()) }, strict);

export function registerAuditRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: Query, response: { 200: Page, 400: ErrorBody, 401: ErrorBody } } },
    async (req) => {
      const q: AuditQuery = req.query;
      return req.inContext(async (ctx) => {
        const me = ctx.authorise('audit.read_own');
        const page = await searchAudit(ctx.tx, me, q);
        await ctx.audit({
          action: 'audit.search',
          details: {
            actor: q.actor ?? null,
            subject: q.subject ?? null,
            from: q.from ?? null,
            to: q.to ?? null,
            results: page.items.length,
          },
        });
        return page;
      });
    },
  );
}
