/** Shapes of the case API: the server's schema types (src/server/{cases,consents}/schemas.ts), import type only. */
import type { CaseDetail } from '../../server/cases/schemas.ts';

export type {
  CaseDetail,
  CaseSummary,
  Eligibility,
  Identity,
  SafeContact,
  TimelineEntry,
} from '../../server/cases/schemas.ts';
export type { Consent } from '../../server/consents/schemas.ts';

export type ContactWindow = CaseDetail['safeContact']['windows'][number];
export type TeamMember = CaseDetail['team'][number];

/** Needs, plan and outcomes (split for size). */
export type * from './types-work.ts';
