/**
 * Taking a woman in charge, in six steps: dates, her profile, violence and risk, identity
 * (optional), safe contact, review. What she types is kept as a sealed draft (useDraft) with the
 * step she is on, so a reload or a lost connection loses nothing; leaving with changes not yet
 * saved asks first.
 */
import { BlankFormLink } from '../BlankFormLink.tsx';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../api.ts';
import { todayIso } from '../../cases/codes.ts';
import {
  checkIdentity,
  checkSafeContact,
  emptyIdentity,
  emptySafeContact,
  type IdentityKey,
} from '../../cases/contact-model.ts';
import { DateFields } from '../../cases/fields/DateFields.tsx';
import { IdentityFields } from '../../cases/fields/IdentityFields.tsx';
import { ProfileFields } from '../../cases/fields/ProfileFields.tsx';
import { SafeContactFields } from '../../cases/fields/SafeContactFields.tsx';
import { checkDates, checkProfile, emptyProfile, type ProfileKey } from '../../cases/profile-model.ts';
import { useFocusOnChange } from '../../forms/useFocusOnChange.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { RadioGroup } from '../../components/Choice.tsx';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { DraftRestored, DraftStatus } from '../../forms/DraftStatus.tsx';
import { LeaveGuard } from '../../forms/LeaveGuard.tsx';
import { useDraft } from '../../forms/useDraft.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { errorsByStep, type IntakeDraft, intakeBody, P, PI, PS, STEP } from './intake-submit.ts';
import { ReviewStep } from './ReviewStep.tsx';
import { StepIndicator } from './StepIndicator.tsx';

/** The controls of the violence-and-risk step (its client checks are shown there). */
const SITUATION_IDS = ['violenceTypes', 'authorRelationships', 'riskTool', 'riskLevel', 'riskAssessedOn'].map(
  (k) => `${P}${k}`,
);

