/** A vacancy of one company: enter it, or change it (also to close or reopen it). */
import { type FormEvent, useState } from 'react';
import {
  CONTRACT_TYPES,
  ITALIAN_LEVELS,
  JOB_SECTORS,
  REQUIRED_EDUCATION,
  VACANCY_LANGUAGES,
  VACANCY_STATUSES,
} from '../../../shared/codes/companies.ts';
import { api } from '../../api.ts';
import { ConflictNotice } from '../../forms/ConflictNotice.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { Checkbox } from '../../components/Choice.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { CompanyScope, Vacancy, VacancyFields } from '../../types.ts';

type Values = Omit<VacancyFields, 'occupationCode' | 'hoursPerWeek'> & { occupationCode: string; hoursPerWeek: string };

const empty = (companyId: string, municipalityCode: string): Values => ({
  companyId,
  occupationCode: '',
  occupationLabel: '',
  sector: 'hospitality_catering',
  municipalityCode,
  contractType: 'fixed_term',
  hoursPerWeek: '20',
  shifts: false,
  educationMin: 'none',
  italianMin: 'a2',
  languages: [],
  drivingLicence: false,
  reserved: false,
  status: 'open',
});

const fromVacancy = (v: Vacancy): Values => ({
  companyId: v.company.id,
  occupationCode: v.occupationCode ?? '',
  occupationLabel: v.occupationLabel,
  sector: v.sector,
  municipalityCode: v.municipality.code,
  contractType: v.contractType,
  hoursPerWeek: String(v.hoursPerWeek),
  shifts: v.shifts,
  educationMin: v.educationMin,
  italianMin: v.italianMin,
  languages: v.languages,
  drivingLicence: v.drivingLicence,
  reserved: v.reserved,
  status: v.status,
});

