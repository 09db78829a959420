import { type Static, Type } from '@sinclair/typebox';
import { FORM_LANGUAGES } from '../../shared/codes/sharing.ts';
import { DateOnly, DateTime, Enum, Nullable as N, Obj } from '../http/schema-kit.ts';
import { CaseDetail, Identity } from '../cases/schemas.ts';

/** What kind of access a read was (its label in the report): from the audit action or the referral view. */
export const READ_KINDS = ['identity', 'record', 'print', 'referral', 'shared', 'report'] as const;
export type ReadKind = (typeof READ_KINDS)[number];

export const ReportQuery = Obj({ lang: Type.Optional(Enum(FORM_LANGUAGES)) });
export type ReportQuery = Static<typeof ReportQuery>;

const { codeWord: _secret, ...identityFields } = Identity.properties;

export const AccessReport = Obj({
  lang: Enum(FORM_LANGUAGES),
  generatedAt: DateTime,
  centre: Obj({ id: Type.String(), name: Type.String() }),
  /** whether staff are named (the centre's privacy setting); else their role only */
  staffNames: Type.Boolean(),
  case: Obj({
    id: Type.String(),
    code: Type.String(),
    status: Type.String(),
    takenInChargeOn: DateOnly,
    closedOn: N(DateOnly),
    closureOutcome: N(Type.String()),
    firstContactOn: N(DateOnly),
    intakeOn: N(DateOnly),
    ageBand: N(Type.String()),
    citizenship: N(Type.String()),
    residenceCode: N(Type.String()),
    education: N(Type.String()),
    employment: N(Type.String()),
    childrenCount: N(Type.Integer()),
    minorChildrenCount: N(Type.Integer()),
    violenceTypes: Type.Array(Type.String()),
    authorRelationships: Type.Array(Type.String()),
    referralSource: N(Type.String()),
    riskLevel: N(Type.String()),
    safeContact: CaseDetail.properties.safeContact,
  }),
  /** her identity as the centre holds it (the code word, a safety secret, is left out) */
  identity: N(Obj(identityFields)),
  consents: Type.Array(
    Obj({
      id: Type.String(),
      purpose: Type.String(),
      decision: Type.String(),
      recipientOrganisationName: N(Type.String()),
      recipientType: N(Type.String()),
      sharingPurpose: N(Type.String()),
      includesIdentity: Type.Boolean(),
      method: Type.String(),
      textVersion: Type.String(),
      givenOn: DateOnly,
      expiresOn: N(DateOnly),
      revokedOn: N(DateOnly),
      status: Type.String(),
    }),
  ),
  referrals: Type.Array(
    Obj({
      id: Type.String(),
      recipientOrganisationId: Type.String(),
      recipientOrganisationName: Type.String(),
      purpose: Type.String(),
      status: Type.String(),
      sentAt: DateTime,
      sharedFields: Type.Array(Type.String()),
      sharesIdentity: Type.Boolean(),
      accessUntil: N(DateOnly),
      accessEndedAt: N(DateTime),
      accessEndReason: N(Type.String()),
    }),
  ),
  /** who saw her record: the centre's audited reads and every view at a recipient, oldest first */
  reads: Type.Array(
    Obj({
      at: DateTime,
      side: Enum(['centre', 'recipient'] as const),
      organisationId: Type.String(),
      organisationName: Type.String(),
      /** the user's roles (at the recipient: when viewing; at the centre: now) */
      roles: Type.Array(Type.String()),
      /** only when the centre's policy names staff */
      staffName: N(Type.String()),
      kind: Enum(READ_KINDS),
      action: Type.String(),
      purpose: N(Type.String()),
      referralId: N(Type.String()),
      /** what the read showed of her (a recipient: the referral's shared fields) */
      fields: Type.Array(Type.String()),
    }),
  ),
});
export type AccessReport = Static<typeof AccessReport>;

export const PrivacySettings = Obj({ reportStaffNames: Type.Boolean(), version: Type.Integer() });
export type PrivacySettings = Static<typeof PrivacySettings>;
export const PrivacySettingsUpdate = Obj({ reportStaffNames: Type.Boolean() });
export const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
