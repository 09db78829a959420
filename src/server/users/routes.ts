import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { grantableRoles, USER_ACTIONS, USER_LIST_ACTIONS, userListActions } from '../../shared/allowed-actions.ts';
import { ROLES } from '../../shared/roles.ts';
import { createLink } from '../auth/links.ts';
import { ErrorBody } from '../auth/schemas.ts';
import { endAllSessions } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import { AppError, fieldError } from '../http/errors.ts';
import { checkGrantable, findUser, listUsers, replaceRoles } from './queries.ts';

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
    req.inContext(async (ctx) => {
      const me = ctx.authorise('user.read');
      const items = await listUsers(ctx.tx, me);
      await ctx.audit({
        action: 'user.list',
        subjectType: 'organisation',
        subjectId: me.organisationId,
        details: { count: items.length },
      });
      const allowedActions = userListActions(me, me.organisationId);
      return { items, allowedActions, assignableRoles: allowedActions.includes('invite') ? grantableRoles(me) : [] };
    }),
  );

  api.post(
    '/users/invitations',
    { schema: { tags, body: Invite, response: { 201: Link('inviteUrl'), ...errors } } },
    async (req, reply) => {
      const body = req.body;
      const result = await req.inContext(async (ctx) => {
        const me = ctx.authorise('user.manage');
        const roles = checkGrantable(me, body.roles);
        const taken = await sql<{ taken: boolean }>`SELECT auth_username_taken(${body.username}) AS taken`.execute(
          ctx.tx,
        );
        if (taken.rows[0]?.taken) {
          throw new AppError(409, 'username_taken', 'This username is already in use', [
            fieldError('username', 'taken', 'taken'),
          ]);
        }
        const link = await createLink(ctx.tx, {
          kind: 'invite',
          organisationId: me.organisationId,
          createdBy: me.userId,
          username: body.username,
          displayName: body.displayName,
          email: body.email ?? null,
          roles,
        });
        await ctx.audit({ action: 'user.invite', subjectType: 'invitation', subjectId: link.id, details: { roles } });
        return link;
      });
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
    async (req) => {
      const { id } = req.params;
      const { roles } = req.body;
      return req.inContext(async (ctx) => {
        const me = ctx.authorise('user.manage');
        await findUser(ctx.tx, me, id);
        const change = await replaceRoles(ctx.tx, { id, organisationId: me.organisationId }, checkGrantable(me, roles));
        await ctx.audit({ action: 'user.roles_change', subjectType: 'user', subjectId: id, details: change });
        return findUser(ctx.tx, me, id);
      });
    },
  );

  for (const action of ['disable', 'enable'] as const) {
    api.post(
      `/users/:id/${action}`,
      { schema: { tags, params: IdParams, response: { 200: User, ...errors } } },
      async (req) => {
        const { id } = req.params;
        return req.inContext(async (ctx) => {
          const me = ctx.authorise('user.manage');
          await findUser(ctx.tx, me, id);
          if (id === me.userId) throw new AppError(409, 'cannot_change_self', 'You cannot disable your own account');
          await ctx.tx
            .updateTable('users')
            .set({ disabled_at: action === 'disable' ? sql`now()` : null, failed_logins: 0, locked_until: null })
            .where('id', '=', id)
            .execute();
          if (action === 'disable') await endAllSessions(ctx.tx, id);
          await ctx.audit({ action: `user.${action}`, subjectType: 'user', subjectId: id });
          return findUser(ctx.tx, me, id);
        });
      },
    );
  }

  api.post(
    '/users/:id/password-reset',
    { schema: { tags, params: IdParams, response: { 201: Link('resetUrl'), ...errors } } },
    async (req, reply) => {
      const { id } = req.params;
      const result = await req.inContext(async (ctx) => {
        const me = ctx.authorise('user.manage');
        const user = await findUser(ctx.tx, me, id);
        const link = await createLink(ctx.tx, {
          kind: 'reset',
          organisationId: me.organisationId,
          createdBy: me.userId,
          userId: id,
          username: user.username,
        });
        await ctx.tx.updateTable('users').set({ reset_requested_at: null }).where('id', '=', id).execute();
        await ctx.audit({ action: 'user.password_reset_link', subjectType: 'user', subjectId: id });
        return link;
      });
      return reply
        .status(201)
        .send({ resetUrl: `${config.publicUrl}/reimposta-password/${result.token}`, expiresAt: result.expiresAt });
    },
  );
}
