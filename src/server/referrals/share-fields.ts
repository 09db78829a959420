import { DIRECT_CONTACT_FIELDS, type FieldGroup, SHARE_FIELDS, type ShareRefusal } from '../../shared/codes/sharing.ts';

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

export interface ShareContext {
  sharingConsentId: string | null;
  identityConsentId: string | null;
  /** her safe-contact preference: nobody but the centre contacts her */
  onlyThroughCentre: boolean;
}

export function refusalFor(field: string, c: ShareContext): Refusal | null {
  if (!(SHARE_FIELDS as readonly string[]).includes(field)) return 'unknown_field';
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
};
