import { type Static, Type } from '@sinclair/typebox';
import { CASE_ACTIONS } from '../../shared/allowed-actions.ts';
import {
  CASE_SORT_KEYS,
  CASE_STATUSES,
  CLOSURE_OUTCOMES,
  CONTACT_CHANNELS,
  RISK_LEVELS,
  RISK_TOOLS,
  SORT_DIRECTIONS,
  WEEKDAYS,
} from '../../shared/codes/cases.ts';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CITIZENSHIPS,
  EDUCATION,
  EMPLOYMENT,
  REFERRAL_SOURCES,
  VIOLENCE_TYPES,
} from '../../shared/codes/istat.ts';
import { DateOnly, Enum, Nullable as N, strict, Uuid } from '../http/schema-kit.ts';

export const SafeContact = Type.Object(
  {
    channels: Type.Array(Enum(CONTACT_CHANNELS), { maxItems: 4, uniqueItems: true }),
    windows: Type.Array(
      Type.Object(
        {
          days: Type.Array(Enum(WEEKDAYS), { minItems: 1, maxItems: 7, uniqueItems: true }),
          from: Type.String({ maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
          to: Type.String({ maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
        },
        strict,
      ),
      { maxItems: 14 },
    ),
    noVoicemail: Type.Boolean(),
    onlyThroughCentre: Type.Boolean(),
  },
  strict,
);
export type SafeContact = Static<typeof SafeContact>;

/** The non-identifying profile used for statistics (ISTAT variables). */
export const ProfileFields = {
  firstContactOn: Type.Optional(N(DateOnly)),
  intakeOn: Type.Optional(N(DateOnly)),
  ageBand: Type.Optional(N(Enum(AGE_BANDS))),
  citizenship: Type.Optional(N(Enum(CITIZENSHIPS))),
  residenceCode: Type.Optional(N(Type.String({ maxLength: 6, pattern: '^[0-9]{6}$' }))),
  education: Type.Optional(N(Enum(EDUCATION))),
  employment: Type.Optional(N(Enum(EMPLOYMENT))),
  childrenCount: Type.Optional(N(Type.Integer({ minimum: 0, maximum: 30 }))),
  minorChildrenCount: Type.Optional(N(Type.Integer({ minimum: 0, maximum: 30 }))),
  childrenWitnessed: Type.Optional(N(Type.Boolean())),
  violenceTypes: Type.Optional(
    Type.Array(Enum(VIOLENCE_TYPES), { uniqueItems: true, maxItems: VIOLENCE_TYPES.length }),
  ),
  authorRelationships: Type.Optional(
    Type.Array(Enum(AUTHOR_RELATIONSHIPS), { uniqueItems: true, maxItems: AUTHOR_RELATIONSHIPS.length }),
  ),
  referralSource: Type.Optional(N(Enum(REFERRAL_SOURCES))),
  riskTool: Type.Optional(N(Enum(RISK_TOOLS))),
  riskLevel: Type.Optional(N(Enum(RISK_LEVELS))),
  riskAssessedOn: Type.Optional(N(DateOnly)),
  safeContact: Type.Optional(SafeContact),
};
export const ProfilePatch = Type.Object(ProfileFields, strict);
export type ProfilePatch = Static<typeof ProfilePatch>;

export const Identity = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    birthDate: Type.Optional(N(DateOnly)),
    taxCode: Type.Optional(N(Type.String({ maxLength: 16 }))),
    phone: Type.Optional(N(Type.String({ maxLength: 30 }))),
    email: Type.Optional(N(Type.String({ maxLength: 200 }))),
    address: Type.Optional(N(Type.String({ maxLength: 300 }))),
    languages: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 30 }), { maxItems: 10 })),
    codeWord: Type.Optional(N(Type.String({ maxLength: 60 }))),
  },
  strict,
);
export type Identity = Static<typeof Identity>;

export const CaseCreate = Type.Object(
  {
    takenInChargeOn: DateOnly,
    ...ProfileFields,
    identity: Type.Optional(Identity),
  },
  strict,
);
export type CaseCreate = Static<typeof CaseCreate>;

export const Eligibility = Type.Object(
  {
    programme: Type.String(),
    eligible: Type.Boolean(),
    reason: Enum(['in_charge', 'closed_within_window', 'window_ended'] as const),
    windowEndsOn: N(DateOnly),
    daysLeft: N(Type.Integer()),
  },
  strict,
);

