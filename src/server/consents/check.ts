import { addDays } from '../cases/eligibility.ts';
import type { FieldReason } from '../../shared/field-reasons.ts';
import { type FieldError, fieldError } from '../http/errors.ts';
import { addMonths } from '../outcomes/schedule.ts';
import { type ConsentPurpose, RECIPIENT_PURPOSES } from '../../shared/codes/sharing.ts';
import { isKnownTextVersion } from '../../shared/consent-texts.ts';

/** Sharing and contact name a recipient and a purpose; the others never do. */
export const NEEDS_RECIPIENT: readonly ConsentPurpose[] = RECIPIENT_PURPOSES;

/** How long a granted consent lasts unless the form says otherwise; null: until revoked. */
export const DEFAULT_EXPIRY_MONTHS: Record<ConsentPurpose, number | null> = {
  service: null,
  statistics: null,
  sharing: 12,
  contact_by_other_body: 12,
};

/** The last day covered by a consent given on `givenOn` with the purpose's default duration. */
export function defaultExpiry(purpose: ConsentPurpose, givenOn: string): string | null {
  const months = DEFAULT_EXPIRY_MONTHS[purpose];
  return months === null ? null : addDays(addMonths(givenOn, months), -1);
}

export interface ConsentFieldsInput {
  purpose: ConsentPurpose;
  decision?: 'granted' | 'refused';
  method?: 'signed_form' | 'verbal_with_witness';
  witnessUserId?: string | null;
  textVersion?: string;
  givenOn: string;
  expiresOn?: string | null;
  recipientOrganisationId?: string | null;
  recipientType?: string | null;
  sharingPurpose?: string | null;
  includesIdentity?: boolean;
}

/** The combinations a consent may take (pure). Each problem names its field. */
export function checkConsentFields(c: ConsentFieldsInput, today: string): FieldError[] {
  const fields: FieldError[] = [];
  const bad = (field: string, reason: FieldReason, message?: string) => fields.push(fieldError(field, reason, message));
  if (c.textVersion !== undefined && !isKnownTextVersion(c.textVersion)) bad('textVersion', 'unknown_text_version');
  if (c.givenOn > today) bad('givenOn', 'in_the_future');
  if (c.expiresOn && c.expiresOn < c.givenOn) bad('expiresOn', 'before_given', 'before the day it was given');
  if (c.decision === 'refused' && c.expiresOn) bad('expiresOn', 'refusal_no_expiry', 'a refusal has no expiry');
  if (c.method === 'verbal_with_witness' && !c.witnessUserId)
    bad('witnessUserId', 'witness_needed', 'a verbal consent needs a witness');
  if (NEEDS_RECIPIENT.includes(c.purpose)) {
    if (!c.recipientOrganisationId && !c.recipientType)
      bad('recipientOrganisationId', 'recipient_needed', 'name an organisation or a type of organisation');
    if (c.recipientOrganisationId && c.recipientType)
      bad('recipientType', 'recipient_both', 'a named organisation or a type, not both');
    if (!c.sharingPurpose) bad('sharingPurpose', 'required', 'required for this purpose');
  } else {
    for (const field of ['recipientOrganisationId', 'recipientType', 'sharingPurpose'] as const) {
      if (c[field]) bad(field, 'not_for_purpose');
    }
    if (c.includesIdentity) bad('includesIdentity', 'not_for_purpose');
  }
  return fields;
}
