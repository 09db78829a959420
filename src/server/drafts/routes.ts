import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { errorResponses } from '../http/schema-kit.ts';
import { discardDraft, readDraft, saveDraft } from './drafts.ts';
import * as S from './schemas.ts';

const tags = ['drafts'];
const errors = errorResponses(400, 401, 403, 404);
const noContent = { 204: { type: 'null' } } as const;

/** Her sealed drafts of long forms: one per form (and case), read back on return, discarded on request. */
export function registerDraftRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const key = config.masterKey;

  api.get(
    '/drafts/:form',
    { schema: { tags, params: S.DraftParams, querystring: S.DraftQuery, response: { 200: S.DraftOut, ...errors } } },
    async (req) =>
      req.inContext(async (ctx) => ({ draft: await readDraft(ctx, key, req.params.form, req.query.caseId) })),
  );

  api.put(
    '/drafts/:form',
    { schema: { tags, params: S.DraftParams, body: S.DraftIn, response: { 200: S.DraftSaved, ...errors } } },
    async (req) => req.inContext((ctx) => saveDraft(ctx, key, req.params.form, req.body.caseId, req.body.content)),
  );

  api.delete(
    '/drafts/:form',
    { schema: { tags, params: S.DraftParams, querystring: S.DraftQuery, response: { ...noContent, ...errors } } },
    async (req, reply) => {
      await req.inContext((ctx) => discardDraft(ctx, req.params.form, req.query.caseId));
      return reply.status(204).send();
    },
  );
}
