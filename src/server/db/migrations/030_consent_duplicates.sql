-- The same consent twice is refused: same case, purpose, recipient (named or by type), sharing
-- purpose and decision, with overlapping validity. A grant is valid from given_on up to its expiry
-- (inclusive) or its revocation (exclusive), whichever comes first, open-ended if neither; a
-- refusal has no end, so two refusals of the same scope would always overlap and she could never
-- refuse again after a later grant: a refusal counts for its own day only. A grant and a refusal
-- never clash (her latest word counts, validity.ts). The use case checks first and names the
-- existing consent (409 duplicate_consent); this constraint is what stops two concurrent requests,
-- which cannot see each other's uncommitted rows: the second waits for the first and then fails.
-- btree_gist gives GiST the = operator on uuid and text (a trusted extension: the database owner
-- may create it; PGlite loads it in database.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE FUNCTION consent_validity(p_decision text, p_given date, p_expires date, p_revoked date) RETURNS daterange
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_decision = 'granted'
    THEN daterange(p_given, LEAST(p_expires + 1, p_revoked), '[)')
    ELSE daterange(p_given, p_given + 1, '[)') END
$$;

-- Duplicates recorded before this migration are kept (a consent is a record of what she said)
-- and flagged, so that the constraint holds for everything recorded from now on.
ALTER TABLE consents ADD COLUMN kept_duplicate boolean NOT NULL DEFAULT false;
UPDATE consents c SET kept_duplicate = true
WHERE EXISTS (
  SELECT 1 FROM consents o
  WHERE o.case_id = c.case_id AND o.purpose = c.purpose AND o.decision = c.decision
    AND o.recipient_organisation_id IS NOT DISTINCT FROM c.recipient_organisation_id
    AND o.recipient_type IS NOT DISTINCT FROM c.recipient_type
    AND o.sharing_purpose IS NOT DISTINCT FROM c.sharing_purpose
    AND (o.created_at, o.id) < (c.created_at, c.id)
    AND consent_validity(o.decision, o.given_on, o.expires_on, o.revoked_on)
      && consent_validity(c.decision, c.given_on, c.expires_on, c.revoked_on)
);

ALTER TABLE consents ADD CONSTRAINT consents_no_duplicate EXCLUDE USING gist (
  case_id WITH =,
  purpose WITH =,
  decision WITH =,
  (COALESCE(recipient_organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)) WITH =,
  (COALESCE(recipient_type, '')) WITH =,
  (COALESCE(sharing_purpose, '')) WITH =,
  (consent_validity(decision, given_on, expires_on, revoked_on)) WITH &&
) WHERE (NOT kept_duplicate);
