import { type Static, Type } from '@sinclair/typebox';
import { ORGANISATION_ACTIONS, PROTOCOL_ACTIONS } from '../../shared/allowed-actions.ts';
import {
  ADHESION_DECISIONS,
  ADHESION_STATUSES,
  ORGANISATION_TYPES,
  SIGNATORY_KINDS,
} from '../../shared/codes/organisations.ts';
import { DateOnly as IsoDate, DateTime as IsoDateTime, Enum, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

/** Request and response schemas of the network API. Every object lists its fields; nothing else leaves. */
export const NetworkIdParam = Obj({ id: Type.String({ maxLength: 64, pattern: '^[a-z0-9-]{1,64}$' }) });
export const IdParam = Obj({ id: Uuid });
export const AdhesionParams = Obj({ id: Uuid, adhesionId: Uuid });
export const OrganisationType = Enum(ORGANISATION_TYPES);

const MunicipalityRef = Obj({ istatCode: Type.String(), name: Type.String() });

export const NetworkSummary = Obj({
  id: Type.String(),
  name: Type.String(),
  leadMunicipality: Nullable(MunicipalityRef),
  municipalityCount: Type.Integer(),
  organisationCount: Type.Integer(),
  hasShelters: Type.Boolean(),
  sheltersNote: Nullable(Type.String()),
});
export const NetworkList = Obj({ items: Type.Array(NetworkSummary) });

export const NetworkDetail = Obj({
  ...NetworkSummary.properties,
  municipalities: Type.Array(MunicipalityRef),
  organisations: Type.Array(
    Obj({ id: Type.String(), name: Type.String(), type: Type.String(), uncertain: Type.Boolean() }),
  ),
  notes: Nullable(Type.String()),
  sourceIds: Type.Array(Type.String()),
});

export const OrganisationQuery = Obj({
  type: Type.Optional(OrganisationType),
  network: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z0-9-]{1,64}$' })),
});

export const OrganisationSummary = Obj({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  town: Nullable(Type.String()),
  uncertain: Type.Boolean(),
  networkIds: Type.Array(Type.String()),
  operatesShelters: Type.Boolean(),
});
export const OrganisationList = Obj({ items: Type.Array(OrganisationSummary) });

export const OrganisationDetail = Obj({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  town: Nullable(Type.String()),
  address: Nullable(Type.String()),
  helpline: Nullable(Type.String()),
  website: Nullable(Type.String()),
  description: Nullable(Type.String()),
  operatesShelters: Type.Boolean(),
  uncertain: Type.Boolean(),
  notes: Nullable(Type.String()),
  sourceIds: Type.Array(Type.String()),
  networks: Type.Array(Obj({ id: Type.String(), name: Type.String(), role: Nullable(Type.String()) })),
  protocols: Type.Array(
    Obj({
      id: Type.String(),
      name: Type.String(),
      kind: Enum(SIGNATORY_KINDS),
      joinedOn: IsoDate,
    }),
  ),
  parent: Nullable(Obj({ id: Type.String(), name: Type.String() })),
  version: Type.Integer(),
  /** what the caller may do with it: update its public details */
  allowedActions: Type.Array(Type.Union(ORGANISATION_ACTIONS.map((a) => Type.Literal(a)))),
});

