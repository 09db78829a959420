import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ProtocolParams } from '../control-room/schemas.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import { errorResponses } from '../http/schema-kit.ts';
import {
  addVersion,
  createProcedure,
  listProcedures,
  proceduresInForce,
  readProcedure,
  transitionVersion,
} from './procedures.ts';
import * as S from './schemas.ts';

const tags = ['procedures'];
const errors = errorResponses(400, 401, 404);

/** Shared operating procedures and their versions. Registered under /api/v1. */
export function registerProcedureRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/procedures', { schema: { tags, response: { 200: S.ProcedureList, ...errors } } }, (req) =>
    req.inContext((ctx) => listProcedures(ctx)),
  );

  api.get(
    '/procedures/in-force',
    { schema: { tags, querystring: S.InForceQuery, response: { 200: S.InForceList, ...errors } } },
    (req) => req.inContext((ctx) => proceduresInForce(ctx, req.query.appliesTo)),
  );

  api.get(
    '/procedures/:id',
    { schema: { tags, params: S.ProcedureParams, response: { 200: S.ProcedureDetail, ...errors } } },
    (req) => req.inContext((ctx) => readProcedure(ctx, req.params.id)),
  );

  api.post(
    '/control-room/:protocolId/procedures',
    {
      schema: {
        tags,
        params: ProtocolParams,
        body: S.ProcedureCreate,
        response: { 201: S.ProcedureDetail, ...errors },
      },
    },
    async (req, reply) => {
      const p = await req.inContext((ctx) => createProcedure(ctx, req.params.protocolId, req.body));
      return reply.code(201).send(p);
    },
  );

  api.post(
    '/procedures/:id/versions',
    {
      schema: {
        tags,
        params: S.ProcedureParams,
        body: S.VersionCreate,
        response: { 201: S.ProcedureDetail, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const p = await req.inContext((ctx) => addVersion(ctx, req.params.id, req.body.documentId));
      return reply.code(201).send(p);
    },
  );

  api.post(
    '/procedures/:id/versions/:versionId/transitions',
    {
      schema: {
        tags,
        params: S.VersionParams,
        headers: IfMatchHeaders,
        body: S.VersionTransition,
        response: { 200: S.ProcedureDetail, ...errorResponses(400, 401, 404, 409, 428) },
      },
    },
    (req) =>
      req.inContext((ctx) =>
        transitionVersion(ctx, req.params.id, req.params.versionId, req.body, parseIfMatch(req.headers['if-match'])),
      ),
  );
}
