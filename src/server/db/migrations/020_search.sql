-- Search that finds: surname by prefix through prefix blind indexes, beside the exact index.
-- surname_prefixes holds HMAC-SHA-256 (under its own HKDF sub-key of the centre's data key) of each
-- prefix of the normalised surname of length 3..N. NULL for identities stored before this migration
-- (the index needs the centre's key, which SQL never has): they get prefixes when next saved.
ALTER TABLE case_identities ADD COLUMN surname_prefixes text[];
CREATE INDEX case_identities_prefix_idx ON case_identities USING gin (surname_prefixes);

-- Case ids of the actor's centre whose surname starts with the prefix (given as its blind index).
-- As case_ids_by_index: operators and the DPO of the holding centre, ids only, never the identity.
CREATE FUNCTION case_ids_by_prefix(p_prefix text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.case_id FROM case_identities i
  WHERE i.organisation_id = app_org_id() AND (app_has_role('centre_operator') OR app_has_role('dpo'))
    AND p_prefix IS NOT NULL AND i.surname_prefixes @> ARRAY[p_prefix]
$$;
ALTER FUNCTION case_ids_by_prefix(text) OWNER TO percorsi_definer;
GRANT SELECT (surname_prefixes) ON case_identities TO percorsi_definer;
REVOKE ALL ON FUNCTION case_ids_by_prefix(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_ids_by_prefix(text) TO percorsi_app;