export const OrganisationPatch = Type.Object(
  {
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    helpline: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+()./ -]*$' }))),
    website: Type.Optional(Nullable(Type.String({ maxLength: 300, pattern: '^(https?://[^\\s]+)?$' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Signatory = Obj({
  organisationId: Nullable(Type.String()),
  name: Type.String(),
  kind: Enum(SIGNATORY_KINDS),
  joinedOn: IsoDate,
});
export const ProtocolSummary = Obj({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  signedOn: IsoDate,
  scope: Type.String(),
  summary: Nullable(Type.String()),
  signatories: Type.Array(Signatory),
});
export const ProtocolList = Obj({ items: Type.Array(ProtocolSummary) });

/** What the public form said, for a request made through an invitation (its deciders only see it). */
export const AdhesionApplicant = Obj({
  type: OrganisationType,
  municipality: Nullable(MunicipalityRef),
  website: Nullable(Type.String()),
  /** the administrator to invite: dropped once the request is decided */
  adminDisplayName: Nullable(Type.String()),
  adminEmail: Nullable(Type.String()),
});
export const Adhesion = Obj({
  id: Type.String(),
  /** null while a request made through an invitation waits: the organisation is created on approval */
  organisationId: Nullable(Type.String()),
  organisationName: Type.String(),
  status: Enum(ADHESION_STATUSES),
  motivation: Nullable(Type.String()),
  requestedAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
  applicant: Nullable(AdhesionApplicant),
});
export const ProtocolDetail = Obj({
  ...ProtocolSummary.properties,
  adhesions: Type.Array(Adhesion),
  /** what the caller may do: request an adhesion for her organisation, decide requests */
  allowedActions: Type.Array(Type.Union(PROTOCOL_ACTIONS.map((a) => Type.Literal(a)))),
});

export const AdhesionRequest = Obj({ motivation: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) });
export const Username = Type.String({ maxLength: 64, pattern: '^[a-z0-9._-]{3,64}$' });
export const AdhesionDecision = Obj({
  decision: Enum(ADHESION_DECISIONS),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  /** approving a request made through an invitation: the username of the new body's administrator */
  adminUsername: Type.Optional(Username),
});
/** The decision, and for a new body approved, the one-time link of its administrator (shown once). */
export const AdhesionDecided = Obj({
  ...Adhesion.properties,
  adminInvite: Nullable(Obj({ inviteUrl: Type.String(), expiresAt: IsoDateTime })),
});

// ---------------------------------------------------------------- adhesion by invitation (migration 210)
export const ADHESION_INVITATION_STATES = ['open', 'used', 'expired'] as const;
export const AdhesionInvitationCreate = Obj({
  invitedName: Type.String({ minLength: 2, maxLength: 300 }),
  networkId: Type.Optional(Nullable(Type.String({ maxLength: 64, pattern: '^[a-z0-9-]{1,64}$' }))),
});
export const AdhesionInvitation = Obj({
  id: Type.String(),
  invitedName: Type.String(),
  network: Nullable(Obj({ id: Type.String(), name: Type.String() })),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  state: Enum(ADHESION_INVITATION_STATES),
});
export const AdhesionInvitationList = Obj({
  items: Type.Array(AdhesionInvitation),
  /** the networks the caller may invite into */
  networks: Type.Array(Obj({ id: Type.String(), name: Type.String() })),
});
/** The link is shown once, to the inviter, who sends it to the body. */
export const AdhesionInvitationCreated = Obj({
  ...AdhesionInvitation.properties,
  url: Type.String(),
});
const Token = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
export const AdhesionTokenBody = Obj({ token: Token });
export const AdhesionFormState = Obj({
  state: Type.Union([Enum(ADHESION_INVITATION_STATES), Type.Literal('unknown')]),
  protocolName: Nullable(Type.String()),
  invitedName: Nullable(Type.String()),
  expiresAt: Nullable(IsoDateTime),
  /** the municipalities of the area, for the form's picker (while the link is open) */
  municipalities: Type.Array(MunicipalityRef),
});
export const AdhesionApplication = Obj({
  token: Token,
  name: Type.String({ minLength: 2, maxLength: 300 }),
  type: OrganisationType,
  municipalityCode: Type.String({ maxLength: 6, pattern: '^[0-9]{6}$' }),
  website: Type.Optional(Nullable(Type.String({ maxLength: 290, pattern: '^https://[^\\s]{3,282}$' }))),
  motivation: Type.String({ minLength: 1, maxLength: 2000 }),
  adminDisplayName: Type.String({ minLength: 2, maxLength: 120 }),
  adminEmail: Type.String({ format: 'email', maxLength: 200 }),
});
export const AdhesionApplied = Obj({ state: Type.Literal('saved') });

export type NetworkSummary = Static<typeof NetworkSummary>;
export type NetworkDetail = Static<typeof NetworkDetail>;
export type OrganisationSummary = Static<typeof OrganisationSummary>;
export type OrganisationDetail = Static<typeof OrganisationDetail>;
export type OrganisationPatch = Static<typeof OrganisationPatch>;
export type ProtocolSummary = Static<typeof ProtocolSummary>;
export type ProtocolDetail = Static<typeof ProtocolDetail>;
export type Adhesion = Static<typeof Adhesion>;

export type Signatory = Static<typeof Signatory>;
export type AdhesionRequest = Static<typeof AdhesionRequest>;
export type AdhesionDecision = Static<typeof AdhesionDecision>;
export type AdhesionDecided = Static<typeof AdhesionDecided>;
export type AdhesionInvitation = Static<typeof AdhesionInvitation>;
export type AdhesionInvitationList = Static<typeof AdhesionInvitationList>;
export type AdhesionInvitationCreated = Static<typeof AdhesionInvitationCreated>;
export type AdhesionFormState = Static<typeof AdhesionFormState>;
export type AdhesionApplication = Static<typeof AdhesionApplication>;
