import type { OrganisationType } from '../../shared/codes/organisations.ts';
import {
  DIRECT_CONTACT_FIELDS,
  type FieldGroup,
  SHARE_FIELDS,
  type ShareField,
  type ShareRefusal,
} from '../../shared/codes/sharing.ts';

/*
 * What a referral can carry are the share fields of src/shared/codes/sharing.ts. Each field belongs
 * to a group; identity fields need a consent that includes disclosing her identity to that
 * recipient, the others a sharing consent for the recipient and purpose. Her address is never
 * shared: it may be a shelter's.
 */

export const groupOf = (field: string) => field.slice(0, field.indexOf('.')) as FieldGroup;
export const isIdentityField = (field: string) => groupOf(field) === 'identity';
/** Her phone or e-mail: the fields through which the recipient would contact her directly. */
export const isDirectContactField = (field: string) => (DIRECT_CONTACT_FIELDS as readonly string[]).includes(field);

/** Why a field cannot be chosen, or null when it can. */
export type Refusal = ShareRefusal;

/**
 * net-companies: the recipient types that may receive only part of the share fields. A company gets
 * what a CV needs — her education, languages, work history, skills, licences, availability and,
 * with a consent that includes her identity, her name, languages and contacts — never her history:
 * no profile beyond education, no needs about care, housing, income, health or legal matters, no
 * plan, no needs profile.
 */
export const RECIPIENT_TYPE_FIELDS: Partial<Record<OrganisationType, readonly ShareField[]>> = {
  company: [
    'profile.education',
    'needs.education_languages',
    'needs.work_history',
    'needs.skills',
    'needs.licences_mobility',
    'needs.availability',
    'identity.name',
    'identity.phone',
    'identity.email',
    'identity.languages',
  ],
};

/** The fields a referral may ever carry to a recipient of this type (before her consents). */
export const fieldsForRecipientType = (type: string | undefined): readonly ShareField[] =>
  (type ? RECIPIENT_TYPE_FIELDS[type as OrganisationType] : undefined) ?? SHARE_FIELDS;

/**
 * Who looks at her data, as far as the share fields go: her centre (the holding centre sees all of
 * it, the case's own rules apply on top), or a recipient, who sees the share set of the referral
 * and nothing else. The one rule the anonymous matching (companies/match.ts) reads.
 */
export type Viewer = { kind: 'holding_centre' } | { kind: 'recipient'; sharedFields: readonly string[] };

export function fieldsVisibleTo(v: Viewer): ShareField[] {
  if (v.kind === 'holding_centre') return [...SHARE_FIELDS];
  return SHARE_FIELDS.filter((f) => v.sharedFields.includes(f));
}

export interface ShareContext {
  /** the recipient's organisation type: some types receive only part of the fields (RECIPIENT_TYPE_FIELDS) */
  recipientType?: string;
  sharingConsentId: string | null;
  identityConsentId: string | null;
  /** her safe-contact preference: nobody but the centre contacts her */
  onlyThroughCentre: boolean;
}

export function refusalFor(field: string, c: ShareContext): Refusal | null {
  if (!(SHARE_FIELDS as readonly string[]).includes(field)) return 'unknown_field';
  if (!(fieldsForRecipientType(c.recipientType) as readonly string[]).includes(field)) return 'not_for_recipient';
  if (!c.sharingConsentId) return 'no_sharing_consent';
  if (!isIdentityField(field)) return null;
  if (!c.identityConsentId) return 'no_identity_consent';
  if (isDirectContactField(field) && c.onlyThroughCentre) return 'only_through_centre';
  return null;
}

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  unknown_field: 'not a field that can be shared',
  no_sharing_consent: 'no valid consent to share with this recipient for this purpose',
  no_identity_consent: 'no valid consent to disclose her identity to this recipient',
  only_through_centre: 'her safe-contact preferences say only the centre contacts her',
  not_for_recipient: 'not a field this kind of recipient receives',
};
