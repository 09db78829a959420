/** The users API: what it accepts and returns. */
import { type Static, Type } from '@sinclair/typebox';
import { USER_ACTIONS, USER_LIST_ACTIONS } from '../../shared/allowed-actions.ts';
import { ROLES } from '../../shared/codes/roles.ts';
import { Enum, IdParams, Nullable, strict } from '../http/schema-kit.ts';

export const User = Type.Object(
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
    allowedActions: Type.Array(Enum(USER_ACTIONS)),
  },
  strict,
);
export const RoleEnum = Enum(ROLES);
export const UserList = Type.Object(
  {
    items: Type.Array(User),
    /** what the caller may do with the list: invite a colleague */
    allowedActions: Type.Array(Enum(USER_LIST_ACTIONS)),
    /** the roles the caller may grant (empty when she manages no users) */
    assignableRoles: Type.Array(RoleEnum),
  },
  strict,
);
export const RoleList = Type.Array(RoleEnum, { maxItems: ROLES.length });
export const Invite = Type.Object(
  {
    username: Type.String({ maxLength: 64, pattern: '^[a-z0-9._-]{3,64}$' }),
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    roles: RoleList,
  },
  strict,
);
export { IdParams };
export const InviteLink = Type.Object({ inviteUrl: Type.String(), expiresAt: Type.String() }, strict);
export const ResetLink = Type.Object({ resetUrl: Type.String(), expiresAt: Type.String() }, strict);
export const RoleChange = Type.Object({ roles: RoleList }, strict);

export type User = Static<typeof User>;
export type UserList = Static<typeof UserList>;
export type Invite = Static<typeof Invite>;
export type InviteLink = Static<typeof InviteLink>;
export type ResetLink = Static<typeof ResetLink>;
export type RoleChange = Static<typeof RoleChange>;
