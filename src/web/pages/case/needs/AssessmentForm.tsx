/** A new needs analysis, generated from the questionnaire: one fieldset per section. */
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import { todayIso } from '../../../cases/codes.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { Assessment, Questionnaire } from '../../../cases/types.ts';
import { ErrorSummary, type SummaryError } from '../../../components/ErrorSummary.tsx';
import { TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { type Draft, QuestionField, qid, toAnswers, toDraft } from './QuestionField.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { DraftRestored, DraftStatus } from '../../../forms/DraftStatus.tsx';
import { LeaveGuard } from '../../../forms/LeaveGuard.tsx';
import { useDraft } from '../../../forms/useDraft.ts';
import { ResourceState } from '../../../components/Loading.tsx';
import type { ResponseOf } from '../../../api-contract.ts';
import { useApi } from '../../../useApi.ts';

interface Props {
  questionnaire: Questionnaire;
  previous: Assessment | undefined;
  onSaved: (a: Assessment) => void;
  onCancel: () => void;
}

/** Waits for what the case already knows (profile, last analysis), then shows the form prefilled with it. */
export function AssessmentForm(props: Props) {
  const { c } = useCase();
  const prefill = useApi('/cases/:id/needs-assessments/prefill', { params: { id: c.id } });
  if (!prefill.data) return <ResourceState loading={prefill.loading} error={prefill.error} />;
  return <AssessmentFormBody {...props} prefill={prefill.data} />;
}

type Prefill = ResponseOf<'GET', '/cases/:id/needs-assessments/prefill'>;

function AssessmentFormBody({ questionnaire, onSaved, onCancel, prefill }: Props & { prefill: Prefill }) {
  const { t, lang, date } = useI18n();
  const { c } = useCase();
  const [draft, setDraft] = useState<Draft>(() => toDraft(prefill.answers));
  const [assessedOn, setAssessedOn] = useState(todayIso);
  // what she answered so far is kept as a sealed draft of this case's analysis
  const saved = useDraft<{ assessedOn: string; answers: Draft }>('needs_assessment', {
    caseId: c.id,
    value: { assessedOn, answers: draft },
    onRestore: (d) => {
      setAssessedOn(d.assessedOn || todayIso());
      setDraft(d.answers ?? {});
    },
  });
  const fromProfile = Object.values(prefill.sources).includes('profile');
  const form = useVersionedForm({
    target: (f) => {
      if (f === 'assessedOn') return { id: 'needs-assessedOn', label: t.needs.assessedOn };
      const q = questionnaire.sections.flatMap((s) => s.questions).find((x) => `answers.${x.id}` === f);
      return q ? { id: qid(q.id), label: q.label[lang] } : null;
    },
  });
  const questions = questionnaire.sections.flatMap((s) => s.questions);
  const n = t.needs;

  useEffect(() => {
    if (saved.ready) document.getElementById('needs-assessedOn')?.focus();
  }, [saved.ready]);

  function check(): SummaryError[] {
    const out: SummaryError[] = [];
    if (!assessedOn)
      out.push({ field: 'needs-assessedOn', message: fieldMessage(n.assessedOn, t.validation.required) });
    else if (assessedOn > todayIso())
      out.push({ field: 'needs-assessedOn', message: fieldMessage(n.assessedOn, t.validation.future) });
    else if (assessedOn < (c.firstContactOn ?? c.intakeOn ?? c.takenInChargeOn))
      out.push({ field: 'needs-assessedOn', message: fieldMessage(n.assessedOn, t.validation.beforeFirstContact) });
    for (const q of questions) {
      const v = draft[q.id];
      if (q.type === 'integer' && typeof v === 'string' && v !== '') {
        const x = Number(v);
        if (!Number.isInteger(x) || x < (q.min ?? 0) || x > (q.max ?? 0))
          out.push({ field: qid(q.id), message: fieldMessage(q.label[lang], t.validation.format) });
      }
    }
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = check();
    if (!form.check(list)) return;
    const body = { questionnaireVersion: questionnaire.version, assessedOn, answers: toAnswers(questions, draft) };
    const done = await form.submit(() => api.post('/cases/:id/needs-assessments', { params: { id: c.id }, body }));
    if (done.ok) {
      // the server deleted the draft with the analysis
      saved.submitted();
      onSaved(done.value);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="needs-form-title">
      <h3 id="needs-form-title">{n.formTitle}</h3>
      <p>{prefill.previousAssessedOn ? `${n.prefilled} ${date(prefill.previousAssessedOn)}.` : n.formIntro}</p>
      {fromProfile ? <p>{n.prefilledProfile}</p> : null}
      <LeaveGuard unsaved={saved.unsavedNow} onSave={saved.flush} />
      {saved.ready ? (
        <DraftRestored
          draft={saved}
          onDiscard={() =>
            void saved.discard(() => {
              setDraft(toDraft(prefill.answers));
              setAssessedOn(todayIso());
            })
          }
        />
      ) : null}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <TextField
        id="needs-assessedOn"
        type="date"
        label={n.assessedOn}
        max={todayIso()}
        value={assessedOn}
        onValueChange={setAssessedOn}
        error={form.err('needs-assessedOn')}
      />
      {questionnaire.sections.map((s) => (
        <fieldset key={s.id} className="form-group-block">
          <legend className="h5">{s.label[lang]}</legend>
          {s.questions.map((q) => (
            <QuestionField
              key={q.id}
              q={q}
              value={draft[q.id]}
              onChange={(v) => setDraft((d) => ({ ...d, [q.id]: v }))}
              error={form.err(qid(q.id))}
            />
          ))}
        </fieldset>
      ))}
      <FormActions busy={form.busy} submitLabel={n.submit} onCancel={onCancel} />
      <DraftStatus draft={saved} />
    </form>
  );
}
