/** Records one retention check: when, whether she still works and, if so, how. */
import type { BodyInput, BodyOf } from '../../../api-contract.ts';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import { CONTRACT_TYPES, todayIso } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { FollowUp } from '../../../cases/types.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { FormActions } from '../../../forms/FormActions.tsx';

export function FollowUpForm({
  followUp,
  onSaved,
  onCancel,
}: {
  followUp: FollowUp;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { c } = useCase();
  const options = useOptions();
  const [doneOn, setDoneOn] = useState(todayIso);
  const [working, setWorking] = useState('');
  const [contractType, setContractType] = useState('');
  const [hours, setHours] = useState('');
  const [same, setSame] = useState('');
  const form = useVersionedForm({ target: (x) => labels[x] ?? null });
  const f = t.followUps;
  const labels: Record<string, { id: string; label: string }> = {
    doneOn: { id: 'fu-doneOn', label: f.doneOnLabel },
    stillWorking: { id: 'fu-stillWorking', label: f.stillWorking },
    contractType: { id: 'fu-contractType', label: f.contractType },
    weeklyHours: { id: 'fu-weeklyHours', label: f.weeklyHours },
    sameEmployer: { id: 'fu-sameEmployer', label: f.sameEmployer },
  };

  useEffect(() => {
    document.getElementById('fu-doneOn')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!doneOn) list.push({ field: 'fu-doneOn', message: fieldMessage(f.doneOnLabel, t.validation.required) });
    else if (doneOn > todayIso())
      list.push({ field: 'fu-doneOn', message: fieldMessage(f.doneOnLabel, t.validation.future) });
    if (!working) list.push({ field: 'fu-stillWorking', message: fieldMessage(f.stillWorking, t.validation.required) });
    if (working === 'yes' && hours && !(/^\d+$/.test(hours) && Number(hours) >= 1 && Number(hours) <= 60)) {
      list.push({ field: 'fu-weeklyHours', message: fieldMessage(f.weeklyHours, t.validation.hours) });
    }
    if (!form.check(list)) return;
    const body: BodyInput<BodyOf<'POST', '/cases/:id/follow-ups/:followUpId'>> = {
      doneOn,
      stillWorking: working === 'yes',
    };
    if (working === 'yes') {
      if (contractType) body.contractType = contractType;
      if (hours) body.weeklyHours = Number(hours);
      if (same) body.sameEmployer = same === 'yes';
    }
    const saved = await form.submit(() =>
      api.post('/cases/:id/follow-ups/:followUpId', { params: { id: c.id, followUpId: followUp.id }, body }),
    );
    if (saved.ok) onSaved();
  }

  const yesNo = [
    { value: 'yes', label: t.common.yes },
    { value: 'no', label: t.common.no },
  ];
  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="fu-title">
      <h4 id="fu-title" className="h5">
        {fmt(f.formTitle, { n: followUp.months })}
      </h4>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <TextField
        id="fu-doneOn"
        type="date"
        label={f.doneOnLabel}
        max={todayIso()}
        value={doneOn}
        onValueChange={setDoneOn}
        error={form.err('fu-doneOn')}
      />
      <RadioGroup
        id="fu-stillWorking"
        legend={f.stillWorking}
        inline
        value={working}
        onChange={setWorking}
        options={yesNo}
        error={form.err('fu-stillWorking')}
      />
      {working === 'yes' ? (
        <>
          <SelectField
            id="fu-contractType"
            label={`${f.contractType} ${t.outcomes.optional}`}
            value={contractType}
            onValueChange={setContractType}
            options={options('contractTypes', CONTRACT_TYPES, t.outcomes.choose)}
            error={form.err('fu-contractType')}
          />
          <TextField
            id="fu-weeklyHours"
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            label={`${f.weeklyHours} ${t.outcomes.optional}`}
            value={hours}
            onValueChange={setHours}
            error={form.err('fu-weeklyHours')}
          />
          <RadioGroup
            id="fu-sameEmployer"
            legend={`${f.sameEmployer} ${t.outcomes.optional}`}
            inline
            value={same}
            onChange={setSame}
            options={yesNo}
            error={form.err('fu-sameEmployer')}
          />
        </>
      ) : null}
      <FormActions busy={form.busy} submitLabel={f.submit} onCancel={onCancel} />
    </form>
  );
}
