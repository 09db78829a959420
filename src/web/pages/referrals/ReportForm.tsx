/** The recipient reports what happened: kind, date and, for outcomes (course, traineeship, hire), their details. */
import { type FormEvent, useState } from 'react';
import { ATECO_SECTIONS, CONTRACT_TYPES, todayIso } from '../../cases/codes.ts';
import { type LabelGroup, useOptions } from '../../cases/options.ts';
import { fieldMessage } from '../../forms/api-errors.ts';
import { RadioGroup } from '../../components/Choice.tsx';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { REPORT_KINDS } from '../../referrals/codes.ts';
import type { FormState } from '../../forms/useVersionedForm.ts';
import {
  checkDetails,
  type DetailKey,
  detailLabels,
  detailsBody,
  emptyDetails,
  FIELDS,
} from '../case/outcomes/outcome-model.ts';
import type { TransitionBody } from './ReferralActions.tsx';
import { FormActions } from '../../forms/FormActions.tsx';

/** Reports that are outcomes of her path (they flow back into the centre's case) and carry details. */
const OUTCOME_REPORTS: readonly string[] = ['course_completed', 'traineeship_started', 'hired'];

interface Props {
  sentOn: string;
  busy: boolean;
  form: FormState;
  onSubmit: (body: TransitionBody, fieldOf: (f: string) => SummaryError | null) => Promise<void>;
  onCancel: () => void;
}

export function ReportForm({ sentOn, busy, form, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const [kind, setKind] = useState('');
  const [occurredOn, setOccurredOn] = useState(todayIso);
  const [d, setD] = useState(emptyDetails);
  const a = t.referralActions;
  const o = t.outcomes;
  const L = detailLabels(t);
  const withDetails = OUTCOME_REPORTS.includes(kind);
  const shows = (k: DetailKey) => (withDetails && FIELDS[kind]?.show.includes(k)) ?? false;
  const name = (k: DetailKey) => (FIELDS[kind]?.required.includes(k) ? L[k] : `${L[k]} ${o.optional}`);
  const set = (k: DetailKey) => (v: string) => setD((x) => ({ ...x, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    if (!kind) list.push({ field: 'report-kind', message: fieldMessage(a.reportKind, t.validation.required) });
    if (!occurredOn)
      list.push({ field: 'report-occurredOn', message: fieldMessage(a.occurredOn, t.validation.required) });
    else if (occurredOn > todayIso())
      list.push({ field: 'report-occurredOn', message: fieldMessage(a.occurredOn, t.validation.future) });
    else if (occurredOn < sentOn)
      list.push({ field: 'report-occurredOn', message: fieldMessage(a.occurredOn, a.beforeSent) });
    if (withDetails) list.push(...checkDetails(kind, d, t));
    if (list.length) return form.fail(list);
    const report = { kind, occurredOn, ...(withDetails ? { details: detailsBody(kind, d) } : {}) };
    void onSubmit({ action: 'report', report }, (f) => {
      if (f === 'report.occurredOn')
        return { field: 'report-occurredOn', message: fieldMessage(a.occurredOn, t.validation.invalid) };
      const k = f.replace(/^report\.(details\.)?/, '') as DetailKey;
      return k in L
        ? { field: `outcome-${k}`, message: fieldMessage(L[k], t.validation.invalid) }
        : { field: 'report-kind', message: fieldMessage(a.reportKind, t.validation.invalid) };
    });
  }

  const select = (k: DetailKey, group: LabelGroup, codes: readonly string[]) => (
    <SelectField
      id={`outcome-${k}`}
      label={name(k)}
      value={d[k]}
      onValueChange={set(k)}
      options={options(group, codes, o.choose)}
      error={form.err(`outcome-${k}`)}
    />
  );
  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="report-form-title">
      <h3 id="report-form-title" className="h5">
        {a.buttons.report}
      </h3>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <SelectField
        id="report-kind"
        label={a.reportKind}
        value={kind}
        onValueChange={setKind}
        options={options('reportKinds', REPORT_KINDS, a.choose)}
        error={form.err('report-kind')}
      />
      <TextField
        id="report-occurredOn"
        type="date"
        label={a.occurredOn}
        min={sentOn}
        max={todayIso()}
        value={occurredOn}
        onValueChange={setOccurredOn}
        error={form.err('report-occurredOn')}
      />
      {withDetails ? <p className="field-hint">{a.flowsBack}</p> : null}
      {shows('contractType') ? select('contractType', 'contractTypes', CONTRACT_TYPES) : null}
      {shows('weeklyHours') ? (
        <TextField
          id="outcome-weeklyHours"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          label={name('weeklyHours')}
          value={d.weeklyHours}
          onValueChange={set('weeklyHours')}
          error={form.err('outcome-weeklyHours')}
        />
      ) : null}
      {shows('sector') ? select('sector', 'atecoSections', ATECO_SECTIONS) : null}
      {shows('certificate') ? (
        <RadioGroup
          id="outcome-certificate"
          legend={name('certificate')}
          inline
          value={d.certificate}
          onChange={set('certificate')}
          options={[
            { value: 'yes', label: t.common.yes },
            { value: 'no', label: t.common.no },
          ]}
          error={form.err('outcome-certificate')}
        />
      ) : null}
      {shows('courseTitle') ? (
        <TextField
          id="outcome-courseTitle"
          label={name('courseTitle')}
          hint={o.courseTitleHint}
          maxLength={200}
          value={d.courseTitle}
          onValueChange={set('courseTitle')}
          error={form.err('outcome-courseTitle')}
        />
      ) : null}
      <FormActions busy={busy} submitLabel={a.confirm.report} onCancel={onCancel} />
    </form>
  );
}
