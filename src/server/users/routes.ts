import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { USER_ACTIONS, USER_LIST_ACTIONS } from '../../shared/allowed-actions.ts';
import { ROLES } from '../../shared/roles.ts';
import { ErrorBody } from '../auth/schemas.ts';
import type { Config } from '../config.ts';
import { changeRoles } from './change-roles.ts';
import { createResetLink } from './create-reset-link.ts';
import { inviteUser } from './invite-user.ts';
import { listUsers } from './list-users.ts';
import { setUserDisabled } from './set-user-disabled.ts';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const User = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    email: Nullable(Type.String()),
    roles: Type.Array(Type.String()),
    disabled: Type.Boolean(),
    mfaEnrolled: Type.Boolean(),
    resetRequestedAt: Nullable(Type.String()),
    createdAt: Type.String(),
    /** what the caller may do with this user */
    allowedActions: Type.Array(Type.Union(USER_ACTIONS.map((a) => Type.Literal(a)))),
  },
  strict,
);
const RoleEnum = Type.Union(ROLES.map((r) => Type.Literal(r)));
const UserList = Type.Object(
  {
    items: Type.Array(User),
    /** what the caller may do with the list: invite a colleague */
    allowedActions: Type.Array(Type.Union(USER_LIST_ACTIONS.map((a) => Type.Literal(a)))),
    /** the roles the caller may grant (empty when she manages no users) */
    assignableRoles: Type.Array(RoleEnum),
  },
  strict,
);
const RoleList = Type.Array(RoleEnum, { maxItems: ROLES.length });
const Invite = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    roles: RoleList,
  },
  strict,
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, strict);
const Link = (key: 'inviteUrl' | 'resetUrl') => Type.Object({ [key]: Type.String(), expiresAt: Type.String() }, strict);
const tags = ['users'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function registerUserRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/users', { schema: { tags, response: { 200: UserList, ...errors } } }, async (req) =>
    req.inContext((ctx) => listUsers(ctx)),
  );

  api.post(
    '/users/invitations',
    { schema: { tags, body: Invite, response: { 201: Link('inviteUrl'), ...errors } } },
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
        body: Type.Object({ roles: RoleList }, strict),
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
    { schema: { tags, params: IdParams, response: { 201: Link('resetUrl'), ...errors } } },
    async (req, reply) => {
      const result = await req.inContext((ctx) => createResetLink(ctx, req.params.id));
      return reply
        .status(201)
        .send({ resetUrl: `${config.publicUrl}/reimposta-password/${result.token}`, expiresAt: result.expiresAt });
    },
  );
}
