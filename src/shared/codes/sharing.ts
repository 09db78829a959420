import { NEEDS_SECTIONS } from './needs.ts';

/**
 * Why data about her may go to another body: the sharing purposes (consents.sharing_purpose and
 * referrals.purpose, the same list), and the purposes of a consent.
 */
export const SHARING_PURPOSES = [
  'work_orientation',
  'training',
  'housing',
  'social_support',
  'health',
  'legal',
] as const;
export type SharingPurpose = (typeof SHARING_PURPOSES)[number];

/** consents.purpose */
export const CONSENT_PURPOSES = ['service', 'sharing', 'statistics', 'contact_by_other_body'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** The consent purposes that name a recipient (an organisation or a type) and a sharing purpose. */
export const RECIPIENT_PURPOSES = ['sharing', 'contact_by_other_body'] as const satisfies readonly ConsentPurpose[];

export const CONSENT_DECISIONS = ['granted', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];
export const CONSENT_METHODS = ['signed_form', 'verbal_with_witness'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
/** Computed, not stored: what a recorded consent amounts to today. */
export const CONSENT_STATUSES = ['active', 'expired', 'revoked', 'refused'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
/** The languages of the printable consent form. */
export const FORM_LANGUAGES = ['it', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** The groups of a share set, in the order the wizard shows them. */
export const FIELD_GROUPS = ['profile', 'needs', 'plan', 'identity'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/**
 * What a referral can carry. Identity fields need a consent that includes disclosing her identity
 * to that recipient, the others a sharing consent for the recipient and purpose. Her address is
 * never shared: it may be a shelter's.
 */
export const PROFILE_FIELDS = [
  'profile.ageBand',
  'profile.citizenship',
  'profile.residence',
  'profile.education',
  'profile.employment',
  'profile.children',
] as const;
export const NEEDS_FIELDS = ['needs.profile', ...NEEDS_SECTIONS.map((s) => `needs.${s}` as const)] as const;
export const PLAN_FIELDS = ['plan.goals', 'plan.actions'] as const;
export const IDENTITY_FIELDS = [
  'identity.name',
  'identity.birthDate',
  'identity.taxCode',
  'identity.phone',
  'identity.email',
  'identity.languages',
] as const;
export const SHARE_FIELDS = [...PROFILE_FIELDS, ...NEEDS_FIELDS, ...PLAN_FIELDS, ...IDENTITY_FIELDS] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];

/** The identity fields through which the recipient would contact her directly. */
export const DIRECT_CONTACT_FIELDS = ['identity.phone', 'identity.email'] as const satisfies readonly ShareField[];

/** How the recipient gets in touch with her (referrals.contact_mode). */
export const CONTACT_MODES = ['direct', 'through_centre'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** Direct contact only when her phone or e-mail goes with the referral. */
export const contactModeOf = (fields: readonly string[]): ContactMode =>
  fields.some((f) => (DIRECT_CONTACT_FIELDS as readonly string[]).includes(f)) ? 'direct' : 'through_centre';

/** Why a field cannot be chosen. */
export const SHARE_REFUSALS = [
  'unknown_field',
  'no_sharing_consent',
  'no_identity_consent',
  'only_through_centre',
  // net-companies: a field a recipient of this type never receives (a company: only what a CV needs)
  'not_for_recipient',
] as const;
export type ShareRefusal = (typeof SHARE_REFUSALS)[number];
