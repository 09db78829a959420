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

interface Props {
  questionnaire: Questionnaire;
  previous: Assessment | undefined;
  onSaved: (a: Assessment) => void;
  onCancel: () => void;
}

export function AssessmentForm({ questionnaire, previous, onSaved, onCancel }: Props) {
  const { t, lang, date } = useI18n();
  const { c } = useCase();
  const sameVersion = previous?.questionnaireVersion === questionnaire.version;
  const [draft, setDraft] = useState<Draft>(() => (previous && sameVersion ? toDraft(previous.answers) : {}));
  const [assessedOn, setAssessedOn] = useState(todayIso);
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
    document.getElementById('needs-assessedOn')?.focus();
  }, []);

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
    const saved = await form.submit(() => api.post('/cases/:id/needs-assessments', { params: { id: c.id }, body }));
    if (saved.ok) onSaved(saved.value);
  }

  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="needs-form-title">
      <h3 id="needs-form-title">{n.formTitle}</h3>
      <p>{previous && sameVersion ? `${n.prefilled} ${date(previous.assessedOn)}.` : n.formIntro}</p>
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
    </form>
  );
}
