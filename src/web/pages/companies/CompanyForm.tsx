/** A company's record: register a new one or edit it (one form, the same fields). */
import { type FormEvent, useState } from 'react';
import { COMPANY_SIZE_BANDS } from '../../../shared/codes/companies.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ConflictNotice } from '../../forms/ConflictNotice.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { CompanyDetail, CompanyFields, CompanyScope } from '../../types.ts';

type Values = Omit<CompanyFields, 'atecoCode' | 'contactName' | 'contactEmail' | 'contactPhone'> & {
  atecoCode: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

const fromCompany = (c: CompanyDetail | null, scope: CompanyScope): Values => ({
  networkId: c?.networkId ?? scope.networks[0]?.id ?? '',
  name: c?.name ?? '',
  vatNumber: c?.vatNumber ?? '',
  atecoCode: c?.atecoCode ?? '',
  sizeBand: c?.sizeBand ?? 'small',
  municipalityCode: c?.municipality.code ?? '',
  contactName: c?.contactName ?? '',
  contactEmail: c?.contactEmail ?? '',
  contactPhone: c?.contactPhone ?? '',
  followedBy: c?.followedBy.id ?? '',
});

export function CompanyForm({
  scope,
  company,
  onSaved,
  onReload,
}: {
  scope: CompanyScope;
  company: CompanyDetail | null;
  onSaved: (c: CompanyDetail) => void;
  onReload?: () => void;
}) {
  const { t, label } = useI18n();
  const c = t.companies;
  const labels: Record<string, string> = {
    networkId: c.network,
    name: c.name,
    vatNumber: c.vatNumber,
    atecoCode: c.ateco,
    sizeBand: c.sizeBand,
    municipalityCode: c.municipality,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    followedBy: c.followedBy,
  };
  const form = useVersionedForm<Values>({
    version: company?.version,
    initial: () => fromCompany(company, scope),
    target: (f) => ({ id: `company-${f}`, label: labels[f] ?? f }),
  });
  const { values, setValues } = form;
  const [saved, setSaved] = useState(false);
  const set = (k: keyof Values) => (v: string) => {
    setValues((prev) => ({ ...prev, [k]: v }));
    setSaved(false);
  };
  const network = scope.networks.find((n) => n.id === values.networkId) ?? scope.networks[0];

  async function save(e: FormEvent) {
    e.preventDefault();
    const body: CompanyFields = {
      ...values,
      name: values.name.trim(),
      vatNumber: values.vatNumber.trim(),
      atecoCode: values.atecoCode.trim() || null,
      contactName: values.contactName.trim() || null,
      contactEmail: values.contactEmail.trim() || null,
      contactPhone: values.contactPhone.trim() || null,
    };
    const missing = (['name', 'vatNumber', 'municipalityCode', 'followedBy'] as const).filter((k) => !values[k]);
    if (
      !form.check(missing.map((k) => ({ field: `company-${k}`, message: `${labels[k]}: ${t.fieldReasons.required}` })))
    )
      return;
    const answer = await form.submit(() =>
      company
        ? api.put('/companies/:id', { params: { id: company.id }, body, headers: ifMatch(company.version) })
        : api.post('/companies', { body }),
    );
    if (!answer.ok) return;
    setSaved(true);
    onSaved(answer.value);
  }

  return (
    <form noValidate onSubmit={save}>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {saved && company ? <Notice kind="success">{c.saved}</Notice> : null}
      {form.conflict && onReload ? <ConflictNotice text={c.conflict} onReload={onReload} /> : null}
      {scope.networks.length > 1 && !company ? (
        <SelectField
          id="company-networkId"
          label={c.network}
          value={values.networkId}
          onValueChange={set('networkId')}
          options={scope.networks.map((n) => ({ value: n.id, label: n.name }))}
        />
      ) : null}
      <TextField
        id="company-name"
        label={c.name}
        value={values.name}
        onValueChange={set('name')}
        maxLength={200}
        required
        error={form.err('company-name')}
      />
      <TextField
        id="company-vatNumber"
        label={c.vatNumber}
        hint={c.vatHint}
        inputMode="numeric"
        value={values.vatNumber}
        onValueChange={set('vatNumber')}
        maxLength={20}
        required
        readOnly={Boolean(company)}
        error={form.err('company-vatNumber')}
      />
      <TextField
        id="company-atecoCode"
        label={c.ateco}
        hint={c.atecoHint}
        value={values.atecoCode}
        onValueChange={set('atecoCode')}
        maxLength={8}
        error={form.err('company-atecoCode')}
      />
      <SelectField
        id="company-sizeBand"
        label={c.sizeBand}
        value={values.sizeBand}
        onValueChange={set('sizeBand')}
        options={COMPANY_SIZE_BANDS.map((s) => ({ value: s, label: c.sizeBands[s] }))}
      />
      <SelectField
        id="company-municipalityCode"
        label={c.municipality}
        value={values.municipalityCode}
        onValueChange={set('municipalityCode')}
        options={[
          { value: '', label: c.choose },
          ...(network?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
        ]}
        error={form.err('company-municipalityCode')}
      />
      <SelectField
        id="company-followedBy"
        label={c.followedBy}
        value={values.followedBy}
        onValueChange={set('followedBy')}
        options={[
          { value: '', label: c.choose },
          ...(network?.organisations ?? []).map((o) => ({
            value: o.id,
            label: `${o.name} (${label('orgTypes', o.type)})`,
          })),
        ]}
        error={form.err('company-followedBy')}
      />
      <fieldset className="field">
        <legend className="field-legend">{c.contacts}</legend>
        <TextField
          id="company-contactName"
          label={c.contactName}
          value={values.contactName}
          onValueChange={set('contactName')}
          maxLength={200}
          autoComplete="off"
          error={form.err('company-contactName')}
        />
        <TextField
          id="company-contactEmail"
          label={c.contactEmail}
          type="email"
          value={values.contactEmail}
          onValueChange={set('contactEmail')}
          maxLength={200}
          autoComplete="off"
          error={form.err('company-contactEmail')}
        />
        <TextField
          id="company-contactPhone"
          label={c.contactPhone}
          type="tel"
          value={values.contactPhone}
          onValueChange={set('contactPhone')}
          maxLength={24}
          autoComplete="off"
          error={form.err('company-contactPhone')}
        />
      </fieldset>
      <FormActions busy={form.busy} submitLabel={company ? t.common.save : c.newCompany} />
    </form>
  );
}
