/** Closing the path with the ISTAT outcome, and reopening it; both ask for confirmation. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { CLOSURE_OUTCOMES, todayIso } from '../../cases/codes.ts';
import { useOptions } from '../../cases/options.ts';
import { apiErrorText, fieldMessage, isConflict } from '../../forms/api-errors.ts';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useCase } from './case-context.ts';

type Step = 'idle' | 'form' | 'confirm';

export function ClosureSection() {
  const { t, date, label } = useI18n();
  const options = useOptions();
  const { c, setCase, reload, may } = useCase();
  const [step, setStep] = useState<Step>('idle');
  const [closedOn, setClosedOn] = useState(todayIso);
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useVersionedForm();
  const confirmRef = useRef<HTMLElement>(null);
  const k = t.closure;

  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
    if (step === 'form') document.getElementById('closure-date')?.focus();
  }, [step]);

  function check(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!closedOn) list.push({ field: 'closure-date', message: fieldMessage(k.closedOn, t.validation.required) });
    else if (closedOn > todayIso())
      list.push({ field: 'closure-date', message: fieldMessage(k.closedOn, t.validation.future) });
    else if (closedOn < c.takenInChargeOn)
      list.push({ field: 'closure-date', message: fieldMessage(k.closedOn, t.validation.beforeTakenInCharge) });
    if (!outcome) list.push({ field: 'closure-outcome', message: fieldMessage(k.outcome, t.validation.required) });
    if (list.length) return form.fail(list);
    form.clear();
    setStep('confirm');
  }

  async function send(path: 'closure' | 'reopen') {
    const request = { params: { id: c.id }, headers: ifMatch(c.version) };
    const sent = await form.submit(
      () =>
        path === 'closure'
          ? api.post('/cases/:id/closure', { ...request, body: { closedOn, outcome } })
          : api.post('/cases/:id/reopen', { ...request, body: reason.trim() ? { reason: reason.trim() } : {} }),
      (err) => [
        err instanceof ApiError && err.status === 400 && err.fields.some((f) => f.field === 'closedOn')
          ? { field: 'closure-date', message: fieldMessage(k.closedOn, t.validation.invalid) }
          : { message: apiErrorText(err, t) },
      ],
    );
    if (!sent.ok) {
      setStep(path === 'closure' ? 'form' : 'idle');
      if (isConflict(sent.error)) reload();
      return;
    }
    setCase(sent.value);
    setStep('idle');
    setReason('');
    setDone(path === 'closure' ? k.closed : k.reopened);
  }

  const confirmBox = (text: string, yes: string, onYes: () => void, extra?: JSX.Element) => (
    <section ref={confirmRef} tabIndex={-1} className="alert alert-warning confirm-box" aria-labelledby="confirm-text">
      <p id="confirm-text">{text}</p>
      {extra}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={form.busy} onClick={onYes}>
          {yes}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => setStep(c.status === 'open' ? 'form' : 'idle')}
        >
          {k.no}
        </button>
      </div>
    </section>
  );

  return (
    <section className="block-gap" aria-labelledby="closure-title">
      <h2 id="closure-title">{k.title}</h2>
      {done ? <FocusNotice kind="success">{done}</FocusNotice> : null}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {c.status === 'closed' ? (
        <p>
          {fmt(k.closedText, { date: date(c.closedOn), outcome: label('closureOutcomes', c.closureOutcome ?? '') })}{' '}
          {c.eligibility.windowEndsOn ? fmt(k.windowText, { date: date(c.eligibility.windowEndsOn) }) : null}
        </p>
      ) : (
        <p>{k.openText}</p>
      )}
      {may('reopen') && step === 'idle' ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => setStep('confirm')}>
          {k.reopen}
        </button>
      ) : null}
      {c.status === 'closed' && step === 'confirm'
        ? confirmBox(
            fmt(k.confirmReopen, { code: c.code }),
            k.yesReopen,
            () => void send('reopen'),
            <TextField
              id="reopen-reason"
              label={k.reason}
              hint={k.reasonHint}
              maxLength={300}
              value={reason}
              onValueChange={setReason}
            />,
          )
        : null}
      {may('close') && step === 'idle' ? (
        <button type="button" className="btn btn-outline-danger" onClick={() => setStep('form')}>
          {k.close}
        </button>
      ) : null}
      {c.status === 'open' && step === 'form' ? (
        <form noValidate onSubmit={check}>
          <p>{k.formIntro}</p>
          <TextField
            id="closure-date"
            type="date"
            label={k.closedOn}
            max={todayIso()}
            value={closedOn}
            onValueChange={setClosedOn}
            error={form.err('closure-date')}
          />
          <SelectField
            id="closure-outcome"
            label={k.outcome}
            value={outcome}
            onValueChange={setOutcome}
            options={options('closureOutcomes', CLOSURE_OUTCOMES, k.chooseOutcome)}
            error={form.err('closure-outcome')}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {k.close}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setStep('idle')}>
              {t.common.cancel}
            </button>
          </div>
        </form>
      ) : null}
      {c.status === 'open' && step === 'confirm'
        ? confirmBox(
            fmt(k.confirmClose, { code: c.code, date: date(closedOn), outcome: label('closureOutcomes', outcome) }),
            k.yesClose,
            () => void send('closure'),
          )
        : null}
    </section>
  );
}
