/** The steps the caller may take now (allowedActions), each with the small form it needs; If-Match on every step. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useOptions } from '../../cases/options.ts';
import { apiErrorText, fieldMessage } from '../../forms/api-errors.ts';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { COMPLETION_OUTCOMES, DECLINE_REASONS } from '../../referrals/codes.ts';
import type { ReferralDetail, TransitionOut } from '../../referrals/types.ts';
import { ReportForm } from './ReportForm.tsx';

export type TransitionBody = { action: string } & Record<string, unknown>;
/** Steps taken at once, without a form. */
const DIRECT: readonly string[] = ['accept', 'start'];

interface Props {
  d: ReferralDetail;
  onDone: (out: TransitionOut, action: string) => void;
  /** Read the referral again (after a conflict). */
  onStale: () => void;
}

export function ReferralActions({ d, onDone, onStale }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const [open, setOpen] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const form = useVersionedForm();
  const a = t.referralActions;
  const sentOn = d.sentAt.slice(0, 10);

  useEffect(() => {
    if (open)
      document
        .getElementById(open === 'withdraw' ? 'act-confirm' : open === 'report' ? 'report-kind' : `act-${open}`)
        ?.focus();
  }, [open]);

  async function run(body: TransitionBody, fieldOf: (f: string) => SummaryError | null = () => null) {
    const out = await form.submit(
      () => api.post('/referrals/:id/transitions', { params: { id: d.id }, body, headers: ifMatch(d.version) }),
      (err) => {
        if (err instanceof ApiError && err.status === 409)
          return [{ message: err.code === 'illegal_transition' ? a.illegal : t.validation.conflict }];
        if (err instanceof ApiError && err.status === 400 && err.fields.length)
          return err.fields.map((f) => fieldOf(f.field) ?? { message: fieldMessage(f.field, t.validation.invalid) });
        return [{ message: apiErrorText(err, t) }];
      },
    );
    if (!out.ok) {
      if (out.error instanceof ApiError && out.error.status === 409) onStale();
      return;
    }
    setOpen(null);
    setValue('');
    onDone(out.value, body.action);
  }

  function submitSimple(e: FormEvent) {
    e.preventDefault();
    if (!open) return;
    const id = `act-${open}`;
    const name = open === 'decline' ? a.declineReason : open === 'book' ? a.appointmentOn : a.completionOutcome;
    if (open !== 'withdraw' && !value)
      return form.fail([{ field: id, message: fieldMessage(name, t.validation.required) }]);
    if (open === 'book' && value < sentOn) return form.fail([{ field: id, message: fieldMessage(name, a.beforeSent) }]);
    const key = open === 'decline' ? 'declineReason' : open === 'book' ? 'appointmentOn' : 'completionOutcome';
    void run(open === 'withdraw' ? { action: open } : { action: open, [key]: value }, (f) =>
      f === key ? { field: id, message: fieldMessage(name, t.validation.invalid) } : null,
    );
  }

  if (!d.allowedActions.length) return null;
  const start = (action: string) => {
    form.clear();
    if (DIRECT.includes(action)) return void run({ action });
    setValue(action === 'book' ? (d.appointmentOn ?? '') : '');
    setOpen(action);
  };
  const label = (action: string) => (a.buttons as Record<string, string>)[action] ?? action;

  return (
    <section aria-labelledby="referral-actions-title" className="block-gap">
      <h2 id="referral-actions-title">{a.title}</h2>
      {!open ? <ErrorSummary errors={form.errors} attempt={form.attempt} /> : null}
      <div className="form-actions">
        {d.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            className={`btn ${action === 'decline' || action === 'withdraw' ? 'btn-outline-danger' : DIRECT.includes(action) ? 'btn-primary' : 'btn-outline-primary'}`}
            disabled={form.busy}
            aria-expanded={DIRECT.includes(action) ? undefined : open === action}
            onClick={() => start(action)}
          >
            {label(action)}
          </button>
        ))}
      </div>
      {open === 'report' ? (
        <ReportForm sentOn={sentOn} busy={form.busy} form={form} onSubmit={run} onCancel={() => setOpen(null)} />
      ) : open ? (
        <form noValidate onSubmit={submitSimple} className="panel-form" aria-labelledby="act-form-title">
          <h3 id="act-form-title" className="h5">
            {label(open)}
          </h3>
          <ErrorSummary errors={form.errors} attempt={form.attempt} />
          {open === 'decline' ? (
            <SelectField
              id="act-decline"
              label={a.declineReason}
              value={value}
              onValueChange={setValue}
              options={options('declineReasons', DECLINE_REASONS, a.choose)}
              error={form.err('act-decline')}
            />
          ) : null}
          {open === 'book' ? (
            <TextField
              id="act-book"
              type="date"
              label={a.appointmentOn}
              min={sentOn}
              value={value}
              onValueChange={setValue}
              error={form.err('act-book')}
            />
          ) : null}
          {open === 'complete' ? (
            <SelectField
              id="act-complete"
              label={a.completionOutcome}
              value={value}
              onValueChange={setValue}
              options={options('completionOutcomes', COMPLETION_OUTCOMES, a.choose)}
              error={form.err('act-complete')}
            />
          ) : null}
          {open === 'withdraw' ? <p>{a.withdrawText}</p> : null}
          <div className="form-actions">
            <button
              id={open === 'withdraw' ? 'act-confirm' : undefined}
              type="submit"
              className={`btn ${open === 'withdraw' || open === 'decline' ? 'btn-danger' : 'btn-primary'}`}
              disabled={form.busy}
            >
              {(a.confirm as Record<string, string>)[open] ?? t.common.save}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(null)}>
              {t.common.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
