/**
 * The API contract the UI is typed against: for each route ("METHOD /path", without the /api/v1 prefix)
 * the TypeBox schemas of its query string, body and successful response. The UI imports this module
 * with `import type` only (src/web/api.ts), so none of it is bundled; `contract.test.ts` holds each entry
 * against the schemas the routes really register, so the table cannot drift from the server.
 */
import { type TSchema, Type } from '@sinclair/typebox';
import * as Audit from '../audit/schemas.ts';
import * as Auth from '../auth/schemas.ts';
import * as Cases from '../cases/schemas.ts';
import * as Companies from '../companies/schemas.ts';
import * as Consents from '../consents/schemas.ts';
import * as Drafts from '../drafts/schemas.ts';
import * as Directory from '../directory/schemas.ts';
import * as Needs from '../needs/schemas.ts';
import * as Network from '../network/schemas.ts';
import * as Notifications from '../notifications/schemas.ts';
import * as Observatory from '../observatory/schemas.ts';
import * as ObsReport from '../observatory-report/schemas.ts';
import * as Outcomes from '../outcomes/schemas.ts';
import * as Plans from '../plans/schemas.ts';
import * as Referrals from '../referrals/schemas.ts';
import * as Users from '../users/schemas.ts';
import * as Worklist from '../worklist/schemas.ts';
import * as Room from '../control-room/schemas.ts';
import * as Procedures from '../procedures/schemas.ts';
import * as Training from '../training/schemas.ts';
import * as Prevention from '../prevention/schemas.ts';
import * as Rights from '../rights/schemas.ts';
import * as Insider from '../insider/schemas.ts';
import { Meta } from './system-routes.ts';

/** A 204 answer: the client resolves to undefined. */
export const NoContent = Type.Void();

const list = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) }, { additionalProperties: false });

export interface RouteSchemas {
  query?: TSchema;
  body?: TSchema;
  response: TSchema;
}

