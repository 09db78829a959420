-- Passkeys (WebAuthn, issue 12): several per user, named, revocable; a second factor after the
-- password, or a passwordless sign-in (user verification required) for a user who enrolled one.
-- The public key is not a secret; the credential id is how the authenticator names it.
CREATE TABLE passkeys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  credential_id text NOT NULL UNIQUE,          -- base64url, as the authenticator gives it
  public_key bytea NOT NULL,                   -- COSE key
  sign_count bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);
ALTER TABLE passkeys ENABLE ROW LEVEL SECURITY;
ALTER TABLE passkeys FORCE ROW LEVEL SECURITY;
-- Only their owner sees, adds, uses (counter) and revokes them; administrators revoke nothing here
-- (disabling the account ends every sign-in).
CREATE POLICY passkeys_own ON passkeys FOR ALL TO percorsi_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id() AND organisation_id = app_org_id());
GRANT SELECT, INSERT, DELETE ON passkeys TO percorsi_app;
GRANT UPDATE (sign_count, last_used_at) ON passkeys TO percorsi_app;

-- WebAuthn challenges: one use each, five minutes. Stored hashed; user_id is set when a signed-in
-- or half-signed-in user asked (enrolment, second factor), NULL for the passwordless sign-in.
-- The app only inserts them; auth_take_challenge consumes one (a replayed answer finds none).
CREATE TABLE webauthn_challenges (
  challenge_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  user_id uuid REFERENCES users ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
ALTER TABLE webauthn_challenges ENABLE ROW LEVEL SECURITY;
ALTER TABLE webauthn_challenges FORCE ROW LEVEL SECURITY;
CREATE POLICY challenges_insert ON webauthn_challenges FOR INSERT TO percorsi_app
  WITH CHECK (user_id IS NULL OR user_id = app_user_id());
GRANT INSERT ON webauthn_challenges TO percorsi_app;

-- Takes (deletes) an unexpired challenge of that purpose; answers whether it was there and for whom.
-- A challenge asked by a user is only taken by that user (app.user_id), one asked anonymously by anyone.
CREATE FUNCTION auth_take_challenge(p_hash text, p_purpose text)
RETURNS TABLE (found boolean, user_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  taken uuid;
  hit boolean;
BEGIN
  DELETE FROM webauthn_challenges WHERE expires_at < now();
  DELETE FROM webauthn_challenges c
    WHERE c.challenge_hash = p_hash AND c.purpose = p_purpose
      AND (c.user_id IS NULL OR c.user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    RETURNING c.user_id, true INTO taken, hit;
  RETURN QUERY SELECT coalesce(hit, false), taken;
END $$;
ALTER FUNCTION auth_take_challenge(text, text) OWNER TO percorsi_definer;
GRANT SELECT, DELETE ON webauthn_challenges TO percorsi_definer;
CREATE POLICY challenges_definer ON webauthn_challenges FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
REVOKE ALL ON FUNCTION auth_take_challenge(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_take_challenge(text, text) TO percorsi_app;

-- The passwordless sign-in names a credential before the user is known: its owner, nothing else.
CREATE FUNCTION auth_find_passkey(p_credential_id text) RETURNS TABLE (user_id uuid, organisation_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT user_id, organisation_id FROM passkeys WHERE credential_id = p_credential_id
$$;
ALTER FUNCTION auth_find_passkey(text) OWNER TO percorsi_definer;
GRANT SELECT (user_id, organisation_id, credential_id) ON passkeys TO percorsi_definer;
CREATE POLICY passkeys_definer ON passkeys FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION auth_find_passkey(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_passkey(text) TO percorsi_app;

-- Step-up (issue 12): when the session's holder last proved a second factor (sign-in, or a step-up
-- since). Reading her identity, bulk exports and erasure ask for one within the last 10 minutes.
ALTER TABLE sessions ADD COLUMN second_factor_at timestamptz;
