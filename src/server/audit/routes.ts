import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../http/schema-kit.ts';
import { AuditPage, type AuditQuery, AuditQuery as Query } from './schemas.ts';
import { searchAudit } from './search.ts';

export function registerAuditRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: Query, response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody } } },
    async (req) => {
      const q: AuditQuery = req.query;
      return req.inContext(async (ctx) => {
        const me = ctx.authorise('audit.read_own');
        const page = await searchAudit(ctx.tx, me, q);
        await ctx.audit({
          action: 'audit.search',
          details: {
            actor: q.actor ?? null,
            action: q.action ?? null,
            caseCode: q.caseCode ?? null,
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
