import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.ts';
import type { Config } from '../config.ts';
import { loginRateLimit } from '../http/rate-limit.ts';
import {
  adhesionFormState,
  applyForAdhesion,
  createAdhesionInvitation,
  listAdhesionInvitations,
} from './adhesion-invitations.ts';
import { decideAdhesion, requestAdhesion } from './adhesions.ts';
import { getProtocol, listProtocols } from './protocols.ts';
import { getNetwork, getOrganisation, listNetworks, listOrganisations } from './queries.ts';
import {
  Adhesion,
  AdhesionApplication,
  AdhesionApplied,
  AdhesionDecided,
  AdhesionDecision,
  AdhesionFormState,
  AdhesionInvitationCreate,
  AdhesionInvitationCreated,
  AdhesionInvitationList,
  AdhesionTokenBody,
  AdhesionParams,
  AdhesionRequest,
  IdParam,
  NetworkDetail,
  NetworkIdParam,
  NetworkList,
  OrganisationDetail,
  OrganisationList,
  OrganisationPatch,
  OrganisationQuery,
  ProtocolDetail,
  ProtocolList,
} from './schemas.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import { ErrorBody, errorResponses } from '../http/schema-kit.ts';
import { updateOrganisation } from './update-organisation.ts';

const tags = ['network'];
const errors = errorResponses(400, 401, 404);
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];