export function IntakePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [taken, setTaken] = useState(todayIso);
  const [profile, setProfile] = useState(emptyProfile);
  const [anonymous, setAnonymous] = useState(true);
  const [identity, setIdentity] = useState(emptyIdentity);
  const [contact, setContact] = useState(emptySafeContact);
  const [pending, setPending] = useState(new Map<number, SummaryError[]>());
  const form = useVersionedForm();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const s = t.intake.steps;
  const steps = [s.dates, s.profile, s.situation, s.identity, s.contact, s.review];
  const last = STEP.review;
  const draft = useDraft<IntakeDraft>('intake', {
    value: { step, taken, profile, anonymous, identity, contact },
    onRestore: (d) => {
      setStep(Math.min(Math.max(0, Number(d.step) || 0), last));
      setTaken(d.taken ?? todayIso());
      setProfile({ ...emptyProfile(), ...d.profile });
      setAnonymous(d.anonymous !== false);
      setIdentity({ ...emptyIdentity(), ...d.identity });
      setContact({ ...emptySafeContact(), ...d.contact });
    },
  });
  const startAgain = () => {
    setStep(0);
    setTaken(todayIso());
    setProfile(emptyProfile());
    setAnonymous(true);
    setIdentity(emptyIdentity());
    setContact(emptySafeContact());
    setPending(new Map());
    form.clear();
  };

  // Focus the step's heading when the step changes (not on arrival: the page title has it then).
  useFocusOnChange(stepHeading, step);

  const setP = (k: ProfileKey, v: string | string[]) => setProfile((p) => ({ ...p, [k]: v }));
  const setI = (k: IdentityKey, v: string) => setIdentity((p) => ({ ...p, [k]: v }));

  function goTo(next: number) {
    const waiting = pending.get(next);
    if (waiting?.length) form.fail(waiting);
    else form.clear();
    setStep(next);
  }

  function check(at: number): SummaryError[] {
    const today = todayIso();
    const situation = (e: SummaryError) => SITUATION_IDS.includes(e.field ?? '');
    if (at === STEP.dates) return checkDates(profile, taken, today, t, P, true);
    if (at === STEP.person) return checkProfile(profile, today, t, P).filter((e) => !situation(e));
    if (at === STEP.situation) return checkProfile(profile, today, t, P).filter(situation);
    if (at === STEP.identity) return anonymous ? [] : checkIdentity(identity, today, t, PI);
    if (at === STEP.contact) return checkSafeContact(contact, t, PS);
    return [];
  }

  async function submit() {
    for (let i = 0; i < last; i++) {
      const list = check(i);
      if (list.length) {
        setStep(i);
        return form.fail(list);
      }
    }
    const created = await form.submit(
      () => api.post('/cases', { body: intakeBody({ taken, profile, anonymous, identity, contact }) }),
      (err) => {
        if (!(err instanceof ApiError && err.status === 400 && err.fields.length)) return undefined;
        const groups = errorsByStep(err, t);
        return groups.get(Math.min(...groups.keys())) ?? [];
      },
    );
    if (created.ok) {
      // the server deleted the draft with the submission
      draft.submitted();
      navigate(`/percorsi/${encodeURIComponent(created.value.id)}/profilo`, { state: { created: true } });
      return;
    }
    const err = created.error;
    if (err instanceof ApiError && err.status === 400 && err.fields.length) {
      // The refused fields wait on their steps; the first of them is shown now.
      const groups = errorsByStep(err, t);
      setPending(groups);
      setStep(Math.min(...groups.keys()));
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (step === last) return void submit();
    const list = check(step);
    if (!form.check(list)) return;
    setPending((m) => new Map([...m].filter(([k]) => k !== step)));
    goTo(step + 1);
  }

  return (
    <>
      <p>
        <Link to="/percorsi">{t.caseload.backToList}</Link>
      </p>
      <PageTitle title={`${steps[step]} — ${t.intake.title}`}>{t.intake.title}</PageTitle>
      <p className="lead-text">{t.intake.intro}</p>
      <BlankFormLink form="intake" />
      <StepIndicator steps={steps} current={step} />
      <LeaveGuard unsaved={draft.unsavedNow} onSave={draft.flush} />
      {draft.ready ? null : <Loading />}
      {draft.ready ? <DraftRestored draft={draft} onDiscard={() => void draft.discard(startAgain)} /> : null}
      {draft.ready ? (
        <form noValidate onSubmit={onSubmit} className="stepper-form">
          <h2 ref={stepHeading} tabIndex={-1} className="h3 step-heading">
            {fmt(t.intake.stepOf, { n: step + 1, total: steps.length })}: {steps[step]}
          </h2>
          <ErrorSummary errors={form.errors} attempt={form.attempt} />
          {step === STEP.dates ? (
            <DateFields
              prefix={P}
              values={profile}
              set={setP}
              err={form.err}
              taken={{ value: taken, onChange: setTaken }}
            />
          ) : null}
          {step === STEP.person ? (
            <ProfileFields prefix={P} values={profile} set={setP} err={form.err} part="person" />
          ) : null}
          {step === STEP.situation ? (
            <ProfileFields prefix={P} values={profile} set={setP} err={form.err} part="situation" />
          ) : null}
          {step === STEP.identity ? (
            <>
              <Notice kind="info">{t.intake.identityNote}</Notice>
              <RadioGroup
                id="intake-anonymous"
                legend={t.intake.identityChoice}
                value={anonymous ? 'anonymous' : 'identified'}
                onChange={(v) => setAnonymous(v === 'anonymous')}
                options={[
                  { value: 'anonymous', label: t.intake.anonymous },
                  { value: 'identified', label: t.intake.identified },
                ]}
              />
              {anonymous ? null : <IdentityFields prefix={PI} values={identity} set={setI} err={form.err} />}
            </>
          ) : null}
          {step === STEP.contact ? (
            <>
              <p>{t.intake.contactIntro}</p>
              <SafeContactFields prefix={PS} values={contact} onChange={setContact} err={form.err} />
            </>
          ) : null}
          {step === STEP.review ? (
            <ReviewStep
              taken={taken}
              profile={profile}
              anonymous={anonymous}
              identity={identity}
              contact={contact}
              steps={steps}
              goTo={goTo}
            />
          ) : null}
          <div className="form-actions stepper-actions">
            {step > 0 ? (
              <button type="button" className="btn btn-outline-primary" onClick={() => goTo(step - 1)}>
                {t.intake.back}
              </button>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={form.busy}>
              {step === last ? t.intake.submit : t.intake.next}
            </button>
          </div>
          <DraftStatus draft={draft} />
        </form>
      ) : null}
    </>
  );
}
