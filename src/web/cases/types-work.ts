/** Shapes of the needs, plan and outcome API: the server's schema types, import type only. */
import type { QuestionnaireOut } from '../../server/needs/schemas.ts';
import type { PlanOut, VersionDetail, VersionSummary } from '../../server/plans/schemas.ts';

export type {
  AnswerValue,
  Assessment,
  CompareOut as Comparison,
  DomainNeed,
  ProposedGoal,
  Question,
} from '../../server/needs/schemas.ts';
export type { Label as Bilingual } from '../../server/http/schema-kit.ts';
export type { FollowUp, Outcome, PartnerReport, PartnerReports } from '../../server/outcomes/schemas.ts';
export type { Action as PlanAction, CatalogueItem, Goal as PlanGoal, Review } from '../../server/plans/schemas.ts';

export type Questionnaire = QuestionnaireOut;
export type Plan = PlanOut;
export type PlanVersionSummary = VersionSummary;
export type PlanVersionDetail = VersionDetail;
