/**
 * The women's anonymous feedback form (/parere/<token>): its questions and the answers each one
 * allows. Fixed lists only, no free text: the answers are counted in the observatory, and a
 * sentence of her own could name her.
 */
export const FEEDBACK_QUESTIONS = ['listened', 'referral_helped', 'plan_own', 'missing'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

export const FEEDBACK_ANSWERS = {
  listened: ['yes', 'partly', 'no'],
  referral_helped: ['yes', 'partly', 'no', 'not_referred'],
  plan_own: ['yes', 'partly', 'no'],
  // several may be ticked
  missing: ['work', 'housing', 'childcare', 'income', 'legal', 'health', 'time', 'nothing'],
} as const satisfies Record<FeedbackQuestion, readonly string[]>;

export type FeedbackAnswer<Q extends FeedbackQuestion> = (typeof FEEDBACK_ANSWERS)[Q][number];

/** Questions with one answer (radio buttons); the others take several (check boxes). */
export const MULTIPLE: ReadonlySet<FeedbackQuestion> = new Set(['missing']);

/** A form's fields → 'question:answer' pairs, only known codes; null when nothing valid was answered. */
export function parseFeedback(body: Record<string, unknown>): string[] | null {
  const pairs: string[] = [];
  for (const q of FEEDBACK_QUESTIONS) {
    const raw = body[q];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    const allowed = FEEDBACK_ANSWERS[q] as readonly string[];
    const chosen = [...new Set(values.filter((v) => allowed.includes(v)))];
    if (!MULTIPLE.has(q) && chosen.length > 1) return null;
    // "nothing is missing" excludes the rest
    if (q === 'missing' && chosen.includes('nothing') && chosen.length > 1) return null;
    for (const a of chosen) pairs.push(`${q}:${a}`);
  }
  return pairs.length ? pairs : null;
}
