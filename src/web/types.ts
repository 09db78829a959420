/** Shapes of the JSON returned by /api/v1 (see the API contract). */
import type { OrganisationAction, ProtocolAction, UserAction, UserListAction } from '../shared/allowed-actions.ts';
import type { Action } from '../shared/can.ts';
import type { OrganisationType, Role } from '../shared/roles.ts';

export interface Meta {
  demo: boolean;
  version: string;
}

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    email: string | null;
    mfaEnrolled: boolean;
  };
  organisation: { id: string; name: string; type: OrganisationType };
  roles: Role[];
  /** what she may do in her own organisation: the UI renders from this, never from roles */
  permissions: Action[];
}

export interface Municipality {
  istatCode: string;
  name: string;
}

export interface NetworkSummary {
  id: string;
  name: string;
  leadMunicipality: Municipality | null;
  municipalityCount: number;
  organisationCount: number;
  hasShelters: boolean;
  sheltersNote: string | null;
}

export interface NetworkDetail extends NetworkSummary {
  municipalities: Municipality[];
  organisations: { id: string; name: string; type: OrganisationType; uncertain: boolean }[];
  notes: string | null;
  sourceIds: string[];
}

export interface OrganisationSummary {
  id: string;
  name: string;
  type: OrganisationType;
  town: string | null;
  uncertain: boolean;
  networkIds: string[];
  operatesShelters: boolean;
}

export interface OrganisationDetail {
  id: string;
  name: string;
  type: OrganisationType;
  town: string | null;
  address: string | null;
  helpline: string | null;
  website: string | null;
  description: string | null;
  operatesShelters: boolean;
  uncertain: boolean;
  notes: string | null;
  sourceIds: string[];
  networks: { id: string; name: string; role: string | null }[];
  protocols: { id: string; name: string; kind: string; joinedOn: string | null }[];
  parent: { id: string; name: string } | null;
  version: number | string;
  allowedActions: OrganisationAction[];
}

export interface Signatory {
  organisationId: string | null;
  name: string;
  kind: string;
  joinedOn: string | null;
}

export interface Protocol {
  id: string;
  code: string;
  name: string;
  signedOn: string | null;
  scope: string;
  summary: string | null;
  signatories: Signatory[];
}

export type AdhesionStatus = 'requested' | 'approved' | 'rejected' | string;

/** The server says 'requested'; 'pending' is accepted too. */
export const isPending = (status: AdhesionStatus) => status === 'requested' || status === 'pending';

export interface Adhesion {
  id: string;
  organisationId: string;
  organisationName: string;
  status: AdhesionStatus;
  motivation: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

export interface ProtocolDetail extends Protocol {
  adhesions?: Adhesion[];
  allowedActions: ProtocolAction[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  disabled: boolean;
  mfaEnrolled: boolean;
  /** Set when the user asked for a new password and no link has been issued yet. */
  resetRequestedAt?: string | null;
  createdAt: string;
  allowedActions: UserAction[];
}

export interface UserList extends Items<User> {
  allowedActions: UserListAction[];
  assignableRoles: Role[];
}

export interface AuditEntry {
  seq: number | string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  purpose: string | null;
  outcome: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | null;
}

export interface Items<T> {
  items: T[];
}
