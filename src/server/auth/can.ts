import type { Role } from '../../shared/roles.ts';
import type { Actor } from '../db/context.ts';

/**
 * Permissions, written once, deny by default. `can(actor, action, subject)` is pure; the same
 * rules are enforced again by row-level security (migrations/*.sql).
 */
export type Action =
  | 'network.read'
  | 'organisation.read'
  | 'organisation.update'
  | 'protocol.read'
  | 'protocol.request_adhesion'
  | 'protocol.decide_adhesion'
  | 'user.read'
  | 'user.manage'
  | 'audit.read_own'
  | 'audit.read_organisation'
  | 'audit.read_all'
  | 'case.read'
  | 'case.write'
  | 'case.identity.read'
  | 'case.identity.write'
  | 'referral.send'
  | 'referral.read'
  | 'referral.answer'
  | 'referral.overdue_list'
  | 'notification.read';

/** Where an action's subject may be: in the actor's own organisation, or anywhere. */
type Scope = 'own' | 'any';

const EVERYONE: readonly Role[] = [
  'centre_operator',
  'cpi_referent',
  'service_operator',
  'network_coordinator',
  'control_room_member',
  'training_coordinator',
  'company_liaison',
  'dpo',
  'org_admin',
  'platform_admin',
];

const RULES: Record<Action, Partial<Record<Role, Scope>>> = {
  'network.read': Object.fromEntries(EVERYONE.map((r) => [r, 'any'])),
  'organisation.read': Object.fromEntries(EVERYONE.map((r) => [r, 'any'])),
  'protocol.read': Object.fromEntries(EVERYONE.map((r) => [r, 'any'])),
  'organisation.update': { org_admin: 'own', platform_admin: 'any' },
  'protocol.request_adhesion': { org_admin: 'own' },
  'protocol.decide_adhesion': { control_room_member: 'any', platform_admin: 'any' },
  // the DPO reads the colleagues' list to review the audit trail by person
  'user.read': { org_admin: 'own', dpo: 'own', platform_admin: 'any' },
  'user.manage': { org_admin: 'own', platform_admin: 'any' },
  'audit.read_own': Object.fromEntries(EVERYONE.map((r) => [r, 'own'])),
  'audit.read_organisation': { dpo: 'own', platform_admin: 'any' },
  'audit.read_all': { platform_admin: 'any' },
  // Cases stay in the holding centre. Identity also needs the case team (checked with the case).
  'case.read': { centre_operator: 'own', dpo: 'own' },
  'case.write': { centre_operator: 'own' },
  'case.identity.read': { centre_operator: 'own', dpo: 'own' },
  'case.identity.write': { centre_operator: 'own' },
  // Referrals: a centre sends from its cases; the recipient's operators answer; the DPO reads.
  // Which side of a referral the actor is on is decided with the row (read-referral.ts).
  'referral.send': { centre_operator: 'own' },
  'referral.read': { centre_operator: 'own', cpi_referent: 'own', service_operator: 'own', dpo: 'own' },
  'referral.answer': { centre_operator: 'own', cpi_referent: 'own', service_operator: 'own' },
  'referral.overdue_list': { network_coordinator: 'own', control_room_member: 'any' },
  // everyone reads (and marks as read) their own inbox; RLS keeps it to their own rows
  'notification.read': Object.fromEntries(EVERYONE.map((r) => [r, 'own'])),
};

export interface Subject {
  organisationId?: string;
}

export function can(actor: Actor | null, action: Action, subject: Subject = {}): boolean {
  if (!actor) return false;
  const rule = RULES[action];
  return actor.roles.some((role) => {
    const scope = rule[role];
    if (scope === 'any') return true;
    if (scope === 'own') return subject.organisationId === undefined || subject.organisationId === actor.organisationId;
    return false;
  });
}
