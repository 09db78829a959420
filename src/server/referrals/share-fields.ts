import { SECTIONS } from '../needs/questionnaire.ts';

/**
 * What a referral can carry. Each field belongs to a group; identity fields need a consent that
 * includes disclosing her identity to that recipient, the others a sharing consent for the
 * recipient and purpose. Her address is never shared: it may be a shelter's.
 */
export const PROFILE_FIELDS = [
  'profile.ageBand',
  'profile.citizenship',
  'profile.residence',
  'profile.education',
  'profile.employment',
  'profile.children',
] as const;
export const NEEDS_FIELDS = ['needs.profile', ...SECTIONS.map((s) => `needs.${s.id}`)] as const;
export const PLAN_FIELDS = ['plan.goals', 'plan.actions'] as const;
export const IDENTITY_FIELDS = [
  'identity.name',
  'identity.birthDate',
  'identity.taxCode',
  'identity.phone',
  'identity.email',
  'identity.languages',
] as const;
/** The identity fields through which the recipient would contact her directly. */
export const CONTACT_FIELDS: readonly string[] = ['identity.phone', 'identity.email'];

export const SHARE_FIELDS: readonly string[] = [...PROFILE_FIELDS, ...NEEDS_FIELDS, ...PLAN_FIELDS, ...IDENTITY_FIELDS];

export type FieldGroup = 'profile' | 'needs' | 'plan' | 'identity';
export const groupOf = (field: string) => field.slice(0, field.indexOf('.')) as FieldGroup;
export const isIdentityField = (field: string) => groupOf(field) === 'identity';

/** Why a field cannot be chosen, or null when it can. */
export type Refusal = 'unknown_field' | 'no_sharing_consent' | 'no_identity_consent' | 'only_through_centre';

export interface ShareContext {
  sharingConsentId: string | null;
  identityConsentId: string | null;
  /** her safe-contact preference: nobody but the centre contacts her */
  onlyThroughCentre: boolean;
}

export function refusalFor(field: string, c: ShareContext): Refusal | null {
  if (!SHARE_FIELDS.includes(field)) return 'unknown_field';
  if (!c.sharingConsentId) return 'no_sharing_consent';
  if (!isIdentityField(field)) return null;
  if (!c.identityConsentId) return 'no_identity_consent';
  if (CONTACT_FIELDS.includes(field) && c.onlyThroughCentre) return 'only_through_centre';
  return null;
}

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  unknown_field: 'not a field that can be shared',
  no_sharing_consent: 'no valid consent to share with this recipient for this purpose',
  no_identity_consent: 'no valid consent to disclose her identity to this recipient',
  only_through_centre: 'her safe-contact preferences say only the centre contacts her',
};

/** Direct contact only when her phone or e-mail goes with the referral. */
export const contactModeOf = (fields: readonly string[]) =>
  fields.some((f) => CONTACT_FIELDS.includes(f)) ? 'direct' : 'through_centre';
