-- Plans: shared catalogue actions that the needs analysis proposes and the 003 catalogue lacks
-- (Italian and digital courses; wellbeing). Shared rows (organisation_id NULL) are read by every
-- signed-in user under the catalogue_read policy of 003; centres still extend it with their own.
INSERT INTO action_catalogue (code, domain, label_it, label_en) VALUES
  ('italian_course', 'training', 'Corso di lingua italiana', 'Italian language course'),
  ('digital_skills_course', 'training', 'Corso di competenze digitali', 'Digital skills course'),
  ('psychological_support', 'wellbeing', 'Supporto psicologico', 'Psychological support'),
  ('health_services', 'wellbeing', 'Accompagnamento ai servizi sanitari', 'Accompaniment to health services')
ON CONFLICT (code) DO NOTHING;

-- Replacing a plan deletes its goals, which cascades to their actions by goal_id.
CREATE INDEX plan_actions_goal_idx ON plan_actions (goal_id);

-- The order of a goal's actions, as the operator and the woman set it.
ALTER TABLE plan_actions ADD COLUMN position integer NOT NULL DEFAULT 0;