export const CaseSummary = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    status: Enum(CASE_STATUSES),
    takenInChargeOn: DateOnly,
    closedOn: N(DateOnly),
    closureOutcome: N(Type.String()),
    riskLevel: N(Type.String()),
    eligibility: Eligibility,
    onMyTeam: Type.Boolean(),
    dueActions: Type.Integer(),
    dueFollowUps: Type.Integer(),
    version: Type.Integer(),
  },
  strict,
);

export const CaseDetail = Type.Object(
  {
    ...CaseSummary.properties,
    networkId: N(Type.String()),
    organisationId: Type.String(),
    firstContactOn: N(DateOnly),
    intakeOn: N(DateOnly),
    ageBand: N(Type.String()),
    citizenship: N(Type.String()),
    residenceCode: N(Type.String()),
    education: N(Type.String()),
    employment: N(Type.String()),
    childrenCount: N(Type.Integer()),
    minorChildrenCount: N(Type.Integer()),
    childrenWitnessed: N(Type.Boolean()),
    violenceTypes: Type.Array(Type.String()),
    authorRelationships: Type.Array(Type.String()),
    referralSource: N(Type.String()),
    riskTool: N(Type.String()),
    riskAssessedOn: N(DateOnly),
    safeContact: SafeContact,
    hasIdentity: Type.Boolean(),
    team: Type.Array(
      Type.Object({ userId: Type.String(), displayName: Type.String(), roleInCase: Type.String() }, strict),
    ),
    /** what the caller may do with this case now (its status and her team count) */
    allowedActions: Type.Array(Enum(CASE_ACTIONS)),
  },
  strict,
);
export type CaseDetail = Static<typeof CaseDetail>;

/** The caseload's filters, sort and page: no personal data, so they may sit in a URL. */
export const CaseListFields = {
  status: Type.Optional(Enum(CASE_STATUSES)),
  eligibility: Type.Optional(Enum(['eligible', 'not_eligible', 'closing_soon'] as const)),
  due: Type.Optional(Enum(['actions', 'follow_ups'] as const)),
  mine: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Enum(CASE_SORT_KEYS)),
  dir: Type.Optional(Enum(SORT_DIRECTIONS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
};
export const CaseListQuery = Type.Object(CaseListFields, strict);
export type CaseListQuery = Static<typeof CaseListQuery>;
/**
 * The caseload with a search: a case code (by prefix), a surname (by prefix, at least 3 letters) or
 * a tax code. In a POST body, never in a URL: a name or a tax code must not reach URLs or logs.
 */
export const CaseSearch = Type.Object(
  { ...CaseListFields, text: Type.Optional(Type.String({ maxLength: 100 })) },
  strict,
);
export type CaseSearch = Static<typeof CaseSearch>;

export const Closure = Type.Object({ closedOn: DateOnly, outcome: Enum(CLOSURE_OUTCOMES) }, strict);
export const Reopen = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 300 })) }, strict);
export const PurposeQuery = Type.Object({ purpose: Type.String({ minLength: 3, maxLength: 200 }) }, strict);
export const CaseIdParams = Type.Object({ id: Uuid }, strict);
export const TeamChange = Type.Object(
  { userIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }) },
  strict,
);
export const TimelineEntry = Type.Object(
  {
    id: Type.String(),
    occurredAt: Type.String(),
    actorUserId: N(Type.String()),
    actorName: N(Type.String()),
    kind: Type.String(),
    refId: N(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  strict,
);
export const Timeline = Type.Object({ items: Type.Array(TimelineEntry) }, strict);
/** One page of the caseload and the total that matches (not the page size). */
export const CaseList = Type.Object({ items: Type.Array(CaseSummary), total: Type.Integer() }, strict);
export const IdentityOut = Type.Object(
  { ...Identity.properties, codeWord: N(Type.String()), version: Type.Integer() },
  strict,
);
export const IdentityVersion = Type.Object({ version: Type.Integer() }, strict);

export type Eligibility = Static<typeof Eligibility>;
export type CaseSummary = Static<typeof CaseSummary>;
export type Closure = Static<typeof Closure>;
export type Reopen = Static<typeof Reopen>;
export type TimelineEntry = Static<typeof TimelineEntry>;
export type IdentityOut = Static<typeof IdentityOut>;
