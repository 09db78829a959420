import { type Static, Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES } from '../../shared/codes/organisations.ts';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENT_STATUSES,
  FORM_LANGUAGES,
  SHARING_PURPOSES,
} from '../../shared/codes/sharing.ts';
import { DateOnly, Enum, Nullable as N, strict, Uuid } from '../http/schema-kit.ts';

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
