/** Shapes of the needs, plan and outcome API (src/server/{needs,plans,outcomes}/schemas.ts). */

export interface Bilingual {
  it: string;
  en: string;
}

export interface Question {
  id: string;
  type: 'choice' | 'multi' | 'boolean' | 'integer' | 'text';
  label: Bilingual;
  options?: { value: string; label: Bilingual }[];
  maxItems?: number;
  min?: number;
  max?: number;
  maxLength?: number;
}

export interface Questionnaire {
  version: string;
  sections: { id: string; label: Bilingual; questions: Question[] }[];
}

export type AnswerValue = string | number | boolean | string[];

export interface DomainNeed {
  level: 'none' | 'low' | 'medium' | 'high';
  reasons: string[];
}

export interface ProposedGoal {
  domain: string;
  level: DomainNeed['level'];
  reasons: string[];
  suggestedActions: string[];
}

export interface Assessment {
  id: string;
  caseId: string;
  questionnaireVersion: string;
  assessedOn: string;
  answers: Record<string, AnswerValue>;
  profile: Record<string, DomainNeed>;
  proposedGoals: ProposedGoal[];
  recordedBy: string;
  recordedByName: string | null;
  createdAt: string;
}

export interface Comparison {
  a: { id: string; assessedOn: string; questionnaireVersion: string };
  b: { id: string; assessedOn: string; questionnaireVersion: string };
  domains: { domain: string; a: DomainNeed; b: DomainNeed; trend: 'decreased' | 'increased' | 'unchanged' }[];
  questions: {
    questionId: string;
    sectionId: string | null;
    a: AnswerValue | null;
    b: AnswerValue | null;
    changed: boolean;
  }[];
}

export interface PlanAction {
  id: string;
  catalogueCode: string;
  label: string;
  labelEn: string;
  responsibleOrganisationId: string | null;
  responsibleOrganisationName: string | null;
  operatorUserId: string | null;
  operatorName: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: string;
  notes: string | null;
}

export interface PlanGoal {
  id: string;
  domain: string;
  title: string;
  status: string;
  targetOn: string | null;
  actions: PlanAction[];
}

export interface Review {
  id: string;
  reviewedOn: string;
  summary: string;
  planVersion: number;
  recordedBy: string;
  recordedByName: string | null;
  createdAt: string;
}

export interface Plan {
  version: number;
  secondLanguage: string | null;
  goals: PlanGoal[];
  agreedVersion: { version: number; agreedOn: string; method: string } | null;
  reviews: Review[];
}

export interface PlanVersionSummary {
  version: number;
  changedAt: string;
  changedBy: string;
  changedByName: string | null;
  agreed: boolean;
  agreedOn: string | null;
  agreementMethod: string | null;
  goals: number;
  actions: number;
}

export interface PlanVersionDetail extends Omit<PlanVersionSummary, 'goals' | 'actions'> {
  secondLanguage: string | null;
  goals: PlanGoal[];
}

export interface CatalogueItem {
  code: string;
  domain: string;
  labelIt: string;
  labelEn: string;
  shared: boolean;
}

export interface FollowUp {
  id: string;
  caseId: string;
  caseCode: string;
  outcomeId: string;
  months: number;
  dueOn: string;
  doneOn: string | null;
  stillWorking: boolean | null;
  contractType: string | null;
  weeklyHours: number | null;
  sameEmployer: boolean | null;
}

export interface Outcome {
  id: string;
  kind: string;
  occurredOn: string;
  details: Record<string, unknown>;
  reportedByOrganisationId: string | null;
  reportedByOrganisationName: string | null;
  recordedBy: string;
  followUps: FollowUp[];
}
