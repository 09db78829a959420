/** Shapes of the referral API (src/server/referrals/schemas.ts: the contract). */
import type { SafeContact } from '../cases/types.ts';

export interface Label {
  it: string;
  en: string;
}
export interface OrgRef {
  id: string;
  name: string;
}

/** What the recipient sees of her: only the chosen fields, as they were when the referral was sent. */
export interface Shared {
  fields: string[];
  note: string | null;
  profile?: {
    ageBand?: string | null;
    citizenship?: string | null;
    residence?: { code: string; name: string } | null;
    education?: string | null;
    employment?: string | null;
    children?: { count: number | null; minors: number | null };
  };
  needs?: {
    assessedOn: string;
    levels?: Record<string, string>;
    sections: { id: string; label: Label; answers: { question: Label; values: Label[] }[] }[];
  } | null;
  plan?: {
    goals?: { domain: string; title: string; status: string; targetOn: string | null }[];
    actions?: { domain: string; label: Label; status: string; startsOn: string | null; dueOn: string | null }[];
  };
  identity?: {
    firstName?: string;
    lastName?: string;
    birthDate?: string | null;
    taxCode?: string | null;
    phone?: string | null;
    email?: string | null;
    languages?: string[];
  };
  safeContact?: SafeContact;
}

export type ContactMode = 'direct' | 'through_centre';
export type Box = 'inbox' | 'outbox';

export interface ReferralSummary {
  id: string;
  box: Box;
  caseId: string | null;
  caseCode: string | null;
  pseudonym: string;
  sender: OrgRef;
  recipient: OrgRef;
  recipientUser: OrgRef | null;
  purpose: string;
  urgency: string;
  status: string;
  contactMode: ContactMode;
  sentAt: string;
  ackDueOn: string;
  appointmentDueOn: string;
  expiresOn: string;
  appointmentOn: string | null;
  completedOn: string | null;
  overdue: 'acknowledgement' | 'first_appointment' | null;
  accessOpen: boolean;
  accessEndReason: string | null;
  version: number;
}

type Details = Record<string, string | number | boolean | null>;

export interface Report {
  id: string;
  kind: string;
  occurredOn: string;
  details: Details;
  outcomeId: string | null;
  reportedByName: string;
  reportedByOrganisation: string;
  createdAt: string;
}

export interface HistoryEntry {
  kind: string;
  side: 'sender' | 'recipient' | 'system';
  actorName: string | null;
  details: Details;
  occurredAt: string;
}

export interface View {
  viewerName: string;
  viewedAt: string;
}

export interface ReferralDetail extends ReferralSummary {
  declineReason: string | null;
  completionOutcome: string | null;
  accessUntil: string | null;
  shared: Shared | null;
  sharedFields: string[];
  allowedActions: string[];
  reports: Report[];
  history: HistoryEntry[];
  views: View[];
}

export interface TransitionOut {
  id: string;
  status: string;
  version: number;
  accessOpen: boolean;
}

export interface Message {
  id: string;
  authorName: string;
  authorOrganisation: string;
  side: 'sender' | 'recipient';
  body: string;
  createdAt: string;
}

export interface ShareCheck {
  sharingConsentId: string | null;
  identityConsentId: string | null;
  onlyThroughCentre: boolean;
  fields: { field: string; group: string; allowed: boolean; refusal: string | null }[];
  ackDueOn: string;
  appointmentDueOn: string;
  referents: OrgRef[];
}

export interface Destinations {
  suggestedCpi: OrgRef | null;
  organisations: { id: string; name: string; type: string; town: string | null }[];
}

export interface Preview {
  pseudonym: string;
  contactMode: ContactMode;
  shared: Shared;
}

export interface OverdueItem {
  id: string;
  networkId: string | null;
  sender: OrgRef;
  recipient: OrgRef;
  purpose: string;
  urgency: string;
  status: string;
  sentOn: string;
  dueOn: string;
  overdue: 'acknowledgement' | 'first_appointment';
  workingDaysLate: number;
}

export interface ReferralCreate {
  caseId: string;
  recipientOrganisationId: string;
  recipientUserId?: string | null;
  purpose: string;
  urgency: string;
  note?: string | null;
  shareFields: string[];
  planActionId?: string | null;
}