export const contract = {
  'GET /meta': { response: Meta },
  'GET /me': { response: Auth.Me },
  'GET /auth/csrf': { response: Auth.CsrfAnswer },
  'POST /auth/login': { body: Auth.Credentials, response: Auth.LoginAnswer },
  'POST /auth/totp': { body: Auth.Code, response: Auth.CsrfAnswer },
  'POST /auth/recovery': { body: Auth.Code, response: Auth.CsrfAnswer },
  'POST /auth/totp/enrolment': { response: Auth.Enrolment },
  'POST /auth/totp/enrolment/confirm': { body: Auth.Code, response: Auth.EnrolmentDone },
  'POST /auth/logout': { response: NoContent },
  'POST /auth/passkey/options': { response: Auth.PasskeyAuthOptions },
  'POST /auth/passkey': { body: Auth.PasskeyAssertion, response: Auth.CsrfAnswer },
  'POST /auth/passkey/sign-in/options': { response: Auth.PasskeyAuthOptions },
  'POST /auth/passkey/sign-in': { body: Auth.PasskeyAssertion, response: Auth.CsrfAnswer },
  'GET /auth/passkeys': { response: Auth.PasskeyList },
  'POST /auth/passkeys/options': { response: Auth.PasskeyOptions },
  'POST /auth/passkeys': { body: Auth.PasskeyRegistration, response: Auth.PasskeyCreated },
  'DELETE /auth/passkeys/:id': { response: NoContent },
  'GET /auth/step-up': { response: Auth.StepUpState },
  'POST /auth/step-up/totp': { body: Auth.Code, response: Auth.StepUpAnswer },
  'POST /auth/step-up/passkey/options': { response: Auth.PasskeyAuthOptions },
  'POST /auth/step-up/passkey': { body: Auth.PasskeyAssertion, response: Auth.StepUpAnswer },
  'POST /auth/password-reset': { body: Auth.UsernameOnly, response: Auth.Message },
  'POST /auth/password-reset/complete': { body: Auth.TokenAndPassword, response: NoContent },
  'POST /auth/invitations/accept': { body: Auth.TokenAndPassword, response: NoContent },

  'GET /users': { response: Users.UserList },
  'POST /users/invitations': { body: Users.Invite, response: Users.InviteLink },
  'PUT /users/:id/roles': { body: Users.RoleChange, response: Users.User },
  'POST /users/:id/enable': { response: Users.User },
  'POST /users/:id/disable': { response: Users.User },
  'POST /users/:id/password-reset': { response: Users.ResetLink },

  'GET /audit': { query: Audit.AuditQuery, response: Audit.AuditPage },

  'GET /networks': { response: Network.NetworkList },
  'GET /networks/:id': { response: Network.NetworkDetail },
  'GET /organisations': { query: Network.OrganisationQuery, response: Network.OrganisationList },
  'GET /organisations/:id': { response: Network.OrganisationDetail },
  'PATCH /organisations/:id': { body: Network.OrganisationPatch, response: Network.OrganisationDetail },
  'GET /protocols': { response: Network.ProtocolList },
  'GET /directory/entries': { response: Directory.DirectoryEntryList },
  'GET /directory/entries/:organisationId': { response: Directory.DirectoryEntry },
  'GET /directory/entries/:organisationId/preview': { response: Directory.EntryPreview },
  'PUT /directory/entries/:organisationId': { body: Directory.EntryFields, response: Directory.DirectoryEntry },
  'POST /directory/entries/:organisationId/publish': { response: Directory.DirectoryEntry },
  'GET /protocols/:id': { response: Network.ProtocolDetail },
  'POST /protocols/:id/adhesions': { body: Network.AdhesionRequest, response: Network.Adhesion },
  'POST /protocols/:id/adhesions/:adhesionId/decision': {
    body: Network.AdhesionDecision,
    response: Network.AdhesionDecided,
  },
  'GET /protocols/:id/adhesion-invitations': { response: Network.AdhesionInvitationList },
  'POST /protocols/:id/adhesion-invitations': {
    body: Network.AdhesionInvitationCreate,
    response: Network.AdhesionInvitationCreated,
  },
  'POST /adhesion-form/state': { body: Network.AdhesionTokenBody, response: Network.AdhesionFormState },
  'POST /adhesion-form': { body: Network.AdhesionApplication, response: Network.AdhesionApplied },

  'POST /cases': { body: Cases.CaseCreate, response: Cases.CaseDetail },
  'GET /cases': { query: Cases.CaseListQuery, response: Cases.CaseList },
  'POST /cases/search': { body: Cases.CaseSearch, response: Cases.CaseList },
  'GET /cases/:id': { response: Cases.CaseDetail },
  'PATCH /cases/:id': { body: Cases.ProfilePatch, response: Cases.CaseDetail },
  'GET /cases/:id/identity': { query: Cases.PurposeQuery, response: Cases.IdentityOut },
  'PUT /cases/:id/identity': { body: Cases.Identity, response: Cases.IdentityVersion },
  'POST /cases/:id/team': { body: Cases.TeamChange, response: Cases.CaseDetail },
  'DELETE /cases/:id/team/:userId': { response: Cases.CaseDetail },
  'POST /cases/:id/closure': { body: Cases.Closure, response: Cases.CaseDetail },
  'POST /cases/:id/reopen': { body: Cases.Reopen, response: Cases.CaseDetail },
  'GET /cases/:id/timeline': { response: Cases.Timeline },

  'GET /cases/:id/consents': { response: Consents.ConsentList },
  'POST /cases/:id/consents': { body: Consents.ConsentCreate, response: Consents.Consent },
  'POST /cases/:id/consents/:consentId/revocation': { body: Consents.Revocation, response: Consents.Consent },

  'GET /needs/questionnaire': { response: Needs.QuestionnaireOut },
  'POST /cases/:id/needs-assessments': { body: Needs.AssessmentCreate, response: Needs.Assessment },
  'GET /cases/:id/needs-assessments': { response: list(Needs.Assessment) },
  'GET /cases/:id/needs-assessments/prefill': { response: Needs.Prefill },
  'GET /cases/:id/needs-assessments/compare': { query: Needs.CompareQuery, response: Needs.CompareOut },

  'GET /cases/:id/plan': { response: Plans.PlanOut },
  'PUT /cases/:id/plan': { body: Plans.PlanIn, response: Plans.PlanOut },
  'PUT /cases/:id/plan/actions/:actionId/status': { body: Plans.ActionStatusIn, response: Plans.PlanOut },
  'GET /cases/:id/plan/versions': { response: list(Plans.VersionSummary) },
  'GET /cases/:id/plan/versions/:version': { response: Plans.VersionDetail },
  'POST /cases/:id/plan/agreement': { body: Plans.AgreementIn, response: Plans.PlanOut },
  'POST /cases/:id/plan/reviews': { body: Plans.ReviewIn, response: Plans.Review },
  'GET /action-catalogue': { response: list(Plans.CatalogueItem) },
  'POST /action-catalogue': { body: Plans.CatalogueIn, response: Plans.CatalogueItem },

  'GET /cases/:id/outcomes': { response: Outcomes.OutcomeList },
  'POST /cases/:id/outcomes': { body: Outcomes.OutcomeCreate, response: Outcomes.Outcome },
  'GET /cases/:id/partner-reports': { response: Outcomes.PartnerReports },
  'GET /cases/:id/follow-ups': { response: Outcomes.FollowUpList },
  'POST /cases/:id/follow-ups/:followUpId': { body: Outcomes.FollowUpRecord, response: Outcomes.FollowUp },
  'GET /follow-ups': { query: Outcomes.DueQuery, response: Outcomes.FollowUpList },

  'GET /notifications': { query: Notifications.InboxQuery, response: Notifications.Inbox },
  'POST /notifications/read-all': { response: NoContent },
  'POST /notifications/:id/read': { response: NoContent },

  'GET /cases/:id/referral-destinations': { response: Referrals.Destinations },
  'GET /cases/:id/referral-check': { query: Referrals.ShareCheckQuery, response: Referrals.ShareCheck },
  'POST /referrals/preview': { body: Referrals.ReferralCreate, response: Referrals.Preview },
  'POST /referrals': { body: Referrals.ReferralCreate, response: Referrals.ReferralDetail },
  'GET /referrals': { query: Referrals.ListQuery, response: list(Referrals.ReferralSummary) },
  'GET /referrals/overdue': { response: list(Referrals.OverdueItem) },
  'GET /referrals/:id': { response: Referrals.ReferralDetail },
  'POST /referrals/:id/transitions': { body: Referrals.TransitionBody, response: Referrals.TransitionOut },
  'GET /referrals/:id/messages': { response: list(Referrals.Message) },
  'POST /referrals/:id/messages': { body: Referrals.MessageCreate, response: Referrals.Message },

  'GET /drafts/:form': { query: Drafts.DraftQuery, response: Drafts.DraftOut },
  'PUT /drafts/:form': { body: Drafts.DraftIn, response: Drafts.DraftSaved },
  'DELETE /drafts/:form': { query: Drafts.DraftQuery, response: NoContent },
  'GET /worklist': { response: Worklist.WorklistCounts },
  'GET /worklist/:queue': { query: Worklist.WorklistPageQuery, response: Worklist.WorklistPage },
  // observatory (issue 7); the CSV/XLSX export is a file: GET /observatory/dashboards/:dashboard/export
  'GET /observatory/scope': { response: Observatory.ObservatoryScopeSchema },
  'GET /observatory/catalogue': { response: Observatory.CatalogueSchema },
  'GET /observatory/dashboards/:dashboard': {
    query: Observatory.DashboardQuery,
    response: Observatory.DashboardAnswerSchema,
  },

  // obs-report: the observatory's quarterly report (background job) and annual extract
  'POST /observatory/reports': { body: ObsReport.ReportRequest, response: ObsReport.Report },
  'GET /observatory/reports': { response: ObsReport.ReportList },
  'GET /observatory/reports/:id': { response: ObsReport.Report },
  'GET /observatory/extract/:year': { response: ObsReport.ExtractIndex },

  // net-control: the control room; the upload is multipart (postForm), the download a file
  'GET /control-room': { response: Room.RoomList },
  'GET /control-room/:protocolId': { response: Room.RoomOverview },
  'POST /control-room/:protocolId/meetings': { body: Room.MeetingCreate, response: Room.MeetingDetail },
  'GET /control-room/:protocolId/meetings/:meetingId': { response: Room.MeetingDetail },
  'PUT /control-room/:protocolId/actions/:actionId/status': {
    body: Room.ActionStatusChange,
    response: Room.RoomAction,
  },
  'POST /control-room/:protocolId/working-groups': { body: Room.WorkingGroupCreate, response: Room.WorkingGroup },
  'GET /control-room/:protocolId/documents': { response: Room.DocumentList },
  // net-companies: the companies' register and vacancies (/aziende)
  'GET /companies/scope': { response: Companies.CompanyScope },
  'GET /companies': { query: Companies.CompanyQuery, response: Companies.CompanyList },
  'POST /companies': { body: Companies.CompanyFields, response: Companies.CompanyDetail },
  'GET /companies/:id': { response: Companies.CompanyDetail },
  'PUT /companies/:id': { body: Companies.CompanyFields, response: Companies.CompanyDetail },
  'POST /companies/:id/engagements': { body: Companies.EngagementFields, response: Companies.CompanyDetail },
  'GET /vacancies': { query: Companies.VacancyQuery, response: Companies.VacancyList },
  'POST /vacancies': { body: Companies.VacancyFields, response: Companies.Vacancy },
  'PUT /vacancies/:id': { body: Companies.VacancyFields, response: Companies.Vacancy },
  'GET /procedures': { response: Procedures.ProcedureList },
  'GET /procedures/in-force': { query: Procedures.InForceQuery, response: Procedures.InForceList },
  'GET /procedures/:id': { response: Procedures.ProcedureDetail },
  'POST /control-room/:protocolId/procedures': {
    body: Procedures.ProcedureCreate,
    response: Procedures.ProcedureDetail,
  },
  'POST /procedures/:id/versions': { body: Procedures.VersionCreate, response: Procedures.ProcedureDetail },
  'POST /procedures/:id/versions/:versionId/transitions': {
    body: Procedures.VersionTransition,
    response: Procedures.ProcedureDetail,
  },
  // training and coverage (issue 8)
  'GET /training/courses': { response: Training.CourseList },
  'POST /training/courses': { body: Training.CourseFields, response: Training.Created },
  'GET /training/courses/:courseId': { response: Training.Course },
  'POST /training/courses/:courseId/editions': { body: Training.EditionFields, response: Training.Created },
  'POST /training/editions/:editionId/sessions': { body: Training.SessionFields, response: Training.Created },
  'GET /training/candidates': { query: Training.CandidatesQuery, response: Training.Candidates },
  'POST /training/editions/:editionId/enrolments': { body: Training.EnrolmentFields, response: Training.Created },
  'PUT /training/editions/:editionId/attendance': { body: Training.AttendanceFields, response: Training.Course },
  'GET /training/coverage': { response: Training.Coverage },
  'GET /training/hours': { query: Training.HoursQuery, response: Training.Hours },
  // prevention activities (issue 8)
  'GET /prevention/activities': { query: Prevention.ActivitiesQuery, response: Prevention.ActivityList },
  'POST /prevention/activities': { body: Prevention.ActivityFields, response: Prevention.Created },
  // her rights (issue 12)
  'GET /cases/:id/access-report': { query: Rights.ReportQuery, response: Rights.AccessReport },
  'GET /privacy-settings': { response: Rights.PrivacySettings },
  'PUT /privacy-settings': { body: Rights.PrivacySettingsUpdate, response: Rights.PrivacySettings },
  'GET /insider-alerts': { response: Insider.InsiderAlertList },
  'GET /cases/:id/vacancy-matches': { response: Companies.VacancyMatches },
  'GET /referrals/:id/vacancy-matches': { response: Companies.VacancyMatches },
} as const satisfies Record<string, RouteSchemas>;

export type Contract = typeof contract;
