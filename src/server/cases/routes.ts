import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorResponses, Obj, Uuid } from '../http/schema-kit.ts';
import type { Config } from '../config.ts';
import { notFound } from '../http/errors.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import type { Ctx } from '../http/request-context.ts';
import { loadCase } from './access.ts';
import { caseTimeline, describeCase } from './case-queries.ts';
import { notOnTeam, readIdentity, replaceIdentity } from './identity.ts';
import { searchCaseload } from './search-cases.ts';
import * as S from './schemas.ts';
import { addToTeam, closeCase, createCase, removeFromTeam, reopenCase, updateProfile } from './write-case.ts';

const tags = ['cases'];
const errors = errorResponses(400, 401, 403, 404, 409, 428);

/** Reads the case back (as the actor sees it) and sets its ETag. */
async function present(ctx: Ctx, reply: FastifyReply, caseId: string) {
  const detail = await describeCase(ctx.tx, ctx.me(), caseId);
  if (!detail) throw notFound();
  reply.header('ETag', `"${detail.version}"`);
  return detail;
}

export function registerCaseRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const key = config.masterKey;

  api.post(
    '/cases',
    { schema: { tags, body: S.CaseCreate, response: { 201: S.CaseDetail, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const id = await createCase(ctx, key, req.body);
        reply.status(201);
        return present(ctx, reply, id);
      }),
  );

  api.get(
    '/cases',
    { schema: { tags, querystring: S.CaseListQuery, response: { 200: S.CaseList, ...errors } } },
    async (req) => req.inContext((ctx) => searchCaseload(ctx, key, req.query)),
  );

  api.post(
    '/cases/search',
    {
      schema: {
        tags,
        summary: 'The caseload narrowed by a case code, surname prefix or tax code (in the body, never in a URL)',
        body: S.CaseSearch,
        response: { 200: S.CaseList, ...errors },
      },
    },
    async (req) => req.inContext((ctx) => searchCaseload(ctx, key, req.body)),
  );

  api.get(
    '/cases/:id',
    { schema: { tags, params: S.CaseIdParams, response: { 200: S.CaseDetail, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await loadCase(ctx, req.params.id, 'read');
        const detail = await present(ctx, reply, req.params.id);
        // the audit row last: it holds the audit chain's head row until commit
        await ctx.audit({ action: 'case.read', subjectType: 'case', subjectId: req.params.id });
        return detail;
      }),
  );

  api.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        params: S.CaseIdParams,
        headers: IfMatchHeaders,
        body: S.ProfilePatch,
        response: { 200: S.CaseDetail, ...errors },
      },
    },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await updateProfile(ctx, req.params.id, req.body, parseIfMatch(req.headers['if-match']));
        return present(ctx, reply, req.params.id);
      }),
  );

  api.get(
    '/cases/:id/identity',
    {
      schema: {
        tags,
        params: S.CaseIdParams,
        querystring: S.PurposeQuery,
        response: { 200: S.IdentityOut, ...errors },
      },
    },
    async (req, reply) => {
      const result = await req.inContext((ctx) => readIdentity(ctx, key, req.params.id, req.query.purpose));
      if (result.denied) throw notOnTeam();
      reply.header('ETag', `"${result.version}"`);
      return { ...result.identity, version: result.version };
    },
  );

  api.put(
    '/cases/:id/identity',
    {
      schema: {
        tags,
        params: S.CaseIdParams,
        headers: IfMatchHeaders,
        body: S.Identity,
        response: { 200: S.IdentityVersion, ...errors },
      },
    },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const header = req.headers['if-match'];
        const version = await replaceIdentity(ctx, key, req.params.id, req.body, header ? parseIfMatch(header) : null);
        reply.header('ETag', `"${version}"`);
        return { version };
      }),
  );

  api.post(
    '/cases/:id/team',
    { schema: { tags, params: S.CaseIdParams, body: S.TeamChange, response: { 200: S.CaseDetail, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await addToTeam(ctx, req.params.id, req.body.userIds);
        return present(ctx, reply, req.params.id);
      }),
  );

  api.delete(
    '/cases/:id/team/:userId',
    {
      schema: {
        tags,
        params: Obj({ id: Uuid, userId: Uuid }),
        response: { 200: S.CaseDetail, ...errors },
      },
    },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await removeFromTeam(ctx, req.params.id, req.params.userId);
        return present(ctx, reply, req.params.id);
      }),
  );

  api.post(
    '/cases/:id/closure',
    {
      schema: {
        tags,
        params: S.CaseIdParams,
        headers: IfMatchHeaders,
        body: S.Closure,
        response: { 200: S.CaseDetail, ...errors },
      },
    },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await closeCase(ctx, req.params.id, req.body, parseIfMatch(req.headers['if-match']));
        return present(ctx, reply, req.params.id);
      }),
  );

  api.post(
    '/cases/:id/reopen',
    {
      schema: {
        tags,
        params: S.CaseIdParams,
        headers: IfMatchHeaders,
        body: S.Reopen,
        response: { 200: S.CaseDetail, ...errors },
      },
    },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        await reopenCase(ctx, req.params.id, parseIfMatch(req.headers['if-match']));
        return present(ctx, reply, req.params.id);
      }),
  );

  api.get(
    '/cases/:id/timeline',
    {
      schema: {
        tags,
        params: S.CaseIdParams,
        response: { 200: S.Timeline, ...errors },
      },
    },
    async (req) =>
      req.inContext(async (ctx) => {
        await loadCase(ctx, req.params.id, 'read');
        const items = await caseTimeline(ctx.tx, req.params.id);
        await ctx.audit({ action: 'case.timeline_read', subjectType: 'case', subjectId: req.params.id });
        return { items };
      }),
  );
}
