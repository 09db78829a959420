import { type Static, Type } from '@sinclair/typebox';
import {
  COMPLETION_OUTCOMES,
  DECLINE_REASONS,
  OVERDUE_KINDS,
  REFERRAL_ACTIONS,
  REFERRAL_BOXES,
  REFERRAL_SIDES,
  REFERRAL_STATUSES,
  REPORT_KINDS,
  SUGGESTION_REASONS,
  URGENCIES,
} from '../../shared/codes/referrals.ts';
import { ACTION_STATUSES } from '../../shared/codes/plans.ts';
import { CONTACT_MODES, SHARE_FIELDS, SHARING_PURPOSES } from '../../shared/codes/sharing.ts';
import { SafeContact } from '../cases/schemas.ts';
import { DateOnly, Enum, Label, Nullable as N, strict, Uuid } from '../http/schema-kit.ts';

export const ShareField = Enum(SHARE_FIELDS);

export const ReferralCreate = Type.Object(
  {
    caseId: Uuid,
    recipientOrganisationId: Uuid,
    recipientUserId: Type.Optional(N(Uuid)),
    purpose: Enum(SHARING_PURPOSES),
    urgency: Enum(URGENCIES),
    note: Type.Optional(N(Type.String({ maxLength: 1000 }))),
    shareFields: Type.Array(ShareField, { maxItems: SHARE_FIELDS.length, uniqueItems: true }),
    planActionId: Type.Optional(N(Uuid)),
  },
  strict,
);
export type ReferralCreate = Static<typeof ReferralCreate>;

/** What the recipient sees of her: only the chosen fields, as they were when the referral was sent. */
export const Shared = Type.Object(
  {
    fields: Type.Array(Type.String()),
    note: N(Type.String()),
    profile: Type.Optional(
      Type.Object(
        {
          ageBand: Type.Optional(N(Type.String())),
          citizenship: Type.Optional(N(Type.String())),
          residence: Type.Optional(N(Type.Object({ code: Type.String(), name: Type.String() }, strict))),
          education: Type.Optional(N(Type.String())),
          employment: Type.Optional(N(Type.String())),
          children: Type.Optional(Type.Object({ count: N(Type.Integer()), minors: N(Type.Integer()) }, strict)),
        },
        strict,
      ),
    ),
    needs: Type.Optional(
      N(
        Type.Object(
          {
            assessedOn: DateOnly,
            levels: Type.Optional(Type.Record(Type.String(), Type.String())),
            sections: Type.Array(
              Type.Object(
                {
                  id: Type.String(),
                  label: Label,
                  answers: Type.Array(Type.Object({ question: Label, values: Type.Array(Label) }, strict)),
                },
                strict,
              ),
            ),
          },
          strict,
        ),
      ),
    ),
    plan: Type.Optional(
      Type.Object(
        {
          goals: Type.Optional(
            Type.Array(
              Type.Object(
                { domain: Type.String(), title: Type.String(), status: Type.String(), targetOn: N(DateOnly) },
                strict,
              ),
            ),
          ),
          actions: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  domain: Type.String(),
                  label: Label,
                  status: Type.String(),
                  startsOn: N(DateOnly),
                  dueOn: N(DateOnly),
                  /** the action this referral serves */
                  served: Type.Optional(Type.Boolean()),
                },
                strict,
              ),
            ),
          ),
        },
        strict,
      ),
    ),
    identity: Type.Optional(
      Type.Object(
        {
          firstName: Type.Optional(Type.String()),
          lastName: Type.Optional(Type.String()),
          birthDate: Type.Optional(N(Type.String())),
          taxCode: Type.Optional(N(Type.String())),
          phone: Type.Optional(N(Type.String())),
          email: Type.Optional(N(Type.String())),
          languages: Type.Optional(Type.Array(Type.String())),
        },
        strict,
      ),
    ),
    safeContact: Type.Optional(SafeContact),
  },
  strict,
);
export type Shared = Static<typeof Shared>;

const OrgRef = Type.Object({ id: Type.String(), name: Type.String() }, strict);

export const ReferralSummary = Type.Object(
  {
    id: Type.String(),
    box: Enum(REFERRAL_BOXES),
    /** outbox only: the centre's own case */
    caseId: N(Type.String()),
    caseCode: N(Type.String()),
    /** the name the recipient knows her by */
    pseudonym: Type.String(),
    sender: OrgRef,
    recipient: OrgRef,
    recipientUser: N(Type.Object({ id: Type.String(), name: Type.String() }, strict)),
    purpose: Enum(SHARING_PURPOSES),
    urgency: Enum(URGENCIES),
    status: Enum(REFERRAL_STATUSES),
    contactMode: Enum(CONTACT_MODES),
    sentAt: Type.String(),
    ackDueOn: DateOnly,
    appointmentDueOn: DateOnly,
    expiresOn: DateOnly,
    appointmentOn: N(DateOnly),
    completedOn: N(DateOnly),
    overdue: N(Enum(OVERDUE_KINDS)),
    accessOpen: Type.Boolean(),
    accessEndReason: N(Type.String()),
    version: Type.Integer(),
  },
  strict,
);
export type ReferralSummary = Static<typeof ReferralSummary>;

export const Report = Type.Object(
  {
    id: Type.String(),
    kind: Enum(REPORT_KINDS),
    occurredOn: DateOnly,
    details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
    outcomeId: N(Type.String()),
    reportedByName: Type.String(),
    reportedByOrganisation: Type.String(),
    createdAt: Type.String(),
  },
  strict,
);
export type Report = Static<typeof Report>;

