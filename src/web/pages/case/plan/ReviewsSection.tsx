/** Reviews of the plan: date and summary, each kept with the plan version it reviewed. */
import { type FormEvent, useState } from 'react';
import { api } from '../../../api.ts';
import { todayIso } from '../../../cases/codes.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { Review } from '../../../cases/types.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { TextArea, TextField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { FormActions } from '../../../forms/FormActions.tsx';

export function ReviewsSection({
  reviews,
  canAdd,
  onAdded,
}: {
  reviews: Review[];
  canAdd: boolean;
  onAdded: () => void;
}) {
  const { t, date } = useI18n();
  const { c } = useCase();
  const [reviewedOn, setReviewedOn] = useState(todayIso);
  const [summary, setSummary] = useState('');
  const form = useVersionedForm({
    target: (f) =>
      ({
        reviewedOn: { id: 'review-date', label: t.plan.reviewedOn },
        summary: { id: 'review-summary', label: t.plan.reviewSummary },
      })[f] ?? null,
  });
  const p = t.plan;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!reviewedOn) list.push({ field: 'review-date', message: fieldMessage(p.reviewedOn, t.validation.required) });
    else if (reviewedOn > todayIso())
      list.push({ field: 'review-date', message: fieldMessage(p.reviewedOn, t.validation.future) });
    if (!summary.trim())
      list.push({ field: 'review-summary', message: fieldMessage(p.reviewSummary, t.validation.required) });
    if (!form.check(list)) return;
    const added = await form.submit(() =>
      api.post('/cases/:id/plan/reviews', { params: { id: c.id }, body: { reviewedOn, summary: summary.trim() } }),
    );
    if (!added.ok) return;
    setSummary('');
    onAdded();
  }

  return (
    <section className="block-gap" aria-labelledby="reviews-title">
      <h3 id="reviews-title">{p.reviewsTitle}</h3>
      {reviews.length ? (
        <ul className="list-unstyled review-list">
          {reviews.map((r) => (
            <li key={r.id}>
              <p className="mb-1 fw-semibold">
                {fmt(p.reviewHead, {
                  date: date(r.reviewedOn),
                  n: r.planVersion,
                  name: r.recordedByName ?? t.common.none,
                })}
              </p>
              <p className="review-summary">{r.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{p.noReviews}</p>
      )}
      {canAdd ? (
        <form noValidate onSubmit={submit} aria-labelledby="review-form-title">
          <h4 id="review-form-title" className="h5">
            {p.addReview}
          </h4>
          <ErrorSummary errors={form.errors} attempt={form.attempt} />
          <TextField
            id="review-date"
            type="date"
            label={p.reviewedOn}
            max={todayIso()}
            value={reviewedOn}
            onValueChange={setReviewedOn}
            error={form.err('review-date')}
          />
          <TextArea
            id="review-summary"
            label={p.reviewSummary}
            hint={p.reviewHint}
            rows={4}
            maxLength={2000}
            value={summary}
            onValueChange={setSummary}
            error={form.err('review-summary')}
            className="field-wide"
          />
          <FormActions busy={form.busy} submitLabel={p.saveReview} />
        </form>
      ) : null}
    </section>
  );
}