/** The network directory, organisations and protocols. Registered under /api/v1. */
export function registerNetworkRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const publicLimit = { auth: 'public' as const, rateLimit: loginRateLimit(config.rateLimits) };

  api.get('/networks', { schema: { tags, security, response: { 200: NetworkList, ...errors } } }, (req) =>
    req.inContext(async ({ tx, authorise }) => {
      authorise('network.read');
      return { items: await listNetworks(tx) };
    }),
  );

  api.get(
    '/networks/:id',
    { schema: { tags, security, params: NetworkIdParam, response: { 200: NetworkDetail, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise }) => {
        authorise('network.read');
        const network = await getNetwork(tx, req.params.id);
        if (!network) throw notFound();
        return network;
      }),
  );

  api.get(
    '/organisations',
    { schema: { tags, security, querystring: OrganisationQuery, response: { 200: OrganisationList, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise }) => {
        authorise('organisation.read');
        return { items: await listOrganisations(tx, req.query) };
      }),
  );

  api.get(
    '/organisations/:id',
    { schema: { tags, security, params: IdParam, response: { 200: OrganisationDetail, ...errors } } },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('organisation.read');
        const organisation = await getOrganisation(tx, me, req.params.id);
        if (!organisation) throw notFound();
        await audit({ action: 'organisation.read', subjectType: 'organisation', subjectId: organisation.id });
        reply.header('ETag', `"${organisation.version}"`);
        return organisation;
      }),
  );

  api.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParam,
        headers: IfMatchHeaders,
        body: OrganisationPatch,
        response: { 200: OrganisationDetail, ...errors, 403: ErrorBody, 409: ErrorBody, 428: ErrorBody },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('organisation.update', { organisationId: req.params.id });
        const version = parseIfMatch(req.headers['if-match']);
        const { organisation, changed } = await updateOrganisation(tx, me, req.params.id, version, req.body);
        await audit({
          action: 'organisation.update',
          subjectType: 'organisation',
          subjectId: organisation.id,
          details: { fields: changed },
        });
        reply.header('ETag', `"${organisation.version}"`);
        return organisation;
      }),
  );

  api.get('/protocols', { schema: { tags, security, response: { 200: ProtocolList, ...errors } } }, (req) =>
    req.inContext(async ({ tx, authorise }) => {
      authorise('protocol.read');
      return { items: await listProtocols(tx) };
    }),
  );

  api.get(
    '/protocols/:id',
    { schema: { tags, security, params: IdParam, response: { 200: ProtocolDetail, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise }) => {
        const me = authorise('protocol.read');
        const protocol = await getProtocol(tx, me, req.params.id);
        if (!protocol) throw notFound();
        return protocol;
      }),
  );

  api.post(
    '/protocols/:id/adhesions',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParam,
        body: AdhesionRequest,
        response: { 201: Adhesion, ...errors, 403: ErrorBody, 409: ErrorBody },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const actor = authorise('protocol.request_adhesion');
        const adhesion = await requestAdhesion(tx, actor, req.params.id, req.body.motivation ?? null);
        await audit({
          action: 'protocol.adhesion_request',
          subjectType: 'protocol_adhesion',
          subjectId: adhesion.id,
          details: { protocolId: req.params.id },
        });
        reply.code(201);
        return adhesion;
      }),
  );

  api.post(
    '/protocols/:id/adhesions/:adhesionId/decision',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: AdhesionParams,
        body: AdhesionDecision,
        response: { 200: AdhesionDecided, ...errors, 403: ErrorBody, 409: ErrorBody },
      },
    },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const actor = authorise('protocol.decide_adhesion');
        const { adhesion, adminInvite } = await decideAdhesion(tx, actor, {
          protocolId: req.params.id,
          adhesionId: req.params.adhesionId,
          decision: req.body.decision,
          note: req.body.note ?? null,
          adminUsername: req.body.adminUsername,
        });
        await audit({
          action: 'protocol.adhesion_decide',
          subjectType: 'protocol_adhesion',
          subjectId: adhesion.id,
          details: { protocolId: req.params.id, organisationId: adhesion.organisationId, decision: req.body.decision },
        });
        if (adminInvite) {
          await audit({
            action: 'organisation.create',
            subjectType: 'organisation',
            subjectId: adminInvite.organisationId,
            details: { protocolId: req.params.id, adhesionId: adhesion.id },
          });
          await audit({
            action: 'user.invite',
            subjectType: 'invitation',
            subjectId: adminInvite.linkId,
            details: { roles: ['org_admin'], organisationId: adminInvite.organisationId },
          });
        }
        return {
          ...adhesion,
          adminInvite: adminInvite
            ? { inviteUrl: `${config.publicUrl}/invito/${adminInvite.token}`, expiresAt: adminInvite.expiresAt }
            : null,
        };
      }),
  );

  // ---------------------------------------------------------------- adhesion by invitation (migration 210)
  api.get(
    '/protocols/:id/adhesion-invitations',
    { schema: { tags, security, params: IdParam, response: { 200: AdhesionInvitationList, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const actor = authorise('protocol.invite_adhesion');
        const list = await listAdhesionInvitations(tx, actor, req.params.id);
        await audit({
          action: 'protocol.adhesion_invitation_list',
          subjectType: 'protocol',
          subjectId: req.params.id,
          details: { count: list.items.length },
        });
        return list;
      }),
  );

  api.post(
    '/protocols/:id/adhesion-invitations',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParam,
        body: AdhesionInvitationCreate,
        response: { 201: AdhesionInvitationCreated, ...errors, 403: ErrorBody },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const actor = authorise('protocol.invite_adhesion');
        const { invitation, token } = await createAdhesionInvitation(tx, actor, req.params.id, req.body);
        await audit({
          action: 'protocol.adhesion_invite',
          subjectType: 'adhesion_invitation',
          subjectId: invitation.id,
          details: { protocolId: req.params.id, networkId: invitation.network?.id ?? null },
        });
        reply.code(201);
        return { ...invitation, url: `${config.publicUrl}/adesione/${token}` };
      }),
  );

  // The public form (no session): the token travels in the body, never in a URL the server logs.
  api.post(
    '/adhesion-form/state',
    {
      schema: { tags, body: AdhesionTokenBody, response: { 200: AdhesionFormState, ...errors } },
      config: publicLimit,
    },
    (req) => req.inContext(({ tx }) => adhesionFormState(tx, req.body.token)),
  );

  api.post(
    '/adhesion-form',
    {
      schema: {
        tags,
        body: AdhesionApplication,
        response: { 201: AdhesionApplied, ...errorResponses(400, 410) },
      },
      config: publicLimit,
    },
    (req, reply) =>
      req.inContext(async ({ tx, audit }) => {
        const saved = await applyForAdhesion(tx, req.body);
        await audit({
          action: 'protocol.adhesion_apply',
          actor: null,
          subjectType: 'protocol_adhesion',
          subjectId: saved.adhesionId,
          details: { protocolId: saved.protocolId, type: req.body.type },
        });
        reply.code(201);
        return { state: 'saved' as const };
      }),
  );
}
