import { type Static, Type } from '@sinclair/typebox';
import { DOMAINS, NEED_LEVELS, NEED_TRENDS } from '../../shared/codes/needs.ts';
import { DateOnly, Enum, Label, Nullable as N, strict, Uuid } from '../http/schema-kit.ts';

export const Question = Type.Object(
  {
    id: Type.String(),
    type: Enum(['choice', 'multi', 'boolean', 'integer', 'text'] as const),
    label: Label,
    options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Label }, strict))),
    maxItems: Type.Optional(Type.Integer()),
    min: Type.Optional(Type.Integer()),
    max: Type.Optional(Type.Integer()),
    maxLength: Type.Optional(Type.Integer()),
  },
  strict,
);
export const QuestionnaireOut = Type.Object(
  {
    version: Type.String(),
    sections: Type.Array(Type.Object({ id: Type.String(), label: Label, questions: Type.Array(Question) }, strict)),
  },
  strict,
);

export const AnswerValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())]);
export const AssessmentCreate = Type.Object(
  {
    questionnaireVersion: Type.String({ minLength: 1, maxLength: 20 }),
    assessedOn: DateOnly,
    // checked against the questionnaire in code, so that errors name `answers.<questionId>`
    answers: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 80 }),
  },
  strict,
);

export const DomainNeed = Type.Object({ level: Enum(NEED_LEVELS), reasons: Type.Array(Type.String()) }, strict);
export const Profile = Type.Object(Object.fromEntries(DOMAINS.map((d) => [d, DomainNeed])), strict);
export const ProposedGoal = Type.Object(
  {
    domain: Enum(DOMAINS),
    level: Enum(NEED_LEVELS),
    reasons: Type.Array(Type.String()),
    suggestedActions: Type.Array(Type.String()),
  },
  strict,
);
export const Assessment = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    questionnaireVersion: Type.String(),
    assessedOn: DateOnly,
    answers: Type.Record(Type.String(), AnswerValue),
    profile: Profile,
    proposedGoals: Type.Array(ProposedGoal),
    recordedBy: Type.String(),
    recordedByName: N(Type.String()),
    createdAt: Type.String(),
  },
  strict,
);

export const Prefill = Type.Object(
  {
    questionnaireVersion: Type.String(),
    answers: Type.Record(Type.String(), AnswerValue),
    sources: Type.Record(Type.String(), Enum(['profile', 'previous'] as const)),
    previousAssessedOn: N(DateOnly),
    minorChildrenCount: N(Type.Integer()),
  },
  strict,
);

export const CompareQuery = Type.Object({ a: Uuid, b: Uuid }, strict);
const Head = Type.Object({ id: Type.String(), assessedOn: DateOnly, questionnaireVersion: Type.String() }, strict);
export const CompareOut = Type.Object(
  {
    a: Head,
    b: Head,
    domains: Type.Array(
      Type.Object(
        {
          domain: Enum(DOMAINS),
          a: DomainNeed,
          b: DomainNeed,
          trend: Enum(NEED_TRENDS),
        },
        strict,
      ),
    ),
    questions: Type.Array(
      Type.Object(
        {
          questionId: Type.String(),
          sectionId: N(Type.String()),
          a: N(AnswerValue),
          b: N(AnswerValue),
          changed: Type.Boolean(),
        },
        strict,
      ),
    ),
  },
  strict,
);

export type Question = Static<typeof Question>;
export type QuestionnaireOut = Static<typeof QuestionnaireOut>;
export type AnswerValue = Static<typeof AnswerValue>;
export type AssessmentCreate = Static<typeof AssessmentCreate>;
export type DomainNeed = Static<typeof DomainNeed>;
export type ProposedGoal = Static<typeof ProposedGoal>;
export type Assessment = Static<typeof Assessment>;
export type CompareOut = Static<typeof CompareOut>;
