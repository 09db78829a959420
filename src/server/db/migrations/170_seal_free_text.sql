-- Free text an operator writes about her is sealed at rest like her identity (issue 11, item 6):
-- plan goal titles, action notes, review summaries, the free text inside plan snapshots and the
-- text answers of a needs analysis. The sealing needs the master key, which SQL never sees, so this
-- migration adds the sealed columns and refuses new text in clear (CHECK ... NOT VALID: new rows and
-- updates only); `db/seal-free-text.ts` seals the rows written before it, at start, then validates
-- the constraints. The old columns stay, always empty, until a later migration drops them.
ALTER TABLE plan_goals ADD COLUMN title_sealed text;
ALTER TABLE plan_goals ALTER COLUMN title DROP NOT NULL;
ALTER TABLE plan_goals ADD CONSTRAINT plan_goals_title_sealed
  CHECK (title IS NULL AND title_sealed IS NOT NULL) NOT VALID;

ALTER TABLE plan_actions ADD COLUMN notes_sealed text;
ALTER TABLE plan_actions ADD CONSTRAINT plan_actions_notes_sealed CHECK (notes IS NULL) NOT VALID;

ALTER TABLE plan_reviews ADD COLUMN summary_sealed text;
ALTER TABLE plan_reviews ALTER COLUMN summary DROP NOT NULL;
ALTER TABLE plan_reviews ADD CONSTRAINT plan_reviews_summary_sealed
  CHECK (summary IS NULL AND summary_sealed IS NOT NULL) NOT VALID;

-- a snapshot's goal titles and action notes are sealed strings inside it, marked "sealed": true
ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_snapshot_sealed
  CHECK (snapshot->'sealed' = 'true'::jsonb) NOT VALID;

-- the text answers (questions of type text) leave `answers` for a sealed JSON object
ALTER TABLE needs_assessments ADD COLUMN text_answers_sealed text;
ALTER TABLE needs_assessments ADD CONSTRAINT needs_assessments_text_answers_sealed
  CHECK (NOT answers ? 'aspirations_note') NOT VALID;
