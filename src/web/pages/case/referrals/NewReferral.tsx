/** Sending a referral, in four steps: destination, share set, preview, send (idempotent on retry). */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../../api.ts';
import { apiErrorText } from '../../../forms/api-errors.ts';
import { useFocusOnChange } from '../../../forms/useFocusOnChange.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Loading, ResourceState } from '../../../components/Loading.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { newIdempotencyKey } from '../../../referrals/codes.ts';
import type { Preview } from '../../../referrals/types.ts';
import { useApi } from '../../../useApi.ts';
import { StepIndicator } from '../../intake/StepIndicator.tsx';
import { useCase } from '../case-context.ts';
import { DestinationStep } from './DestinationStep.tsx';
import { ConfirmStep, PreviewStep } from './PreviewStep.tsx';
import {
  actionFor,
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
import { ProcedureInForce } from '../../procedures/ProcedureInForce.tsx';

export function NewReferral() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { c, may } = useCase();
  const editable = may('send_referral');
  const destinations = useApi('/cases/:id/referral-destinations', editable ? { params: { id: c.id } } : null);
  const plan = useApi('/cases/:id/plan', editable ? { params: { id: c.id } } : null);
  const goals = plan.data?.goals ?? [];
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(undefined));
  const recipient = recipientOf(draft, destinations.data);
  const recipientType = recipient
    ? ([...(destinations.data?.suggestions ?? []), ...(destinations.data?.organisations ?? [])].find(
        (o) => o.id === recipient.id,
      )?.type ?? null)
    : null;
  const checkQuery =
    recipient && draft.purpose ? { recipientOrganisationId: recipient.id, purpose: draft.purpose } : null;
  const check = useApi('/cases/:id/referral-check', checkQuery && { params: { id: c.id }, query: checkQuery });
  const current = checkQuery && !check.loading && !check.error ? check.data : undefined;
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const form = useVersionedForm();
  const idempotency = useRef<{ key: string; body: string } | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const w = t.referralNew;
  const steps = [w.steps.destination, w.steps.share, w.steps.preview, w.steps.send];
  const fieldLabel = (f: string) => label('shareFields', f);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // The strongest suggestion is the first choice (with its one open plan action), once both are known.
  useEffect(() => {
    if (!destinations.data || !plan.data) return;
    const choice = destinations.data.suggestions[0]?.id ?? 'other';
    const goals = plan.data.goals;
    setDraft((d) => ({ ...d, choice, planActionId: choice === 'other' ? '' : actionFor(goals, choice) }));
  }, [destinations.data, plan.data]);
  // Keep only what the consents (re)checked for this recipient and purpose allow.
  useEffect(() => {
    if (current)
      setDraft((d) => ({
        ...d,
        fields: d.fields.filter((f) => current.fields.some((o) => o.field === f && o.allowed)),
      }));
  }, [current]);
  useFocusOnChange(stepHeading, step);

  const goTo = (next: number) => {
    form.clear();
    setStep(next);
  };

  /** The words for a refusal: the fields it names, on their step, or one message. */
  const explain = (err: unknown) =>
    isClientError(err) && err.fields.length
      ? serverErrors(err, draft, t, fieldLabel).errors
      : [
          {
            message: step === 3 && !(err instanceof ApiError && err.status < 500) ? w.sendFailed : apiErrorText(err, t),
          },
        ];

  /** After a refusal: back to the step of the fields it names (rechecking the consents), or a fresh key. */
  function refused(err: unknown) {
    if (isClientError(err) && err.fields.length) {
      check.reload();
      setStep(serverErrors(err, draft, t, fieldLabel).step);
    } else if (err instanceof ApiError && err.code === 'idempotency_key_reused') idempotency.current = null;
  }

  async function next() {
    if (!recipient) return;
    const body = bodyOf(c.id, draft, recipient.id);
    if (step === 1) {
      const shown = await form.submit(() => api.post('/referrals/preview', { body }), explain);
      if (!shown.ok) return refused(shown.error);
      setPreview(shown.value);
      return goTo(2);
    }
    const json = JSON.stringify(body);
    if (idempotency.current?.body !== json) idempotency.current = { key: newIdempotencyKey(), body: json };
    const key = idempotency.current.key;
    const sent = await form.submit(
      () => api.post('/referrals', { body, headers: { 'Idempotency-Key': key } }),
      explain,
    );
    if (!sent.ok) return refused(sent.error);
    navigate(`/percorsi/${encodeURIComponent(c.id)}/invii`, { state: { sentTo: recipient.name } });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    if (step === 0) {
      const list = checkDestination(draft, destinations.data, t);
      if (!form.check(list)) return;
      if (check.error) return form.fail([{ message: apiErrorText(check.error, t) }]);
      return goTo(1);
    }
    if (step === 1) {
      const list = checkShare(draft, current, t, fieldLabel);
      if (!form.check(list)) return;
    }
    if (step === 2) return goTo(3);
    void next();
  }

  if (!editable) return <Notice kind="warning">{w.notEditable}</Notice>;
  if (!destinations.data || !plan.data)
    return <ResourceState loading={destinations.loading || plan.loading} error={destinations.error ?? plan.error} />;
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
          <DestinationStep
            draft={draft}
            set={set}
            destinations={destinations.data}
            goals={goals}
            check={current}
            err={form.err}
          />
        ) : null}
        {/* net-control: the shared procedure in force for this type of recipient */}
        {step === 0 ? <ProcedureInForce type={recipientType} /> : null}
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
        {form.busy ? <Loading /> : null}
        <div className="form-actions stepper-actions">
          {step > 0 ? (
            <button type="button" className="btn btn-outline-primary" onClick={() => goTo(step - 1)}>
              {t.intake.back}
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {step === 3 ? w.submit : t.intake.next}
          </button>
        </div>
      </form>
    </>
  );
}
