import { type Static, type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES } from '../../shared/roles.ts';
import { CONSENT_PURPOSES, FORM_LANGUAGES, SHARING_PURPOSES } from './texts.ts';

const strict = { additionalProperties: false } as const;
const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Enum = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v))) as TUnion<TLiteral<T>[]>;
const DateOnly = Type.String({ format: 'date' });
const Uuid = Type.String({ format: 'uuid' });

export const CONSENT_DECISIONS = ['granted', 'refused'] as const;
export const CONSENT_METHODS = ['signed_form', 'verbal_with_witness'] as const;
export const CONSENT_STATUSES = ['active', 'expired', 'revoked', 'refused'] as const;

/** Where the consent is about sharing or being contacted: the recipient and why. */
const RecipientFields = {
  recipientOrganisationId: Type.Optional(N(Uuid)),
  recipientType: Type.Optional(N(Enum(ORGANISATION_TYPES))),
  sharingPurpose: Type.Optional(N(Enum(SHARING_PURPOSES))),
  includesIdentity: Type.Optional(Type.Boolean()),
};

export const ConsentCreate = Type.Object(
  {
    purpose: Enum(CONSENT_PURPOSES),
    decision: Enum(CONSENT_DECISIONS),
    textVersion: Type.String({ minLength: 1, maxLength: 20 }),
    method: Enum(CONSENT_METHODS),
    witnessUserId: Type.Optional(N(Uuid)),
    givenOn: DateOnly,
    expiresOn: Type.Optional(N(DateOnly)),
    ...RecipientFields,
  },
  strict,
);
export type ConsentCreate = Static<typeof ConsentCreate>;

export const Consent = Type.Object(
  {
    id: Type.String(),
    purpose: Enum(CONSENT_PURPOSES),
    recipientOrganisationId: N(Type.String()),
    recipientOrganisationName: N(Type.String()),
    recipientType: N(Type.String()),
    sharingPurpose: N(Type.String()),
    includesIdentity: Type.Boolean(),
    decision: Enum(CONSENT_DECISIONS),
    textVersion: Type.String(),
    method: Enum(CONSENT_METHODS),
    witnessUserId: N(Type.String()),
    givenOn: DateOnly,
    expiresOn: N(DateOnly),
    revokedOn: N(DateOnly),
    status: Enum(CONSENT_STATUSES),
    recordedBy: Type.String(),
  },
  strict,
);
export type Consent = Static<typeof Consent>;

export const ConsentList = Type.Object({ items: Type.Array(Consent) }, strict);
export const Revocation = Type.Object({ revokedOn: DateOnly }, strict);
export const ConsentParams = Type.Object({ id: Uuid, consentId: Uuid }, strict);

/** The printable form: the purpose and, for sharing or contact, what she is asked to agree to. */
export const FormQuery = Type.Object(
  {
    purpose: Enum(CONSENT_PURPOSES),
    lang: Type.Optional(Enum(FORM_LANGUAGES)),
    textVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    expiresOn: Type.Optional(DateOnly),
    ...RecipientFields,
  },
  strict,
);
export type FormQuery = Static<typeof FormQuery>;

/** The PDF, for the OpenAPI document (sent as a Buffer, not serialised). */
export const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });

export type Revocation = Static<typeof Revocation>;
