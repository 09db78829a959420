import { type Static, type TSchema, Type } from '@sinclair/typebox';
import {
  ATECO_SECTIONS,
  CONTRACT_TYPES,
  HOUSING_TYPES,
  JOB_LOST_REASONS,
  OUTCOME_KINDS,
  type OutcomeKind,
} from '../../shared/codes/outcomes.ts';
import { REPORT_KINDS } from '../../shared/codes/referrals.ts';
import { ACTION_STATUSES } from '../../shared/codes/plans.ts';
import { DateOnly, Enum, Nullable as N, strict, Uuid } from '../http/schema-kit.ts';

const WeeklyHours = Type.Integer({ minimum: 1, maximum: 60 });

/** The details each kind of outcome carries; codes, numbers and a course title, nothing about her. */
export const OUTCOME_DETAILS = {
  course_completed: Type.Object(
    { certificate: Type.Boolean(), courseTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
    strict,
  ),
  traineeship_started: Type.Object(
    { sector: Type.Optional(Enum(ATECO_SECTIONS)), weeklyHours: Type.Optional(WeeklyHours) },
    strict,
  ),
  traineeship_ended: Type.Object({ completed: Type.Optional(Type.Boolean()) }, strict),
  hired: Type.Object(
    { contractType: Enum(CONTRACT_TYPES), weeklyHours: WeeklyHours, sector: Enum(ATECO_SECTIONS) },
    strict,
  ),
  job_lost: Type.Object({ reason: Type.Optional(Enum(JOB_LOST_REASONS)) }, strict),
  housing_reached: Type.Object({ housingType: Enum(HOUSING_TYPES) }, strict),
  freedom_income_granted: Type.Object({}, strict),
  // leave for victims of violence (art. 24 d.lgs. 80/2015): up to three months
  leave_used: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 90 }) }, strict),
} satisfies Record<OutcomeKind, TSchema>;

/** One outcome, discriminated by kind: the shape a recorded outcome's details are checked against. */
const branch = <K extends OutcomeKind>(kind: K) =>
  Type.Object({ kind: Type.Literal(kind), details: OUTCOME_DETAILS[kind] }, strict);
export const OutcomeDetails = Type.Union([
  branch('course_completed'),
  branch('traineeship_started'),
  branch('traineeship_ended'),
  branch('hired'),
  branch('job_lost'),
  branch('housing_reached'),
  branch('freedom_income_granted'),
  branch('leave_used'),
]);
export type OutcomeDetails = Static<typeof OutcomeDetails>;

/**
 * The request. `details` is checked against the kind's schema in the use case, so that a wrong
 * field is named as `details.<field>` instead of drowning in every other kind's mismatches.
 */
export const OutcomeCreate = Type.Object(
  {
    kind: Enum(OUTCOME_KINDS),
    occurredOn: DateOnly,
    details: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'per kind, see OUTCOME_DETAILS' }),
    ),
    reportedByOrganisationId: Type.Optional(N(Uuid)),
  },
  strict,
);
export type OutcomeCreate = Static<typeof OutcomeCreate>;

export const FollowUp = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    caseCode: Type.String(),
    outcomeId: Type.String(),
    months: Type.Integer(),
    dueOn: DateOnly,
    doneOn: N(DateOnly),
    stillWorking: N(Type.Boolean()),
    contractType: N(Type.String()),
    weeklyHours: N(Type.Integer()),
    sameEmployer: N(Type.Boolean()),
  },
  strict,
);
export type FollowUp = Static<typeof FollowUp>;

export const Outcome = Type.Object(
  {
    id: Type.String(),
    kind: Enum(OUTCOME_KINDS),
    occurredOn: DateOnly,
    details: Type.Record(Type.String(), Type.Unknown()),
    reportedByOrganisationId: N(Type.String()),
    reportedByOrganisationName: N(Type.String()),
    recordedBy: Type.String(),
    followUps: Type.Array(FollowUp),
  },
  strict,
);
export type Outcome = Static<typeof Outcome>;

export const FollowUpRecord = Type.Object(
  {
    doneOn: DateOnly,
    stillWorking: Type.Boolean(),
    contractType: Type.Optional(Enum(CONTRACT_TYPES)),
    weeklyHours: Type.Optional(WeeklyHours),
    sameEmployer: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type FollowUpRecord = Static<typeof FollowUpRecord>;

export const DueQuery = Type.Object(
  {
    due: Type.Optional(Enum(['overdue', 'next30', 'all'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  strict,
);
export type DueQuery = Static<typeof DueQuery>;

export const FollowUpParams = Type.Object({ id: Uuid, followUpId: Uuid }, strict);
export const OutcomeList = Type.Object({ items: Type.Array(Outcome) }, strict);
export const FollowUpList = Type.Object({ items: Type.Array(FollowUp) }, strict);

/** A partner's report on one of her referrals, as the centre sees it on the outcomes tab. */
export const PartnerReport = Type.Object(
  {
    id: Type.String(),
    referralId: Type.String(),
    kind: Enum(REPORT_KINDS),
    occurredOn: DateOnly,
    details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
    /** set when the report is also an outcome (listed among the outcomes) */
    outcomeId: N(Type.String()),
    reportedByOrganisationId: Type.String(),
    reportedByOrganisationName: Type.String(),
    /** the plan action the referral serves, as it is now */
    planAction: N(
      Type.Object(
        { id: Type.String(), label: Type.String(), labelEn: Type.String(), status: Enum(ACTION_STATUSES) },
        strict,
      ),
    ),
  },
  strict,
);
export type PartnerReport = Static<typeof PartnerReport>;
export const PartnerReports = Type.Object({ items: Type.Array(PartnerReport), planVersion: Type.Integer() }, strict);
export type PartnerReports = Static<typeof PartnerReports>;
