import { sql } from 'kysely';
import { grantableRoles, userActions } from '../../shared/allowed-actions.ts';
import { permissionsOf } from '../../shared/can.ts';
import { ROLES, type Role } from '../../shared/codes/roles.ts';
import type { Actor, Tx } from '../db/context.ts';
import { AppError, notFound, fieldError } from '../http/errors.ts';

export async function describeMe(tx: Tx, me: Actor) {
  const row = await tx
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.email',
      'users.totp_enrolled_at',
      'organisations.name',
      'organisations.type',
    ])
    .where('users.id', '=', me.userId)
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      mfaEnrolled: row.totp_enrolled_at !== null,
    },
    organisation: { id: me.organisationId, name: row.name, type: row.type },
    roles: me.roles,
    permissions: permissionsOf(me),
  };
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.email',
  'users.disabled_at',
  'users.totp_enrolled_at',
  'users.reset_requested_at',
  'users.created_at',
  'users.organisation_id',
] as const;

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  disabled_at: Date | string | null;
  totp_enrolled_at: Date | string | null;
  reset_requested_at: Date | string | null;
  created_at: Date | string;
  organisation_id: string;
  roles: string[] | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function present(row: UserRow, actor: Actor) {
  const disabled = row.disabled_at !== null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: (row.roles ?? []).filter(Boolean).sort(),
    disabled,
    mfaEnrolled: row.totp_enrolled_at !== null,
    resetRequestedAt: iso(row.reset_requested_at),
    createdAt: iso(row.created_at) as string,
    allowedActions: userActions(actor, { id: row.id, organisationId: row.organisation_id, disabled }),
  };
}

function selectUsers(tx: Tx) {
  return tx
    .selectFrom('users')
    .select(userColumns)
    .select(
      sql<
        string[]
      >`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = users.id), '{}')`.as(
        'roles',
      ),
    );
}

/** The users of the actor's organisation, each with what the actor may do with them. */
export async function readUsers(tx: Tx, actor: Actor) {
  const rows = await selectUsers(tx)
    .where('users.organisation_id', '=', actor.organisationId)
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => present(r as UserRow, actor));
}

/** A user of the actor's organisation, or 404: another organisation's user is simply not found. */
export async function findUser(tx: Tx, actor: Actor, userId: string) {
  const row = await selectUsers(tx)
    .where('users.id', '=', userId)
    .where('users.organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return present(row as UserRow, actor);
}

export function checkGrantable(actor: Actor, roles: string[]): Role[] {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new AppError(400, 'unknown_role', 'Unknown role', [fieldError('roles', 'unknown_role')]);
  const grantable: readonly string[] = grantableRoles(actor);
  if (roles.some((r) => !grantable.includes(r))) {
    throw new AppError(400, 'role_not_grantable', 'Only a platform administrator grants that role', [
      fieldError('roles', 'role_not_grantable', 'not grantable'),
    ]);
  }
  return [...new Set(roles)] as Role[];
}

export async function replaceRoles(tx: Tx, user: { id: string; organisationId: string }, roles: Role[]) {
  const before = await tx.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  const had = before.map((r) => r.role);
  await tx.deleteFrom('user_roles').where('user_id', '=', user.id).execute();
  if (roles.length) {
    await tx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: user.id, organisation_id: user.organisationId, role })))
      .execute();
  }
  return { added: roles.filter((r) => !had.includes(r)), removed: had.filter((r) => !roles.includes(r as Role)) };
}