export const HistoryEntry = Type.Object(
  {
    kind: Type.String(),
    side: Enum(REFERRAL_SIDES),
    actorName: N(Type.String()),
    details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
    occurredAt: Type.String(),
  },
  strict,
);
export const View = Type.Object({ viewerName: Type.String(), viewedAt: Type.String() }, strict);

export const ReferralDetail = Type.Object(
  {
    ...ReferralSummary.properties,
    declineReason: N(Enum(DECLINE_REASONS)),
    completionOutcome: N(Enum(COMPLETION_OUTCOMES)),
    accessUntil: N(DateOnly),
    /** null once access has ended (the share is deleted) */
    shared: N(Shared),
    /** without values: what went with it */
    sharedFields: Type.Array(Type.String()),
    allowedActions: Type.Array(Enum(REFERRAL_ACTIONS)),
    reports: Type.Array(Report),
    history: Type.Array(HistoryEntry),
    /** sender only: who at the recipient opened it, and when */
    views: Type.Array(View),
    /**
     * The plan action it serves: for the sender as it is now (with its id); for the recipient only
     * when the plan's actions went with the referral, as they were sent (id null).
     */
    planAction: N(
      Type.Object({ id: N(Type.String()), label: Label, status: Enum(ACTION_STATUSES), dueOn: N(DateOnly) }, strict),
    ),
  },
  strict,
);
export type ReferralDetail = Static<typeof ReferralDetail>;

export const ReportBody = Type.Object(
  {
    kind: Enum(REPORT_KINDS),
    occurredOn: DateOnly,
    /** for outcomes, as in outcomes/schemas.ts: checked against the kind there */
    details: Type.Optional(
      Type.Object(
        {
          certificate: Type.Optional(Type.Boolean()),
          courseTitle: Type.Optional(Type.String({ maxLength: 200 })),
          sector: Type.Optional(Type.String({ maxLength: 2 })),
          weeklyHours: Type.Optional(Type.Integer()),
          contractType: Type.Optional(Type.String({ maxLength: 30 })),
        },
        strict,
      ),
    ),
  },
  strict,
);
export type ReportBody = Static<typeof ReportBody>;

export const TransitionBody = Type.Object(
  {
    action: Enum(REFERRAL_ACTIONS.filter((a) => a !== 'expire')),
    declineReason: Type.Optional(Enum(DECLINE_REASONS)),
    appointmentOn: Type.Optional(DateOnly),
    report: Type.Optional(ReportBody),
    completionOutcome: Type.Optional(Enum(COMPLETION_OUTCOMES)),
  },
  strict,
);
export type TransitionBody = Static<typeof TransitionBody>;
export const TransitionOut = Type.Object(
  { id: Type.String(), status: Enum(REFERRAL_STATUSES), version: Type.Integer(), accessOpen: Type.Boolean() },
  strict,
);

export const ListQuery = Type.Object(
  {
    box: Enum(REFERRAL_BOXES),
    status: Type.Optional(Enum(REFERRAL_STATUSES)),
    purpose: Type.Optional(Enum(SHARING_PURPOSES)),
    overdue: Type.Optional(Type.Boolean()),
    caseId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export type ListQuery = Static<typeof ListQuery>;

export const Message = Type.Object(
  {
    id: Type.String(),
    authorName: Type.String(),
    authorOrganisation: Type.String(),
    side: Enum(['sender', 'recipient'] as const),
    body: Type.String(),
    createdAt: Type.String(),
  },
  strict,
);
export const MessageCreate = Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) }, strict);

export const ShareCheckQuery = Type.Object({ recipientOrganisationId: Uuid, purpose: Enum(SHARING_PURPOSES) }, strict);
export const ShareCheck = Type.Object(
  {
    sharingConsentId: N(Type.String()),
    identityConsentId: N(Type.String()),
    onlyThroughCentre: Type.Boolean(),
    fields: Type.Array(
      Type.Object(
        { field: Type.String(), group: Type.String(), allowed: Type.Boolean(), refusal: N(Type.String()) },
        strict,
      ),
    ),
    ackDueOn: DateOnly,
    appointmentDueOn: DateOnly,
    referents: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }, strict)),
  },
  strict,
);
export const Destinations = Type.Object(
  {
    /** strongest first: her consent, her plan, her town (SUGGESTION_REASONS) */
    suggestions: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          type: Type.String(),
          reasons: Type.Array(Enum(SUGGESTION_REASONS)),
        },
        strict,
      ),
    ),
    organisations: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), type: Type.String(), town: N(Type.String()) }, strict),
    ),
  },
  strict,
);
export const Preview = Type.Object(
  { pseudonym: Type.String(), contactMode: Enum(CONTACT_MODES), shared: Shared },
  strict,
);

export const OverdueItem = Type.Object(
  {
    id: Type.String(),
    networkId: N(Type.String()),
    sender: OrgRef,
    recipient: OrgRef,
    purpose: Enum(SHARING_PURPOSES),
    urgency: Enum(URGENCIES),
    status: Enum(REFERRAL_STATUSES),
    sentOn: DateOnly,
    dueOn: DateOnly,
    overdue: Enum(OVERDUE_KINDS),
    workingDaysLate: Type.Integer(),
  },
  strict,
);

export type HistoryEntry = Static<typeof HistoryEntry>;
export type View = Static<typeof View>;
export type TransitionOut = Static<typeof TransitionOut>;
export type Message = Static<typeof Message>;
export type MessageCreate = Static<typeof MessageCreate>;
export type ShareCheck = Static<typeof ShareCheck>;
export type Destinations = Static<typeof Destinations>;
export type Preview = Static<typeof Preview>;
export type OverdueItem = Static<typeof OverdueItem>;
