import { type Static, Type } from '@sinclair/typebox';
import { DOMAINS } from '../../shared/codes/needs.ts';
import {
  ACTION_STATUSES,
  AGREEMENT_METHODS,
  GOAL_STATUSES,
  PRINT_LANGUAGES,
  SECOND_LANGUAGES,
} from '../../shared/codes/plans.ts';
import { ConflictBody, DateOnly, Enum, Nullable as N, strict, Uuid } from '../http/schema-kit.ts';

export { ConflictBody };

export const Domain = Enum(DOMAINS);
export const CatalogueCode = Type.String({ maxLength: 60, pattern: '^[a-z0-9_]{3,60}$' });

export const Action = Type.Object(
  {
    id: Type.String(),
    catalogueCode: Type.String(),
    /** the catalogue's Italian label; labelEn its English one */
    label: Type.String(),
    labelEn: Type.String(),
    responsibleOrganisationId: N(Type.String()),
    responsibleOrganisationName: N(Type.String()),
    operatorUserId: N(Type.String()),
    operatorName: N(Type.String()),
    startsOn: N(DateOnly),
    dueOn: N(DateOnly),
    status: Enum(ACTION_STATUSES),
    /** internal: never printed for her */
    notes: N(Type.String()),
  },
  strict,
);
export type Action = Static<typeof Action>;
export const Goal = Type.Object(
  {
    id: Type.String(),
    domain: Domain,
    title: Type.String(),
    status: Enum(GOAL_STATUSES),
    targetOn: N(DateOnly),
    actions: Type.Array(Action),
  },
  strict,
);
export type Goal = Static<typeof Goal>;

export const Agreed = Type.Object(
  { version: Type.Integer(), agreedOn: DateOnly, method: Enum(AGREEMENT_METHODS) },
  strict,
);
export const Review = Type.Object(
  {
    id: Type.String(),
    reviewedOn: DateOnly,
    summary: Type.String(),
    planVersion: Type.Integer(),
    recordedBy: Type.String(),
    recordedByName: N(Type.String()),
    createdAt: Type.String(),
  },
  strict,
);
export const PlanOut = Type.Object(
  {
    version: Type.Integer(),
    secondLanguage: N(Enum(SECOND_LANGUAGES)),
    goals: Type.Array(Goal),
    agreedVersion: N(Agreed),
    reviews: Type.Array(Review),
  },
  strict,
);
export type PlanOut = Static<typeof PlanOut>;

export const ActionIn = Type.Object(
  {
    id: Type.Optional(Uuid),
    catalogueCode: CatalogueCode,
    responsibleOrganisationId: Type.Optional(N(Uuid)),
    operatorUserId: Type.Optional(N(Uuid)),
    startsOn: Type.Optional(N(DateOnly)),
    dueOn: Type.Optional(N(DateOnly)),
    status: Type.Optional(Enum(ACTION_STATUSES)),
    notes: Type.Optional(N(Type.String({ maxLength: 1000 }))),
  },
  strict,
);
export const GoalIn = Type.Object(
  {
    id: Type.Optional(Uuid),
    domain: Domain,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    status: Type.Optional(Enum(GOAL_STATUSES)),
    targetOn: Type.Optional(N(DateOnly)),
    actions: Type.Array(ActionIn, { maxItems: 30 }),
  },
  strict,
);
export const PlanIn = Type.Object(
  { secondLanguage: Type.Optional(N(Enum(SECOND_LANGUAGES))), goals: Type.Array(GoalIn, { maxItems: 30 }) },
  strict,
);
export type PlanIn = Static<typeof PlanIn>;

const VersionHead = {
  version: Type.Integer(),
  changedAt: Type.String(),
  changedBy: Type.String(),
  changedByName: N(Type.String()),
  agreed: Type.Boolean(),
  agreedOn: N(DateOnly),
  agreementMethod: N(Enum(AGREEMENT_METHODS)),
};
export const VersionSummary = Type.Object({ ...VersionHead, goals: Type.Integer(), actions: Type.Integer() }, strict);
export const VersionDetail = Type.Object(
  { ...VersionHead, secondLanguage: N(Enum(SECOND_LANGUAGES)), goals: Type.Array(Goal) },
  strict,
);
export const VersionParams = Type.Object(
  { id: Uuid, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  strict,
);

export const AgreementIn = Type.Object(
  { version: Type.Integer({ minimum: 1, maximum: 1_000_000 }), agreedOn: DateOnly, method: Enum(AGREEMENT_METHODS) },
  strict,
);
export const ReviewIn = Type.Object(
  { reviewedOn: DateOnly, summary: Type.String({ minLength: 1, maxLength: 2000 }) },
  strict,
);
export const ActionParams = Type.Object({ id: Uuid, actionId: Uuid }, strict);
export const ActionStatusIn = Type.Object({ status: Enum(ACTION_STATUSES) }, strict);
export const PrintQuery = Type.Object({ lang: Type.Optional(Enum(PRINT_LANGUAGES)) }, strict);

export const CatalogueItem = Type.Object(
  { code: Type.String(), domain: Domain, labelIt: Type.String(), labelEn: Type.String(), shared: Type.Boolean() },
  strict,
);
export const CatalogueIn = Type.Object(
  {
    code: CatalogueCode,
    domain: Domain,
    labelIt: Type.String({ minLength: 1, maxLength: 200 }),
    labelEn: Type.String({ minLength: 1, maxLength: 200 }),
  },
  strict,
);

export type CatalogueIn = Static<typeof CatalogueIn>;

export type Review = Static<typeof Review>;
export type VersionSummary = Static<typeof VersionSummary>;
export type VersionDetail = Static<typeof VersionDetail>;
export type AgreementIn = Static<typeof AgreementIn>;
export type ReviewIn = Static<typeof ReviewIn>;
export type CatalogueItem = Static<typeof CatalogueItem>;
