import { ROLES, type Role } from './codes/roles.ts';

/**
 * Permissions, written once, deny by default. `can(actor, action, subject)` is pure and shared:
 * the server enforces it (`ctx.authorise`) and tells the UI what it allows (`/me` permissions,
 * each resource's `allowedActions`). Row-level security repeats the same rules in SQL
 * (migrations/*.sql); `auth/can-vs-sql.db.test.ts` holds the two together.
 */
export const ACTIONS = [
  'network.read',
  'organisation.read',
  'organisation.update',
  'protocol.read',
  'protocol.request_adhesion',
  'protocol.decide_adhesion',
  'protocol.invite_adhesion',
  'user.read',
  'user.manage',
  'audit.read_own',
  'audit.read_organisation',
  'audit.read_all',
  'case.read',
  'case.write',
  'case.identity.read',
  'case.identity.write',
  'referral.send',
  'referral.read',
  'referral.answer',
  'referral.overdue_list',
  'notification.read',
  'directory.edit',
  'directory.publish',
  // observatory (issue 7)
  'observatory.read',
  // obs-report: the observatory's quarterly report (PDF) and the annual ISTAT / O.R.A. extract
  'observatory.report',
  'observatory.extract',
  // net-control: the control room of a protocol, its working groups, procedures and documents
  'control_room.read',
  'control_room.manage',
  'control_room.update_action',
  'procedure.read',
  'procedure.manage',
  'procedure.acknowledge',
  'document.read',
  'document.upload',
  // net-companies: the companies' register and vacancies of the actor's networks (/aziende)
  'company.read',
  'company.write',
  // training and coverage (issue 8, /formazione)
  'training.read',
  'training.manage',
  'training.coverage',
  // prevention activities (issue 8, /prevenzione)
  'prevention.read',
  'prevention.manage',
  // issue 12, her rights: the DPO answers her requests (her access report) and sets the centre's
  // privacy settings (whether the report names staff)
  'case.access_report',
  'privacy.manage',
  'insider.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Where an action's subject may be: in the actor's own organisation, or anywhere. */
export type Scope = 'own' | 'any';

/** Who acts, as far as permissions go (the server's Actor has these fields and more). */
export interface PermissionActor {
  organisationId: string;
  roles: readonly Role[];
}

export interface Subject {
  organisationId?: string;
}

const everyone = (scope: Scope): Partial<Record<Role, Scope>> => Object.fromEntries(ROLES.map((r) => [r, scope]));

export const RULES: Record<Action, Partial<Record<Role, Scope>>> = {
  'network.read': everyone('any'),
  'organisation.read': everyone('any'),
  'protocol.read': everyone('any'),
  'organisation.update': { org_admin: 'own', platform_admin: 'any' },
  'protocol.request_adhesion': { org_admin: 'own' },
  // Adhesions of a protocol are decided by the control room and the platform administrator, and by the
  // network coordinators of its signatories ('own': the subject is the signatory body, decided with
  // the row by RLS app_decides_adhesion(protocol); migration 210). The same people invite a body
  // that is not in Percorsi yet to ask (a single-use link to the public form).
  'protocol.decide_adhesion': { control_room_member: 'any', platform_admin: 'any', network_coordinator: 'own' },
  'protocol.invite_adhesion': { control_room_member: 'any', platform_admin: 'any', network_coordinator: 'own' },
  // the DPO reads the colleagues' list to review the audit trail by person
  'user.read': { org_admin: 'own', dpo: 'own', platform_admin: 'any' },
  'user.manage': { org_admin: 'own', platform_admin: 'any' },
  'audit.read_own': everyone('own'),
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
  'notification.read': everyone('own'),
  // The public directory's entries (/aiuto): an organisation's administrators edit and publish its
  // own; a network coordinator also those of the members of her networks (decided with the row:
  // RLS app_edits_directory, and directory/editable.ts).
  'directory.edit': { org_admin: 'own', network_coordinator: 'own', platform_admin: 'any' },
  'directory.publish': { org_admin: 'own', network_coordinator: 'own', platform_admin: 'any' },
  // Observatory (issue 7): suppressed aggregates. The control room reads every network; a network
  // coordinator her networks; an organisation administrator her centre (unsuppressed) or her
  // CPI's referral indicators — which rows is decided with the row (RLS app_reads_statistics,
  // observatory/scope.ts); an administrator of any other body gets 404.
  'observatory.read': { network_coordinator: 'own', control_room_member: 'any', org_admin: 'own' },
  // obs-report: the control room's quarterly report and the annual extract (whole area, published
  // and suppressed tables only; RLS on observatory_reports repeats it)
  'observatory.report': { control_room_member: 'any' },
  'observatory.extract': { control_room_member: 'any' },
  // net-control: a protocol's control room is its signatories' coordinators and control-room members
  // (which protocols: decided with the row, RLS app_in_control_room); the coordinator records meetings,
  // decisions, actions, working groups and procedures (app_runs_control_room); a member moves an
  // action's status. Procedures in force are read by every signatory's operators (the referral wizard
  // links them; app_signatory) and acknowledged by each body's administrator. Documents: a procedure's
  // text as its procedure, the rest as the control room (app_reads_document).
  'control_room.read': { network_coordinator: 'own', control_room_member: 'own' },
  'control_room.manage': { network_coordinator: 'own' },
  'control_room.update_action': { network_coordinator: 'own', control_room_member: 'own' },
  'procedure.read': {
    network_coordinator: 'own',
    control_room_member: 'own',
    org_admin: 'own',
    centre_operator: 'own',
    cpi_referent: 'own',
    service_operator: 'own',
  },
  'procedure.manage': { network_coordinator: 'own' },
  'procedure.acknowledge': { org_admin: 'own' },
  'document.read': {
    network_coordinator: 'own',
    control_room_member: 'own',
    org_admin: 'own',
    centre_operator: 'own',
    cpi_referent: 'own',
    service_operator: 'own',
  },
  'document.upload': { network_coordinator: 'own' },
  // net-companies: companies and vacancies are kept per network, not per organisation: 'any' here,
  // and which networks is decided with the row (RLS: the network is one of the actor's
  // organisation's, app_org_networks(); migration 130). Centre operators read (they match vacancies
  // to their cases' plans); the coordinator, CPI referents and company liaisons write. An
  // organisation's administrator manages accounts, not the register (least privilege).
  'company.read': { network_coordinator: 'any', cpi_referent: 'any', company_liaison: 'any', centre_operator: 'any' },
  'company.write': { network_coordinator: 'any', cpi_referent: 'any', company_liaison: 'any' },
  // Training (issue 8): a course belongs to the organisation that records it (a network
  // coordinator's or training coordinator's body); the control room reads every course. The
  // coverage board adds organisation administrators, narrowed with the row to AFOL's and the CPIs'
  // (RLS app_reads_training, app_manages_training, app_reads_training_coverage; migration 120).
  'training.read': { network_coordinator: 'own', training_coordinator: 'own', control_room_member: 'any' },
  'training.manage': { network_coordinator: 'own', training_coordinator: 'own' },
  'training.coverage': {
    network_coordinator: 'own',
    training_coordinator: 'own',
    control_room_member: 'any',
    org_admin: 'own',
  },
  // Prevention (issue 8): an activity belongs to the body that records it (its network coordinators
  // or administrators); the control room reads every activity (RLS app_reads_prevention,
  // app_manages_prevention; migration 121).
  'prevention.read': { network_coordinator: 'own', org_admin: 'own', control_room_member: 'any' },
  'prevention.manage': { network_coordinator: 'own', org_admin: 'own' },
  // Her rights (issue 12): the centre's DPO answers for her data (RLS: privacy_settings; the report
  // reads the case tables, the centre's audit rows and referral_views under the DPO's policies).
  'case.access_report': { dpo: 'own' },
  'privacy.manage': { dpo: 'own' },
  // insider alerts (RLS: insider_alerts, the organisation's DPO)
  'insider.read': { dpo: 'own' },
};

export function can(actor: PermissionActor | null, action: Action, subject: Subject = {}): boolean {
  if (!actor) return false;
  const rule = RULES[action];
  return actor.roles.some((role) => {
    const scope = rule[role];
    if (scope === 'any') return true;
    if (scope === 'own') return subject.organisationId === undefined || subject.organisationId === actor.organisationId;
    return false;
  });
}

/** The actions the actor may take in her own organisation (what `/me` tells the UI). */
export function permissionsOf(actor: PermissionActor): Action[] {
  return ACTIONS.filter((a) => can(actor, a, { organisationId: actor.organisationId }));
}
