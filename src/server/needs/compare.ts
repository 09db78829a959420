import type { AnswerValue, Answers } from './answers.ts';
import { DOMAINS, type Domain, NEED_LEVELS as LEVELS } from '../../shared/codes/needs.ts';
import type { DomainNeed, NeedsProfile } from './needs-profile.ts';
import { SECTIONS } from './questionnaire.ts';

export interface AssessmentForCompare {
  id: string;
  assessedOn: string;
  questionnaireVersion: string;
  answers: Answers;
  profile: NeedsProfile;
}

export interface DomainDiff {
  domain: Domain;
  a: DomainNeed;
  b: DomainNeed;
  /** how the need moved from a to b */
  trend: 'decreased' | 'increased' | 'unchanged';
}
export interface QuestionDiff {
  questionId: string;
  sectionId: string | null;
  a: AnswerValue | null;
  b: AnswerValue | null;
  changed: boolean;
}

const same = (x: AnswerValue | null, y: AnswerValue | null) =>
  Array.isArray(x) && Array.isArray(y)
    ? x.length === y.length && [...x].sort().join('\u0000') === [...y].sort().join('\u0000')
    : x === y;

const NOT_ASSESSED: DomainNeed = { level: 'none', reasons: ['not_assessed'] };

/** Two assessments side by side, per domain of the profile and per question of the questionnaire. */
export function compareAssessments(a: AssessmentForCompare, b: AssessmentForCompare) {
  const domains: DomainDiff[] = DOMAINS.map((domain) => {
    const da = a.profile[domain] ?? NOT_ASSESSED;
    const db = b.profile[domain] ?? NOT_ASSESSED;
    const delta = LEVELS.indexOf(db.level) - LEVELS.indexOf(da.level);
    return { domain, a: da, b: db, trend: delta < 0 ? 'decreased' : delta > 0 ? 'increased' : 'unchanged' };
  });
  const known = SECTIONS.flatMap((s) =>
    s.questions.map((q) => ({ questionId: q.id, sectionId: s.id as string | null })),
  );
  const seen = new Set(known.map((k) => k.questionId));
  // answers of another questionnaire version that this one does not know still show, at the end
  const extra = [...new Set([...Object.keys(a.answers), ...Object.keys(b.answers)])]
    .filter((id) => !seen.has(id))
    .sort()
    .map((questionId) => ({ questionId, sectionId: null }));
  const questions: QuestionDiff[] = [...known, ...extra].map(({ questionId, sectionId }) => {
    const va = a.answers[questionId] ?? null;
    const vb = b.answers[questionId] ?? null;
    return { questionId, sectionId, a: va, b: vb, changed: !same(va, vb) };
  });
  const head = (x: AssessmentForCompare) => ({
    id: x.id,
    assessedOn: x.assessedOn,
    questionnaireVersion: x.questionnaireVersion,
  });
  return { a: head(a), b: head(b), domains, questions };
}
