/**
 * A new needs analysis starts from what the case already knows: the answers of her last analysis
 * (those that still fit the questionnaire) and, from the profile recorded at intake, her education
 * and employment (the same code lists) and, when she has no minor children, none under 6 or 6–17.
 * Everything stays editable; `sources` says where each prefilled answer came from.
 */
import { EDUCATION, EMPLOYMENT } from '../../shared/codes/istat.ts';
import { loadCase } from '../cases/access.ts';
import { isoDate } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { type Answers, validateAnswers } from './answers.ts';
import { caseTexts } from '../cases/case-text.ts';
import { joinTextAnswers } from './text-answers.ts';
import { QUESTIONNAIRE_VERSION, QUESTIONS } from './questionnaire.ts';

export interface ProfileFacts {
  education: string | null;
  employment: string | null;
  minorChildrenCount: number | null;
}
export type PrefillSource = 'profile' | 'previous';

/** Keeps the answers that still fit the current questionnaire, one by one. */
function stillValid(previous: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(previous)) {
    if (!QUESTIONS.has(id)) continue;
    try {
      Object.assign(out, validateAnswers(QUESTIONNAIRE_VERSION, { [id]: value }));
    } catch {
      // an answer of an older version that the current one no longer offers
    }
  }
  return out;
}

const known = (list: readonly string[], v: string | null) => v !== null && v !== 'unknown' && list.includes(v);

export function prefillAnswers(
  profile: ProfileFacts,
  previous: Record<string, unknown> | null,
): { answers: Answers; sources: Record<string, PrefillSource> } {
  const answers: Answers = previous ? stillValid(previous) : {};
  const sources: Record<string, PrefillSource> = Object.fromEntries(Object.keys(answers).map((k) => [k, 'previous']));
  const set = (id: string, value: Answers[string]) => {
    answers[id] = value;
    sources[id] = 'profile';
  };
  // the profile is the case's record, kept up to date: it wins over an older analysis
  if (known(EDUCATION, profile.education)) set('education_level', profile.education as string);
  if (known(EMPLOYMENT, profile.employment)) {
    set('employment', profile.employment as string);
    const working = profile.employment === 'employed';
    // her last job must tell the same story: an answer that contradicts it is left to ask again
    if (answers.last_job_ended !== undefined && (answers.last_job_ended === 'currently_working') !== working) {
      delete answers.last_job_ended;
      delete sources.last_job_ended;
    }
    if (working) set('last_job_ended', 'currently_working');
  }
  if (profile.minorChildrenCount === 0) {
    set('children_under_6', 0);
    set('children_6_to_17', 0);
  }
  return { answers, sources };
}

/** The prefill for a new analysis of a case the actor works on; read as a view of the case (audited). */
export async function prefillForCase(ctx: Ctx, masterKey: Buffer, caseId: string) {
  const { row } = await loadCase(ctx, caseId, 'write');
  const last = await ctx.tx
    .selectFrom('needs_assessments')
    .select(['answers', 'text_answers_sealed', 'assessed_on'])
    .where('case_id', '=', caseId)
    .orderBy('assessed_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const { answers, sources } = prefillAnswers(
    { education: row.education, employment: row.employment, minorChildrenCount: row.minor_children_count },
    last
      ? joinTextAnswers(
          last.text_answers_sealed ? await caseTexts(ctx.tx, masterKey, caseId) : null,
          last.answers,
          last.text_answers_sealed,
        )
      : null,
  );
  await ctx.audit({ action: 'case.read', subjectType: 'case', subjectId: caseId, details: { view: 'needs_prefill' } });
  return {
    questionnaireVersion: QUESTIONNAIRE_VERSION,
    answers,
    sources,
    previousAssessedOn: last ? isoDate(last.assessed_on) : null,
    minorChildrenCount: row.minor_children_count,
  };
}
