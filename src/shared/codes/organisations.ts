/** Organisation types (organisations.type), also the recipient types a consent can name. */
export const ORGANISATION_TYPES = [
  'cav',
  'shelter_operator',
  'employment_centre',
  'social_services',
  'housing_office',
  'training_body',
  'ats_asst',
  'municipality',
  'metro_city',
  'company',
  'trade_union',
  'ngo',
  'police',
  'court',
  'school',
  'university',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The types that hold cases and send referrals (anti-violence centres and shelter operators). */
export const CASE_HOLDER_TYPES = ['cav', 'shelter_operator'] as const satisfies readonly OrganisationType[];

/** protocol_adhesions.status */
export const ADHESION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type AdhesionStatus = (typeof ADHESION_STATUSES)[number];
/** What an adhesion request can be answered with. */
export const ADHESION_DECISIONS = ['approved', 'rejected'] as const satisfies readonly AdhesionStatus[];

/** protocol_signatories.kind: signed the protocol at the start, or joined it later. */
export const SIGNATORY_KINDS = ['original', 'adhesion'] as const;
export type SignatoryKind = (typeof SIGNATORY_KINDS)[number];
