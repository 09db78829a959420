import type { CaseTexts } from '../cases/case-text.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { QUESTIONS } from './questionnaire.ts';

/** Questions whose answer is free text (any version): sealed apart from the coded answers. */
const isText = (id: string) => QUESTIONS.get(id)?.type === 'text';

/** The coded answers (stored as they are, read by SQL and the scoring) and the text ones (sealed). */
export function splitTextAnswers(answers: Record<string, unknown>): {
  coded: Record<string, unknown>;
  texts: Record<string, unknown>;
} {
  const coded: Record<string, unknown> = {};
  const texts: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(answers)) (isText(id) ? texts : coded)[id] = value;
  return { coded, texts };
}

/** The sealed text answers, or null when there are none. */
export function sealTextAnswers(t: CaseTexts, texts: Record<string, unknown>): string | null {
  return Object.keys(texts).length ? t.seal('needs.text_answers', JSON.stringify(texts)) : null;
}

/** Coded and text answers back together, as they were given. */
export function joinTextAnswers(t: CaseTexts | null, coded: unknown, sealed: string | null): Answers {
  const answers = { ...(coded as Answers) };
  if (sealed && t)
    Object.assign(answers, JSON.parse(t.open('needs.text_answers', sealed)) as Record<string, AnswerValue>);
  return answers;
}
