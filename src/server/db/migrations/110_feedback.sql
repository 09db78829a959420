-- Women's anonymous feedback on their path (issue 7, co-constructed evaluation). The plan printed
-- for her carries a short link /parere/<token>; the token proves only "a woman of centre X, plan of
-- month M". Neither table holds a case, a plan, a user or a time finer than the month, so no join
-- leads from an answer, or from a token, to her. The token is kept as its SHA-256 only.
CREATE TABLE feedback_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  organisation_id uuid NOT NULL REFERENCES organisations,
  plan_month date NOT NULL CHECK (extract(day FROM plan_month) = 1),
  answered boolean NOT NULL DEFAULT false
);
ALTER TABLE feedback_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_tokens FORCE ROW LEVEL SECURITY;
-- A centre's operator issues tokens for her centre (when she prints a plan); nobody reads them back.
CREATE POLICY issue_token ON feedback_tokens FOR INSERT TO percorsi_app
  WITH CHECK (app_works_cases(organisation_id) AND answered = false);
GRANT INSERT (token_hash, organisation_id, plan_month) ON feedback_tokens TO percorsi_app;

-- One row per question answered: the answers of one woman are not even tied to each other.
CREATE TABLE feedback_answers (
  organisation_id uuid NOT NULL REFERENCES organisations,
  plan_month date NOT NULL,
  question text NOT NULL CHECK (question IN ('listened', 'referral_helped', 'plan_own', 'missing')),
  answer text NOT NULL CHECK (answer ~ '^[a-z_]{1,32}$')
);
CREATE INDEX feedback_answers_month_idx ON feedback_answers (plan_month, organisation_id);
ALTER TABLE feedback_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_answers FORCE ROW LEVEL SECURITY;
-- percorsi_app has no grant at all: answers go in through feedback_answer(), counts come out of
-- feedback_counts().

-- The form's state for a token: 'open', 'answered' or 'unknown' (also for a malformed token).
CREATE FUNCTION feedback_token_state(p_hash text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce((SELECT CASE WHEN answered THEN 'answered' ELSE 'open' END
                   FROM feedback_tokens WHERE token_hash = p_hash), 'unknown')
$$;

-- Records one answer per token, atomically: the token is spent by the same statement that finds it
-- (a second, concurrent answer waits on the row lock and then finds it spent). Returns 'saved',
-- 'answered' or 'unknown'. Answers are codes; the caller checks them against the form's lists.
CREATE FUNCTION feedback_answer(p_hash text, p_answers text[]) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE t record;
BEGIN
  UPDATE feedback_tokens SET answered = true WHERE token_hash = p_hash AND NOT answered
    RETURNING organisation_id, plan_month INTO t;
  IF NOT FOUND THEN
    RETURN CASE WHEN EXISTS (SELECT 1 FROM feedback_tokens WHERE token_hash = p_hash) THEN 'answered' ELSE 'unknown' END;
  END IF;
  -- p_answers: 'question:answer' pairs
  INSERT INTO feedback_answers (organisation_id, plan_month, question, answer)
    SELECT t.organisation_id, t.plan_month, split_part(a, ':', 1), split_part(a, ':', 2) FROM unnest(p_answers) a;
  RETURN 'saved';
END $$;

-- Counts by centre, question and answer for the plan months in [p_from, p_to], for the roles that
-- read statistics (the caller narrows to the actor's scope and suppresses before publishing).
CREATE FUNCTION feedback_counts(p_from date, p_to date)
RETURNS TABLE (organisation_id uuid, question text, answer text, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.organisation_id, a.question, a.answer, count(*) FROM feedback_answers a
  WHERE app_authenticated()
    AND (app_has_role('control_room_member') OR app_has_role('network_coordinator') OR app_has_role('org_admin')
         OR app_has_role('platform_admin'))
    AND a.plan_month BETWEEN date_trunc('month', p_from)::date AND p_to
  GROUP BY 1, 2, 3
$$;

ALTER FUNCTION feedback_token_state(text) OWNER TO percorsi_definer;
ALTER FUNCTION feedback_answer(text, text[]) OWNER TO percorsi_definer;
ALTER FUNCTION feedback_counts(date, date) OWNER TO percorsi_definer;
GRANT SELECT (token_hash, answered, organisation_id, plan_month), UPDATE (answered) ON feedback_tokens TO percorsi_definer;
GRANT SELECT, INSERT ON feedback_answers TO percorsi_definer;
CREATE POLICY definer_tokens ON feedback_tokens FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
CREATE POLICY definer_answers ON feedback_answers FOR ALL TO percorsi_definer USING (true) WITH CHECK (true);
REVOKE ALL ON FUNCTION feedback_token_state(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION feedback_answer(text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION feedback_counts(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION feedback_token_state(text) TO percorsi_app;
GRANT EXECUTE ON FUNCTION feedback_answer(text, text[]) TO percorsi_app;
GRANT EXECUTE ON FUNCTION feedback_counts(date, date) TO percorsi_app;
