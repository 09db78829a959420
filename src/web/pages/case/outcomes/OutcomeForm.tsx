/** Records an outcome of her path; the fields follow the kind (a hire schedules three follow-ups). */
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import {
  ATECO_SECTIONS,
  CONTRACT_TYPES,
  HOUSING_TYPES,
  JOB_LOST_REASONS,
  OUTCOME_KINDS,
  todayIso,
} from '../../../cases/codes.ts';
import { type LabelGroup, useOptions } from '../../../cases/options.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { checkDetails, type DetailKey, detailLabels, detailsBody, emptyDetails, FIELDS } from './outcome-model.ts';
import { FormActions } from '../../../forms/FormActions.tsx';

export function OutcomeForm({ onSaved, onCancel }: { onSaved: (hired: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { c } = useCase();
  const options = useOptions();
  const [kind, setKind] = useState('');
  const [occurredOn, setOccurredOn] = useState(todayIso);
  const [d, setD] = useState(emptyDetails);
  const form = useVersionedForm({
    target: (f) => {
      if (f === 'occurredOn') return { id: 'outcome-occurredOn', label: t.outcomes.occurredOn };
      const k = f.replace(/^details\.?/, '') as DetailKey;
      const L = detailLabels(t);
      return k in L ? { id: `outcome-${k}`, label: L[k] } : { id: 'outcome-kind', label: t.outcomes.kind };
    },
  });
  const o = t.outcomes;
  const L = detailLabels(t);
  const set = (k: DetailKey) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const shows = (k: DetailKey) => FIELDS[kind]?.show.includes(k) ?? false;
  const required = (k: DetailKey) => FIELDS[kind]?.required.includes(k) ?? false;

  useEffect(() => {
    document.getElementById('outcome-kind')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!kind) list.push({ field: 'outcome-kind', message: fieldMessage(o.kind, t.validation.required) });
    if (!occurredOn)
      list.push({ field: 'outcome-occurredOn', message: fieldMessage(o.occurredOn, t.validation.required) });
    else if (occurredOn > todayIso())
      list.push({ field: 'outcome-occurredOn', message: fieldMessage(o.occurredOn, t.validation.future) });
    else if (occurredOn < c.takenInChargeOn)
      list.push({ field: 'outcome-occurredOn', message: fieldMessage(o.occurredOn, t.validation.beforeTakenInCharge) });
    list.push(...checkDetails(kind, d, t));
    if (!form.check(list)) return;
    const saved = await form.submit(() =>
      api.post('/cases/:id/outcomes', {
        params: { id: c.id },
        body: { kind, occurredOn, details: detailsBody(kind, d) },
      }),
    );
    if (saved.ok) onSaved(kind === 'hired');
  }

  const select = (k: DetailKey, group: LabelGroup, codes: readonly string[]) => (
    <SelectField
      id={`outcome-${k}`}
      label={required(k) ? L[k] : `${L[k]} ${o.optional}`}
      value={d[k]}
      onValueChange={set(k)}
      options={options(group, codes, o.choose)}
      error={form.err(`outcome-${k}`)}
    />
  );
  const yesNo = (k: DetailKey) => (
    <RadioGroup
      id={`outcome-${k}`}
      legend={required(k) ? L[k] : `${L[k]} ${o.optional}`}
      inline
      value={d[k]}
      onChange={set(k)}
      options={[
        { value: 'yes', label: t.common.yes },
        { value: 'no', label: t.common.no },
      ]}
      error={form.err(`outcome-${k}`)}
    />
  );
  const number = (k: DetailKey, min: number, max: number) => (
    <TextField
      id={`outcome-${k}`}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      label={required(k) ? L[k] : `${L[k]} ${o.optional}`}
      value={d[k]}
      onValueChange={set(k)}
      error={form.err(`outcome-${k}`)}
    />
  );

  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="outcome-form-title">
      <h3 id="outcome-form-title">{o.formTitle}</h3>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <SelectField
        id="outcome-kind"
        label={o.kind}
        value={kind}
        onValueChange={setKind}
        options={options('outcomeKinds', OUTCOME_KINDS, o.choose)}
        error={form.err('outcome-kind')}
      />
      <TextField
        id="outcome-occurredOn"
        type="date"
        label={o.occurredOn}
        max={todayIso()}
        value={occurredOn}
        onValueChange={setOccurredOn}
        error={form.err('outcome-occurredOn')}
      />
      {kind === 'hired' ? <p className="field-hint">{o.hiredHint}</p> : null}
      {shows('contractType') ? select('contractType', 'contractTypes', CONTRACT_TYPES) : null}
      {shows('weeklyHours') ? number('weeklyHours', 1, 60) : null}
      {shows('sector') ? select('sector', 'atecoSections', ATECO_SECTIONS) : null}
      {shows('certificate') ? yesNo('certificate') : null}
      {shows('courseTitle') ? (
        <TextField
          id="outcome-courseTitle"
          label={`${L.courseTitle} ${o.optional}`}
          hint={o.courseTitleHint}
          maxLength={200}
          value={d.courseTitle}
          onValueChange={set('courseTitle')}
          error={form.err('outcome-courseTitle')}
        />
      ) : null}
      {shows('completed') ? yesNo('completed') : null}
      {shows('reason') ? select('reason', 'jobLostReasons', JOB_LOST_REASONS) : null}
      {shows('housingType') ? select('housingType', 'housingTypes', HOUSING_TYPES) : null}
      {shows('days') ? number('days', 1, 90) : null}
      <FormActions busy={form.busy} submitLabel={o.submit} onCancel={onCancel} />
    </form>
  );
}
