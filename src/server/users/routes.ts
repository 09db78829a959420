import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schema-kit.ts';
import type { Config } from '../config.ts';
import { changeRoles } from './change-roles.ts';
import { createResetLink } from './create-reset-link.ts';
import { inviteUser } from './invite-user.ts';
import { listUsers } from './list-users.ts';
import { IdParams, Invite, InviteLink, ResetLink, RoleChange, User, UserList } from './schemas.ts';
import { setUserDisabled } from './set-user-disabled.ts';

const tags = ['users'];
const errors = errorResponses(400, 401, 403, 404, 409);

export function registerUserRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/users', { schema: { tags, response: { 200: UserList, ...errors } } }, async (req) =>
    req.inContext((ctx) => listUsers(ctx)),
  );

  api.post(
    '/users/invitations',
    { schema: { tags, body: Invite, response: { 201: InviteLink, ...errors } } },
    async (req, reply) => {
      const result = await req.inContext((ctx) => inviteUser(ctx, req.body));
      return reply
        .status(201)
        .send({ inviteUrl: `${config.publicUrl}/invito/${result.token}`, expiresAt: result.expiresAt });
    },
  );

  api.put(
    '/users/:id/roles',
    {
      schema: {
        tags,
        params: IdParams,
        body: RoleChange,
        response: { 200: User, ...errors },
      },
    },
    async (req) => req.inContext((ctx) => changeRoles(ctx, req.params.id, req.body.roles)),
  );

  for (const action of ['disable', 'enable'] as const) {
    api.post(
      `/users/:id/${action}`,
      { schema: { tags, params: IdParams, response: { 200: User, ...errors } } },
      async (req) => req.inContext((ctx) => setUserDisabled(ctx, req.params.id, action)),
    );
  }

  api.post(
    '/users/:id/password-reset',
    { schema: { tags, params: IdParams, response: { 201: ResetLink, ...errors } } },
    async (req, reply) => {
      const result = await req.inContext((ctx) => createResetLink(ctx, req.params.id));
      return reply
        .status(201)
        .send({ resetUrl: `${config.publicUrl}/reimposta-password/${result.token}`, expiresAt: result.expiresAt });
    },
  );
}