/** With `vacancy`, the form changes it (every field and open/closed, If-Match); without, it enters a new one. */
export function VacancyForm({
  scope,
  networkId,
  companyId,
  municipalityCode,
  vacancy,
  onSaved,
  onReload,
  onCancel,
}: {
  scope: CompanyScope;
  networkId: string;
  companyId: string;
  municipalityCode: string;
  vacancy?: Vacancy;
  onSaved: (v: Vacancy) => void;
  onReload?: () => void;
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const c = t.companies;
  const labels: Record<string, string> = {
    occupationCode: c.occupationCode,
    occupationLabel: c.occupationLabel,
    municipalityCode: c.municipality,
    hoursPerWeek: c.hoursPerWeek,
  };
  const form = useVersionedForm<Values>({
    version: vacancy?.version,
    initial: () => (vacancy ? fromVacancy(vacancy) : empty(companyId, municipalityCode)),
    target: (f) => ({ id: `vacancy-${f}`, label: labels[f] ?? f }),
  });
  const { values, setValues } = form;
  const [created, setCreated] = useState(false);
  const set =
    <K extends keyof Values>(k: K) =>
    (v: Values[K]) => {
      setValues((prev) => ({ ...prev, [k]: v }));
      setCreated(false);
    };
  const network = scope.networks.find((n) => n.id === networkId);
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const hours = Number(values.hoursPerWeek);
    const problems = [];
    if (values.occupationLabel.trim().length < 2)
      problems.push({ field: 'vacancy-occupationLabel', message: `${c.occupationLabel}: ${t.fieldReasons.required}` });
    if (!Number.isInteger(hours) || hours < 1 || hours > 48)
      problems.push({ field: 'vacancy-hoursPerWeek', message: `${c.hoursPerWeek}: ${t.fieldReasons.invalid}` });
    if (!form.check(problems)) return;
    const body: VacancyFields = {
      ...values,
      occupationLabel: values.occupationLabel.trim(),
      occupationCode: values.occupationCode.trim() || null,
      hoursPerWeek: hours,
    };
    const answer = await form.submit(() =>
      vacancy
        ? api.put('/vacancies/:id', { params: { id: vacancy.id }, body, headers: ifMatch(vacancy.version) })
        : api.post('/vacancies', { body }),
    );
    if (!answer.ok) return;
    if (!vacancy) setValues(empty(companyId, municipalityCode));
    setCreated(true);
    onSaved(answer.value);
  }

  return (
    <form noValidate onSubmit={save}>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {created ? <Notice kind="success">{vacancy ? c.vacancySaved : c.vacancyCreated}</Notice> : null}
      {form.conflict && onReload ? <ConflictNotice text={c.conflict} onReload={onReload} /> : null}
      <TextField
        id="vacancy-occupationLabel"
        label={c.occupationLabel}
        value={values.occupationLabel}
        onValueChange={set('occupationLabel')}
        maxLength={200}
        required
        error={form.err('vacancy-occupationLabel')}
      />
      <TextField
        id="vacancy-occupationCode"
        label={c.occupationCode}
        hint={c.occupationCodeHint}
        value={values.occupationCode}
        onValueChange={set('occupationCode')}
        maxLength={12}
        error={form.err('vacancy-occupationCode')}
      />
      <SelectField
        id="vacancy-sector"
        label={c.sector}
        value={values.sector}
        onValueChange={(v) => set('sector')(v as Values['sector'])}
        options={JOB_SECTORS.map((s) => ({ value: s, label: c.sectors[s] }))}
      />
      <SelectField
        id="vacancy-municipalityCode"
        label={c.municipality}
        value={values.municipalityCode}
        onValueChange={set('municipalityCode')}
        options={(network?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name }))}
        error={form.err('vacancy-municipalityCode')}
      />
      <SelectField
        id="vacancy-contractType"
        label={c.contractType}
        value={values.contractType}
        onValueChange={(v) => set('contractType')(v as Values['contractType'])}
        options={CONTRACT_TYPES.map((s) => ({ value: s, label: c.contracts[s] }))}
      />
      <TextField
        id="vacancy-hoursPerWeek"
        label={c.hoursPerWeek}
        type="number"
        min={1}
        max={48}
        value={values.hoursPerWeek}
        onValueChange={set('hoursPerWeek')}
        error={form.err('vacancy-hoursPerWeek')}
      />
      <Checkbox id="vacancy-shifts" label={c.shifts} checked={values.shifts} onChange={set('shifts')} />
      <fieldset className="field">
        <legend className="field-legend">{c.requirements}</legend>
        <SelectField
          id="vacancy-educationMin"
          label={c.educationMin}
          value={values.educationMin}
          onValueChange={(v) => set('educationMin')(v as Values['educationMin'])}
          options={REQUIRED_EDUCATION.map((s) => ({ value: s, label: c.education[s] }))}
        />
        <SelectField
          id="vacancy-italianMin"
          label={c.italianMin}
          value={values.italianMin}
          onValueChange={(v) => set('italianMin')(v as Values['italianMin'])}
          options={ITALIAN_LEVELS.map((s) => ({ value: s, label: c.italian[s] }))}
        />
        <CheckboxGroup
          id="vacancy-languages"
          legend={c.languages}
          inline
          options={VACANCY_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
          selected={values.languages}
          onChange={(v) => set('languages')(v as Values['languages'])}
        />
        <Checkbox
          id="vacancy-drivingLicence"
          label={c.drivingLicence}
          checked={values.drivingLicence}
          onChange={set('drivingLicence')}
        />
      </fieldset>
      <Checkbox id="vacancy-reserved" label={c.reserved} checked={values.reserved} onChange={set('reserved')} />
      {vacancy ? (
        <SelectField
          id="vacancy-status"
          label={c.status}
          value={values.status}
          onValueChange={(v) => set('status')(v as Values['status'])}
          options={VACANCY_STATUSES.map((s) => ({ value: s, label: c.statuses[s] }))}
        />
      ) : null}
      <FormActions busy={form.busy} submitLabel={vacancy ? c.saveVacancy : c.newVacancy} onCancel={onCancel} />
    </form>
  );
}
