import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses, IdParams, strict } from '../http/schema-kit.ts';
import { loadCase } from '../cases/access.ts';
import type { Config } from '../config.ts';
import { todayInItaly } from '../db/dates.ts';
import { AppError, fieldError } from '../http/errors.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import { destinationsFor } from './destinations.ts';
import { listMessages, postMessage } from './messages.ts';
import { listOverdue } from './overdue.ts';
import { describeReferral, listReferrals } from './read-referral.ts';
import { contactModeOf } from '../../shared/codes/sharing.ts';
import * as S from './schemas.ts';
import { IDEMPOTENCY_KEY, prepareReferral, sendReferral } from './send-referral.ts';
import { checkShare } from './check-share.ts';
import { applyTransition } from './transition.ts';

const tags = ['referrals'];
const errors = errorResponses(400, 401, 403, 404, 409, 422, 428);
/** Required; a missing or malformed key is a 400 idempotency_key_required (the error handler says so). */
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 200,
    pattern: IDEMPOTENCY_KEY.source,
    description: 'A key of the client for this send (8–200 letters, digits, - or _): a retry with it is answered once',
  }),
});

export function registerReferralRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const key = config.masterKey;

  api.get(
    '/cases/:id/referral-destinations',
    { schema: { tags, params: IdParams, response: { 200: S.Destinations, ...errors } } },
    async (req) =>
      req.inContext(async (ctx) => {
        const { me, row } = await loadCase(ctx, req.params.id, 'write');
        ctx.authorise('referral.send');
        return destinationsFor(ctx.tx, row, me.organisationId);
      }),
  );

  api.get(
    '/cases/:id/referral-check',
    { schema: { tags, params: IdParams, querystring: S.ShareCheckQuery, response: { 200: S.ShareCheck, ...errors } } },
    async (req) => req.inContext((ctx) => checkShare(ctx, req.params.id, req.query)),
  );

  api.post(
    '/referrals/preview',
    { schema: { tags, body: S.ReferralCreate, response: { 200: S.Preview, ...errors } } },
    async (req) =>
      req.inContext(async (ctx) => {
        const p = await prepareReferral(ctx, key, req.body);
        await ctx.audit({
          action: 'referral.preview',
          subjectType: 'case',
          subjectId: p.row.id,
          details: { recipientOrganisationId: p.recipient.id, fields: req.body.shareFields },
        });
        return { pseudonym: p.pseudonym, contactMode: contactModeOf(req.body.shareFields), shared: p.shared };
      }),
  );

  api.post(
    '/referrals',
    {
      schema: {
        tags,
        headers: IdempotencyHeaders,
        body: S.ReferralCreate,
        response: { 200: S.ReferralDetail, 201: S.ReferralDetail, ...errors },
      },
    },
    async (req, reply) => {
      const idem = req.headers['idempotency-key'];
      if (!idem || !IDEMPOTENCY_KEY.test(idem)) {
        throw new AppError(
          400,
          'idempotency_key_required',
          'Send an Idempotency-Key header (8–200 letters, digits, - or _)',
          [fieldError('idempotency-key', 'required')],
        );
      }
      return req.inContext(async (ctx) => {
        const sent = await sendReferral(ctx, key, req.body, idem);
        const detail = await describeReferral(ctx, key, sent.id);
        reply.status(sent.replayed ? 200 : 201).header('ETag', `"${detail.version}"`);
        if (sent.replayed) reply.header('Idempotent-Replayed', 'true');
        return detail;
      });
    },
  );

  api.get(
    '/referrals',
    {
      schema: {
        tags,
        querystring: S.ListQuery,
        response: { 200: Type.Object({ items: Type.Array(S.ReferralSummary) }, strict), ...errors },
      },
    },
    async (req) =>
      req.inContext(async (ctx) => {
        const items = await listReferrals(ctx, req.query);
        await ctx.audit({
          action: 'referral.list',
          subjectType: 'organisation',
          subjectId: ctx.me().organisationId,
          details: { box: req.query.box, results: items.length },
        });
        return { items };
      }),
  );

  api.get(
    '/referrals/overdue',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(S.OverdueItem) }, strict), ...errors } } },
    async (req) =>
      req.inContext(async (ctx) => {
        const items = await listOverdue(ctx, todayInItaly());
        await ctx.audit({
          action: 'referral.overdue_list',
          subjectType: 'organisation',
          subjectId: ctx.me().organisationId,
          details: { results: items.length },
        });
        return { items };
      }),
  );

  api.get(
    '/referrals/:id',
    { schema: { tags, params: IdParams, response: { 200: S.ReferralDetail, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const detail = await describeReferral(ctx, key, req.params.id);
        reply.header('ETag', `"${detail.version}"`);
        await ctx.audit({
          action: 'referral.read',
          subjectType: 'referral',
          subjectId: req.params.id,
          details: { box: detail.box, shared: detail.shared !== null },
        });
        return detail;
      }),
  );

  api.post(
    '/referrals/:id/transitions',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeaders,
        body: S.TransitionBody,
        response: { 200: S.TransitionOut, ...errors },
      },
    },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const out = await applyTransition(ctx, key, req.params.id, req.body, parseIfMatch(req.headers['if-match']));
        reply.header('ETag', `"${out.version}"`);
        return out;
      }),
  );

  api.get(
    '/referrals/:id/messages',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(S.Message) }, strict), ...errors },
      },
    },
    async (req) => req.inContext(async (ctx) => ({ items: await listMessages(ctx, key, req.params.id) })),
  );

  api.post(
    '/referrals/:id/messages',
    { schema: { tags, params: IdParams, body: S.MessageCreate, response: { 201: S.Message, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const message = await postMessage(ctx, key, req.params.id, req.body.body);
        reply.status(201);
        return message;
      }),
  );
}
