-- A consent that also covers her identity is a wider consent, not a repeat of the same consent
-- without it (migration 030): the operator records it beside the first instead of revoking the
-- first, which would end the access of the referrals already made under it. The exclusion
-- constraint gains includes_identity; rows flagged kept_duplicate stay flagged (still outside it).
ALTER TABLE consents DROP CONSTRAINT consents_no_duplicate;
ALTER TABLE consents ADD CONSTRAINT consents_no_duplicate EXCLUDE USING gist (
  case_id WITH =,
  purpose WITH =,
  decision WITH =,
  includes_identity WITH =,
  (COALESCE(recipient_organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)) WITH =,
  (COALESCE(recipient_type, '')) WITH =,
  (COALESCE(sharing_purpose, '')) WITH =,
  (consent_validity(decision, given_on, expires_on, revoked_on)) WITH &&
) WHERE (NOT kept_duplicate);
