import { can, type PermissionActor } from './can.ts';
import type { DirectoryEntryAction, DirectoryEntryStatus } from './codes/directory.ts';
import { ROLES, type Role } from './codes/roles.ts';

/**
 * What the actor may do with one resource, told to the UI in the resource's `allowedActions`
 * (as referrals do with their lifecycle). Pure: `can()` plus the resource's state.
 */

export const CASE_ACTIONS = [
  /** change an open case: profile, needs, plan, consents, outcomes */
  'update',
  'close',
  'reopen',
  'record_follow_up',
  'withdraw_consent',
  'print_plan',
  'read_identity',
  /** register or change her identity: the case team, on an open case */
  'write_identity',
  'send_referral',
  /** her access report (the DPO): what the centre holds and who saw her record */
  'access_report',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export function caseActions(
  actor: PermissionActor,
  c: { organisationId: string; status: 'open' | 'closed'; onMyTeam: boolean },
): CaseAction[] {
  const subject = { organisationId: c.organisationId };
  const writes = can(actor, 'case.write', subject);
  const open = c.status === 'open';
  const allowed: Record<CaseAction, boolean> = {
    update: writes && open,
    close: writes && open,
    reopen: writes && !open,
    record_follow_up: writes,
    withdraw_consent: writes,
    print_plan: writes,
    read_identity: can(actor, 'case.identity.read', subject),
    write_identity: can(actor, 'case.identity.write', subject) && c.onMyTeam && open,
    send_referral: can(actor, 'referral.send', subject) && open,
    access_report: can(actor, 'case.access_report', subject),
  };
  return CASE_ACTIONS.filter((a) => allowed[a]);
}

export const ORGANISATION_ACTIONS = ['update'] as const;
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

export function organisationActions(actor: PermissionActor, organisationId: string): OrganisationAction[] {
  return can(actor, 'organisation.update', { organisationId }) ? ['update'] : [];
}

export const PROTOCOL_ACTIONS = ['request_adhesion', 'decide_adhesion', 'invite_adhesion'] as const;
export type ProtocolAction = (typeof PROTOCOL_ACTIONS)[number];

/**
 * Requesting is for the actor's own organisation; whether it already signed is shown with the protocol.
 * Deciding and inviting: a coordinator only for a protocol her organisation signed (`signedByActor`).
 */
export function protocolActions(actor: PermissionActor, signedByActor = false): ProtocolAction[] {
  // the subject of a decision is the signatory body that decides: her own when it signed, none else
  const signatory = { organisationId: signedByActor ? actor.organisationId : '' };
  const allowed: Record<ProtocolAction, boolean> = {
    request_adhesion: can(actor, 'protocol.request_adhesion', { organisationId: actor.organisationId }),
    decide_adhesion: can(actor, 'protocol.decide_adhesion', signatory),
    invite_adhesion: can(actor, 'protocol.invite_adhesion', signatory),
  };
  return PROTOCOL_ACTIONS.filter((a) => allowed[a]);
}

export const USER_LIST_ACTIONS = ['invite'] as const;
export type UserListAction = (typeof USER_LIST_ACTIONS)[number];

export function userListActions(actor: PermissionActor, organisationId: string): UserListAction[] {
  return can(actor, 'user.manage', { organisationId }) ? ['invite'] : [];
}

/** The roles the actor may grant: platform_admin only by a platform_admin (users/queries.ts checkGrantable). */
export function grantableRoles(actor: PermissionActor): Role[] {
  return actor.roles.includes('platform_admin') ? [...ROLES] : ROLES.filter((r) => r !== 'platform_admin');
}

export const USER_ACTIONS = ['update_roles', 'disable', 'enable', 'reset_password'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export function userActions(
  actor: PermissionActor & { userId: string },
  user: { id: string; organisationId: string; disabled: boolean },
): UserAction[] {
  if (!can(actor, 'user.manage', { organisationId: user.organisationId })) return [];
  const self = user.id === actor.userId;
  const allowed: Record<UserAction, boolean> = {
    update_roles: true,
    disable: !self && !user.disabled,
    enable: !self && user.disabled,
    reset_password: !user.disabled,
  };
  return USER_ACTIONS.filter((a) => allowed[a]);
}

/**
 * What the actor may do with a directory entry she can see (RLS decides which: her organisation's,
 * or, for a network coordinator, those of her networks' members): edit it, and publish a draft
 * that differs from the public copy.
 */
export function directoryEntryActions(
  actor: PermissionActor,
  entry: { status: DirectoryEntryStatus },
): DirectoryEntryAction[] {
  const out: DirectoryEntryAction[] = [];
  if (can(actor, 'directory.edit')) out.push('edit');
  if (can(actor, 'directory.publish') && (entry.status === 'draft' || entry.status === 'changed')) out.push('publish');
  return out;
}
