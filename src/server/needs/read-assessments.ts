import type { Tx } from '../db/context.ts';
import { isoDate, isoTimestamp } from '../db/dates.ts';
import { caseTexts } from '../cases/case-text.ts';
import { joinTextAnswers } from './text-answers.ts';
import { type NeedsProfile, proposeGoals } from './needs-profile.ts';

/** A case's recorded assessments (newest first), or just those with the given ids, with the recorder's name. */
export async function readAssessments(tx: Tx, masterKey: Buffer, caseId: string, ids?: string[]) {
  let q = tx
    .selectFrom('needs_assessments as n')
    .leftJoin('users as u', 'u.id', 'n.recorded_by')
    .select([
      'n.id',
      'n.case_id',
      'n.questionnaire_version',
      'n.assessed_on',
      'n.answers',
      'n.text_answers_sealed',
      'n.profile',
      'n.recorded_by',
      'u.display_name',
      'n.created_at',
    ])
    .where('n.case_id', '=', caseId);
  if (ids) q = q.where('n.id', 'in', ids);
  const rows = await q.orderBy('n.assessed_on', 'desc').orderBy('n.created_at', 'desc').limit(200).execute();
  const texts = rows.some((r) => r.text_answers_sealed) ? await caseTexts(tx, masterKey, caseId) : null;
  return rows.map((r) => {
    const profile = r.profile as unknown as NeedsProfile;
    return {
      id: r.id,
      caseId: r.case_id,
      questionnaireVersion: r.questionnaire_version,
      assessedOn: isoDate(r.assessed_on),
      answers: joinTextAnswers(texts, r.answers, r.text_answers_sealed),
      profile,
      proposedGoals: proposeGoals(profile),
      recordedBy: r.recorded_by,
      recordedByName: r.display_name,
      createdAt: isoTimestamp(r.created_at),
    };
  });
}
