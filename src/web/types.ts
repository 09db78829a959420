/** Shapes of the JSON returned by /api/v1: the server's own schema types (`import type` only, nothing bundled). */
import type { Adhesion, NetworkDetail, ProtocolSummary } from '../server/network/schemas.ts';

export type { AuditEntry, AuditPage } from '../server/audit/schemas.ts';
export type { Me } from '../server/auth/schemas.ts';
export type { Meta } from '../server/http/system-routes.ts';
export type {
  Adhesion,
  NetworkDetail,
  NetworkSummary,
  OrganisationDetail,
  OrganisationSummary,
  ProtocolDetail,
} from '../server/network/schemas.ts';
export type { DirectoryEntry, DirectoryEntrySummary, EntryFields } from '../server/directory/schemas.ts';
export type { User, UserList } from '../server/users/schemas.ts';
// net-companies
export type {
  CompanyDetail,
  CompanyFields,
  CompanyScope,
  CompanySummary,
  EngagementFields,
  Vacancy,
  VacancyFields,
  VacancyMatches,
} from '../server/companies/schemas.ts';

export type Protocol = ProtocolSummary;
export type Municipality = NetworkDetail['municipalities'][number];
export type AdhesionStatus = Adhesion['status'];

/** An adhesion waiting for a decision. */
export const isPending = (status: AdhesionStatus) => status === 'requested';
