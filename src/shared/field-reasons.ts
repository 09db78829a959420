/**
 * Why a field was refused: the stable codes of a 400's `fields[].reason`, used by the server to
 * say it and by the UI to translate it (`Record<FieldReason, string>` per language).
 * Adding a reason is one line here and one text per language.
 */
export const FIELD_REASONS = [
  // the shape of the request (the schema validator's keywords)
  'required',
  'invalid',
  'invalid_format',
  'not_allowed_value',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_large',
  'repeated',
  'unknown_field',
  // input hygiene (src/server/http/input-hygiene.ts): a NUL or half a surrogate pair, or nested too deep
  'invalid_characters',
  'too_deep',
  // dates in order
  'in_the_future',
  'before_first_contact',
  'before_intake',
  'before_taken_in_charge',
  'before_given',
  'before_hire',
  'before_sent',
  'before_start',
  'before_version',
  // her case
  'tax_code_invalid',
  // net-companies: a partita IVA whose check digit (or office code) is wrong
  'vat_number_invalid',
  'more_minors_than_children',
  'risk_tool_needed',
  'unknown_municipality',
  // consents
  'unknown_text_version',
  'witness_needed',
  'witness_self',
  'not_colleague',
  'refusal_no_expiry',
  'recipient_needed',
  'recipient_both',
  'not_for_purpose',
  'unknown_organisation',
  'centre_itself',
  'duplicate_consent',
  'not_for_this_field',
  // plans, needs, outcomes
  'not_in_catalogue',
  'not_in_plan',
  'not_the_recipients',
  'unknown_plan_version',
  'version_mismatch',
  'taken',
  'unknown_question',
  'unknown_questionnaire',
  'never_worked',
  'only_if_working',
  'contradicts_employment',
  'differs_from_profile',
  // referrals
  'not_a_recipient',
  'not_a_referent',
  'not_for_this_kind',
  'no_sharing_consent',
  'no_identity_consent',
  'only_through_centre',
  // net-companies: a field a recipient of this type never receives
  'not_for_recipient',
  // users, passwords, organisations
  'unknown_role',
  'role_not_grantable',
  'too_common',
  'shelter_address_forbidden',
  // net-control: documents (type detected from the bytes) and the control room's bodies
  'type_not_allowed',
  'type_mismatch',
  'not_a_signatory',
] as const;

export type FieldReason = (typeof FIELD_REASONS)[number];

export const isFieldReason = (value: unknown): value is FieldReason =>
  typeof value === 'string' && (FIELD_REASONS as readonly string[]).includes(value);
