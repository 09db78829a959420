import { type Kysely, sql } from 'kysely';
import { caseTextsWith, type CaseTexts } from '../cases/case-text.ts';
import { dataKeyOf } from '../cases/keys.ts';
import { splitTextAnswers } from '../needs/text-answers.ts';
import { splitCourseTitle } from '../outcomes/outcomes.ts';
import { sealReportText } from '../referrals/pseudonym.ts';
import { type SealedSnapshot, type Snapshot, sealSnapshot } from '../plans/read-plan.ts';
import type { Tx } from './context.ts';
import type { DB } from './schema.ts';

/** The constraints of migrations 170 and 200, validated once every row written before them is sealed. */
const CONSTRAINTS = [
  ['plan_goals', 'plan_goals_title_sealed'],
  ['plan_actions', 'plan_actions_notes_sealed'],
  ['plan_reviews', 'plan_reviews_summary_sealed'],
  ['plan_versions', 'plan_versions_snapshot_sealed'],
  ['needs_assessments', 'needs_assessments_text_answers_sealed'],
  ['outcomes', 'outcomes_details_sealed'],
  ['referral_reports', 'referral_reports_details_sealed'],
] as const;

type Row = { id: string; case_id: string; organisation_id: string };

/**
 * Seals the free text written in clear before migrations 170 and 200 (run at start, as the owner, with
 * the master key; a no-op once done) and then validates the constraints that refuse text in clear,
 * so from then on the database itself refuses it. Returns how many rows it sealed.
 */
export async function sealFreeTextLeftInClear(owner: Kysely<DB>, masterKey: Buffer): Promise<number> {
  const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_constraint
    WHERE conname IN (${sql.join(CONSTRAINTS.map(([, c]) => c))}) AND NOT convalidated`.execute(owner);
  if (!pending.rows[0]?.n) return 0;
  return owner.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(4170)`.execute(tx);
    const texts = keyring(tx, masterKey);
    let n = 0;
    const goals = await sql<Row & { title: string }>`SELECT id, case_id, organisation_id, title FROM plan_goals
      WHERE title IS NOT NULL`.execute(tx);
    for (const r of goals.rows) {
      const sealed = (await texts(r)).seal('plan_goal.title', r.title);
      await sql`UPDATE plan_goals SET title_sealed = ${sealed}, title = NULL WHERE id = ${r.id}`.execute(tx);
      n++;
    }
    const actions = await sql<Row & { notes: string }>`SELECT id, case_id, organisation_id, notes FROM plan_actions
      WHERE notes IS NOT NULL`.execute(tx);
    for (const r of actions.rows) {
      const sealed = (await texts(r)).seal('plan_action.notes', r.notes);
      await sql`UPDATE plan_actions SET notes_sealed = ${sealed}, notes = NULL WHERE id = ${r.id}`.execute(tx);
      n++;
    }
    const reviews = await sql<Row & { summary: string }>`SELECT id, case_id, organisation_id, summary
      FROM plan_reviews WHERE summary IS NOT NULL`.execute(tx);
    for (const r of reviews.rows) {
      const sealed = (await texts(r)).seal('plan_review.summary', r.summary);
      await sql`UPDATE plan_reviews SET summary_sealed = ${sealed}, summary = NULL WHERE id = ${r.id}`.execute(tx);
      n++;
    }
    const versions = await sql<Row & { version: number; snapshot: Snapshot }>`SELECT case_id AS id, case_id,
      organisation_id, version, snapshot FROM plan_versions WHERE snapshot->'sealed' IS DISTINCT FROM 'true'::jsonb`.execute(
      tx,
    );
    for (const r of versions.rows) {
      const snap = typeof r.snapshot === 'string' ? (JSON.parse(r.snapshot) as Snapshot) : r.snapshot;
      const sealed: SealedSnapshot = sealSnapshot(await texts(r), {
        secondLanguage: snap.secondLanguage ?? null,
        goals: (snap.goals ?? []).map((g) => ({ ...g, actions: g.actions ?? [] })),
      });
      await sql`UPDATE plan_versions SET snapshot = ${JSON.stringify(sealed)}::jsonb
        WHERE case_id = ${r.case_id} AND version = ${r.version}`.execute(tx);
      n++;
    }
    const needs = await sql<Row & { answers: Record<string, unknown> | string }>`SELECT id, case_id, organisation_id,
      answers FROM needs_assessments WHERE answers ? 'aspirations_note'`.execute(tx);
    for (const r of needs.rows) {
      const answers = typeof r.answers === 'string' ? (JSON.parse(r.answers) as Record<string, unknown>) : r.answers;
      const { coded, texts: t } = splitTextAnswers(answers);
      const sealed = (await texts(r)).seal('needs.text_answers', JSON.stringify(t));
      await sql`UPDATE needs_assessments SET answers = ${JSON.stringify(coded)}::jsonb, text_answers_sealed = ${sealed}
        WHERE id = ${r.id}`.execute(tx);
      n++;
    }
    // migration 200: the course title of an outcome (the centre's key) and of a report (the referral's)
    const outcomes = await sql<Row & { details: Record<string, unknown> | string }>`SELECT id, case_id,
      organisation_id, details FROM outcomes WHERE details ? 'courseTitle'`.execute(tx);
    for (const r of outcomes.rows) {
      const d = typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details;
      const { coded, courseTitle } = splitCourseTitle(d);
      const sealed = courseTitle ? (await texts(r)).seal('outcome.course_title', courseTitle) : null;
      await sql`UPDATE outcomes SET details = ${JSON.stringify(coded)}::jsonb, course_title_sealed = ${sealed}
        WHERE id = ${r.id}`.execute(tx);
      n++;
    }
    const reports = await sql<{ id: string; referral_id: string; details: Record<string, unknown> | string }>`SELECT id,
      referral_id, details FROM referral_reports WHERE details ? 'courseTitle'`.execute(tx);
    for (const r of reports.rows) {
      const d = typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details;
      const { coded, courseTitle } = splitCourseTitle(d);
      const sealed = courseTitle ? sealReportText(masterKey, r.referral_id, r.id, courseTitle) : null;
      await sql`UPDATE referral_reports SET details = ${JSON.stringify(coded)}::jsonb, course_title_sealed = ${sealed}
        WHERE id = ${r.id}`.execute(tx);
      n++;
    }
    for (const [table, name] of CONSTRAINTS)
      await sql`ALTER TABLE ${sql.table(table)} VALIDATE CONSTRAINT ${sql.ref(name)}`.execute(tx);
    return n;
  });
}

/** One data key per centre, one sealer per case, for the whole conversion. */
function keyring(tx: Tx, masterKey: Buffer) {
  const keys = new Map<string, Promise<Buffer>>();
  return async (r: Row): Promise<CaseTexts> => {
    let key = keys.get(r.organisation_id);
    if (!key) {
      key = dataKeyOf(tx, masterKey, r.organisation_id);
      keys.set(r.organisation_id, key);
    }
    return caseTextsWith(await key, r.case_id);
  };
}
