/** Shapes of the case API (src/server/{cases,consents,needs,plans,outcomes}/schemas.ts). */
import type { CaseAction } from '../../shared/allowed-actions.ts';

export interface Eligibility {
  programme: string;
  eligible: boolean;
  reason: 'in_charge' | 'closed_within_window' | 'window_ended';
  windowEndsOn: string | null;
  daysLeft: number | null;
}

export interface CaseSummary {
  id: string;
  code: string;
  status: 'open' | 'closed';
  takenInChargeOn: string;
  closedOn: string | null;
  closureOutcome: string | null;
  riskLevel: string | null;
  eligibility: Eligibility;
  onMyTeam: boolean;
  dueActions: number;
  dueFollowUps: number;
  version: number;
}

export interface ContactWindow {
  days: string[];
  from: string;
  to: string;
}

export interface SafeContact {
  channels: string[];
  windows: ContactWindow[];
  noVoicemail: boolean;
  onlyThroughCentre: boolean;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  roleInCase: string;
}

export interface CaseDetail extends CaseSummary {
  networkId: string | null;
  organisationId: string;
  firstContactOn: string | null;
  intakeOn: string | null;
  ageBand: string | null;
  citizenship: string | null;
  residenceCode: string | null;
  education: string | null;
  employment: string | null;
  childrenCount: number | null;
  minorChildrenCount: number | null;
  childrenWitnessed: boolean | null;
  violenceTypes: string[];
  authorRelationships: string[];
  referralSource: string | null;
  riskTool: string | null;
  riskAssessedOn: string | null;
  safeContact: SafeContact;
  hasIdentity: boolean;
  team: TeamMember[];
  allowedActions: CaseAction[];
}

export interface Identity {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  taxCode?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  languages?: string[];
  codeWord?: string | null;
}

export interface TimelineEntry {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  kind: string;
  refId: string | null;
  details: Record<string, unknown>;
}

export interface Consent {
  id: string;
  purpose: string;
  recipientOrganisationId: string | null;
  recipientOrganisationName: string | null;
  recipientType: string | null;
  sharingPurpose: string | null;
  includesIdentity: boolean;
  decision: 'granted' | 'refused';
  textVersion: string;
  method: string;
  witnessUserId: string | null;
  givenOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
  status: 'active' | 'expired' | 'revoked' | 'refused';
  recordedBy: string;
}

/** Needs, plan and outcomes (split for size). */
export type * from './types-work.ts';
