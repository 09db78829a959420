/** Sending a referral, in four steps: destination, share set, preview, send (idempotent on retry). */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../../api.ts';
import { apiErrorText } from '../../../forms/api-errors.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Loading, ResourceState } from '../../../components/Loading.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { newIdempotencyKey } from '../../../referrals/codes.ts';
import type { Preview } from '../../../referrals/types.ts';
import { useApi } from '../../../useApi.ts';
import { useFormErrors } from '../../../useFormErrors.ts';
import { StepIndicator } from '../../intake/StepIndicator.tsx';
import { useCase } from '../case-context.ts';
import { DestinationStep } from './DestinationStep.tsx';
import { ConfirmStep, PreviewStep } from './PreviewStep.tsx';
import {
  bodyOf,
  checkDestination,
  checkShare,
  type Draft,
  emptyDraft,
  isClientError,
  recipientOf,
  serverErrors,
} from './referral-draft.ts';
import { ShareStep } from './ShareStep.tsx';

export function NewReferral() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { c, may } = useCase();
  const editable = may('send_referral');
  const destinations = useApi('/cases/:id/referral-destinations');
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(undefined));
  const recipient = recipientOf(draft, destinations.data);
  const checkQuery =
    recipient && draft.purpose ? { recipientOrganisationId: recipient.id, purpose: draft.purpose } : null;
  const check = useApi('/cases/:id/referral-check');
  const current = checkQuery && !check.loading && !check.error ? check.data : undefined;
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const idempotency = useRef<{ key: string; body: string } | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const w = t.referralNew;
  const steps = [w.steps.destination, w.steps.share, w.steps.preview, w.steps.send];
  const fieldLabel = (f: string) => label('shareFields', f);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // The suggested CPI is the first choice, once the destinations are known.
  useEffect(() => {
    if (destinations.data) setDraft((d) => ({ ...d, choice: destinations.data?.suggestedCpi ? 'suggested' : 'other' }));
  }, [destinations.data]);
  // Keep only what the consents (re)checked for this recipient and purpose allow.
  useEffect(() => {
    if (current)
      setDraft((d) => ({
        ...d,
        fields: d.fields.filter((f) => current.fields.some((o) => o.field === f && o.allowed)),
      }));
  }, [current]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: step is the trigger
  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
    moved.current = true;
  }, [step]);

  const goTo = (next: number) => {
    form.clear();
    setStep(next);
  };

  function refused(err: unknown) {
    setBusy(false);
    if (isClientError(err) && err.fields.length) {
      const { step: at, errors } = serverErrors(err, draft, t, fieldLabel);
      check.reload();
      setStep(at);
      return form.fail(errors);
    }
    if (err instanceof ApiError && err.code === 'idempotency_key_reused') idempotency.current = null;
    form.fail([
      { message: step === 3 && !(err instanceof ApiError && err.status < 500) ? w.sendFailed : apiErrorText(err, t) },
    ]);
  }

  async function next() {
    if (!recipient) return;
    const body = bodyOf(c.id, draft, recipient.id);
    setBusy(true);
    try {
      if (step === 1) {
        setPreview(await api.post('/referrals/preview', { body }));
        setBusy(false);
        return goTo(2);
      }
      const json = JSON.stringify(body);
      if (idempotency.current?.body !== json) idempotency.current = { key: newIdempotencyKey(), body: json };
      await api.post('/referrals', { body, headers: { 'Idempotency-Key': idempotency.current.key } });
      navigate(`/percorsi/${encodeURIComponent(c.id)}/invii`, { state: { sentTo: recipient.name } });
    } catch (err) {
      refused(err);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (step === 0) {
      const list = checkDestination(draft, destinations.data, t);
      if (list.length) return form.fail(list);
      if (check.error) return form.fail([{ message: apiErrorText(check.error, t) }]);
      return goTo(1);
    }
    if (step === 1) {
      const list = checkShare(draft, current, t, fieldLabel);
      if (list.length) return form.fail(list);
    }
    if (step === 2) return goTo(3);
    void next();
  }

  if (!editable) return <Notice kind="warning">{w.notEditable}</Notice>;
  if (!destinations.data) return <ResourceState loading={destinations.loading} error={destinations.error} />;
  return (
    <>
      <p>
        <Link to={`/percorsi/${encodeURIComponent(c.id)}/invii`}>{w.back}</Link>
      </p>
      <h2 className="h3">{w.title}</h2>
      <StepIndicator steps={steps} current={step} />
      <form noValidate onSubmit={onSubmit} className="stepper-form" aria-labelledby="ref-step-heading">
        <h3 id="ref-step-heading" ref={stepHeading} tabIndex={-1} className="h4 step-heading">
          {fmt(t.intake.stepOf, { n: step + 1, total: steps.length })}: {steps[step]}
        </h3>
        <ErrorSummary errors={form.errors} attempt={form.attempt} />
        {step === 0 ? (
          <DestinationStep draft={draft} set={set} destinations={destinations.data} check={current} err={form.err} />
        ) : null}
        {step > 0 && !current ? <ResourceState loading={check.loading || !check.error} error={check.error} /> : null}
        {step === 1 && current && recipient ? (
          <ShareStep draft={draft} set={set} check={current} caseId={c.id} recipient={recipient.name} err={form.err} />
        ) : null}
        {step === 2 && current && preview && recipient ? (
          <PreviewStep preview={preview} check={current} recipient={recipient.name} />
        ) : null}
        {step === 3 && current && recipient ? (
          <ConfirmStep draft={draft} check={current} recipient={recipient.name} />
        ) : null}
        {busy ? <Loading /> : null}
        <div className="form-actions stepper-actions">
          {step > 0 ? (
            <button type="button" className="btn btn-outline-primary" onClick={() => goTo(step - 1)}>
              {t.intake.back}
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {step === 3 ? w.submit : t.intake.next}
          </button>
        </div>
      </form>
    </>
  );
}
