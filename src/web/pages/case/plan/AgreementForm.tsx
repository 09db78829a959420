/** Records her agreement to one saved version of the plan: the date and how (signed or verbal). */
import { type FormEvent, useState } from 'react';
import { api } from '../../../api.ts';
import { AGREEMENT_METHODS, todayIso } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { Plan, PlanVersionSummary } from '../../../cases/types.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { FormActions } from '../../../forms/FormActions.tsx';

interface Props {
  versions: PlanVersionSummary[];
  current: number;
  onAgreed: (plan: Plan) => void;
}

export function AgreementForm({ versions, current, onAgreed }: Props) {
  const { t, dateTime } = useI18n();
  const { c } = useCase();
  const options = useOptions();
  const open = versions.filter((v) => !v.agreed);
  const [version, setVersion] = useState(String(current));
  const [agreedOn, setAgreedOn] = useState(todayIso);
  const [method, setMethod] = useState('');
  const form = useVersionedForm({
    target: (f) =>
      ({
        version: { id: 'agree-version', label: t.plan.agreeVersion },
        agreedOn: { id: 'agree-date', label: t.plan.agreedOn },
        method: { id: 'agree-method', label: t.plan.agreeMethod },
      })[f] ?? null,
  });
  const p = t.plan;
  const chosen = open.some((v) => String(v.version) === version) ? version : String(open[0]?.version ?? '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!chosen) list.push({ field: 'agree-version', message: fieldMessage(p.agreeVersion, t.validation.required) });
    if (!agreedOn) list.push({ field: 'agree-date', message: fieldMessage(p.agreedOn, t.validation.required) });
    else if (agreedOn > todayIso())
      list.push({ field: 'agree-date', message: fieldMessage(p.agreedOn, t.validation.future) });
    if (!method) list.push({ field: 'agree-method', message: fieldMessage(p.agreeMethod, t.validation.required) });
    if (!form.check(list)) return;
    const agreed = await form.submit(() =>
      api.post('/cases/:id/plan/agreement', {
        params: { id: c.id },
        body: { version: Number(chosen), agreedOn, method },
      }),
    );
    if (!agreed.ok) return;
    setMethod('');
    onAgreed(agreed.value);
  }

  if (!open.length) return null;
  return (
    <section className="block-gap" aria-labelledby="agree-title">
      <h3 id="agree-title">{p.agreeTitle}</h3>
      <p>{p.agreeIntro}</p>
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={form.errors} attempt={form.attempt} />
        <div className="row">
          <div className="col-md-6">
            <SelectField
              id="agree-version"
              label={p.agreeVersion}
              value={chosen}
              onValueChange={setVersion}
              options={open.map((v) => ({
                value: String(v.version),
                label: fmt(p.versionOption, { n: v.version, date: dateTime(v.changedAt) }),
              }))}
              error={form.err('agree-version')}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="agree-date"
              type="date"
              label={p.agreedOn}
              max={todayIso()}
              value={agreedOn}
              onValueChange={setAgreedOn}
              error={form.err('agree-date')}
            />
          </div>
        </div>
        <RadioGroup
          id="agree-method"
          legend={p.agreeMethod}
          inline
          value={method}
          onChange={setMethod}
          options={options('agreementMethods', AGREEMENT_METHODS)}
          error={form.err('agree-method')}
        />
        <FormActions busy={form.busy} submitLabel={p.agreeSubmit} />
      </form>
    </section>
  );
}
