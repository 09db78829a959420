/** /aziende/:id: a company's record, its activities and commitments, its vacancies; add to each. */
import { Table } from 'design-react-kit';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { COMPANY_ACTIVITY_KINDS, COMPANY_COMMITMENT_KINDS } from '../../../shared/codes/companies.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import type { CompanyDetail, CompanyScope, EngagementFields } from '../../types.ts';
import { useApi } from '../../useApi.ts';
import { CompanyForm } from './CompanyForm.tsx';
import { VacancyForm } from './VacancyForm.tsx';
import { VacancyTable } from './VacancyTable.tsx';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

export function CompanyPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const c = t.companies;
  const resource = useApi('/companies/:id', { params: { id } });
  const scope = useApi('/companies/scope');
  const [company, setCompany] = useState<CompanyDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [editingVacancy, setEditingVacancy] = useState<string | null>(null);
  const current = company ?? resource.data;
  // the vacancy being changed, as last read (a save reloads it with its new version)
  const editingNow = current?.vacancies.find((v) => v.id === editingVacancy) ?? null;
  useEffect(() => {
    if (editingVacancy) document.getElementById('vacancy-edit-title')?.focus();
  }, [editingVacancy]);
  const reload = () => {
    setCompany(null);
    resource.reload();
  };
  return (
    <>
      <PageTitle title={current ? current.name : c.title} />
      <p>
        <Link to="/aziende">{c.back}</Link>
      </p>
      <ResourceState loading={resource.loading} error={resource.error} />
      {current ? (
        <>
          <section aria-labelledby="company-details-title" className="block-gap">
            <h2 id="company-details-title">{c.detailsTitle}</h2>
            <dl className="row">
              <dt className="col-sm-4">{c.vatNumber}</dt>
              <dd className="col-sm-8">{current.vatNumber}</dd>
              <dt className="col-sm-4">{c.ateco}</dt>
              <dd className="col-sm-8">{current.atecoCode ?? t.common.none}</dd>
              <dt className="col-sm-4">{c.sizeBand}</dt>
              <dd className="col-sm-8">{c.sizeBands[current.sizeBand]}</dd>
              <dt className="col-sm-4">{c.municipality}</dt>
              <dd className="col-sm-8">{current.municipality.name}</dd>
              <dt className="col-sm-4">{c.followedBy}</dt>
              <dd className="col-sm-8">{current.followedBy.name}</dd>
              <dt className="col-sm-4">{c.contacts}</dt>
              <dd className="col-sm-8">
                {[current.contactName, current.contactEmail, current.contactPhone].filter(Boolean).join(' · ') ||
                  t.common.none}
              </dd>
            </dl>
            {current.allowedActions.includes('edit') && scope.data ? (
              editing ? (
                <CompanyForm scope={scope.data} company={current} onSaved={setCompany} onReload={reload} />
              ) : (
                <button type="button" className="btn btn-outline-primary" onClick={() => setEditing(true)}>
                  {c.edit}
                </button>
              )
            ) : null}
          </section>
          <section aria-labelledby="company-engagements-title" className="block-gap">
            <h2 id="company-engagements-title">{c.engagementsTitle}</h2>
            {current.engagements.length === 0 ? <p>{c.noEngagements}</p> : null}
            {current.engagements.length ? (
              <Table responsive>
                <caption>{c.engagementsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.kind}</th>
                    <th scope="col">{c.startedOn}</th>
                    <th scope="col">{c.endedOn}</th>
                    <th scope="col">{c.body}</th>
                    <th scope="col">{c.quantity}</th>
                  </tr>
                </thead>
                <tbody>
                  {current.engagements.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{c.kinds[e.kind]}</th>
                      <td>
                        <DateText iso={e.startedOn} />
                      </td>
                      <td>
                        <DateText iso={e.endedOn} />
                      </td>
                      <td>{e.organisation.name}</td>
                      <td>{e.quantity ?? t.common.none}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
            {current.allowedActions.includes('add_engagement') && scope.data ? (
              <EngagementForm scope={scope.data} company={current} onSaved={setCompany} />
            ) : null}
          </section>
          <section aria-labelledby="company-vacancies-title" className="block-gap">
            <h2 id="company-vacancies-title">{c.vacanciesTitle}</h2>
            {current.vacancies.length === 0 ? <p>{c.noVacancies}</p> : null}
            {current.vacancies.length ? (
              <VacancyTable
                items={current.vacancies}
                caption={c.vacanciesTitle}
                showCompany={false}
                onChanged={reload}
                onEdit={(v) => setEditingVacancy(v.id)}
              />
            ) : null}
            {editingNow && scope.data ? (
              <section aria-labelledby="vacancy-edit-title" className="block-gap vacancy-edit">
                <h3 id="vacancy-edit-title" tabIndex={-1}>
                  {fmt(c.vacancyEditTitle, { name: editingNow.occupationLabel })}
                </h3>
                <VacancyForm
                  key={editingNow.id}
                  scope={scope.data}
                  networkId={current.networkId}
                  companyId={current.id}
                  municipalityCode={current.municipality.code}
                  vacancy={editingNow}
                  onSaved={reload}
                  onReload={reload}
                  onCancel={() => setEditingVacancy(null)}
                />
              </section>
            ) : null}
            {/* one vacancy form at a time: the new one comes back when the change is done */}
            {current.allowedActions.includes('add_vacancy') && scope.data && !editingNow ? (
              <section aria-labelledby="vacancy-new-title" className="block-gap">
                <h3 id="vacancy-new-title">{c.newVacancy}</h3>
                <VacancyForm
                  scope={scope.data}
                  networkId={current.networkId}
                  companyId={current.id}
                  municipalityCode={current.municipality.code}
                  onSaved={reload}
                />
              </section>
            ) : null}
          </section>
          <p className="small">{label('orgTypes', 'company')}</p>
        </>
      ) : null}
    </>
  );
}

function DateText({ iso }: { iso: string | null }) {
  const { date } = useI18n();
  return <>{date(iso)}</>;
}

type EngagementValues = Omit<EngagementFields, 'quantity' | 'endedOn'> & { quantity: string; endedOn: string };

function EngagementForm({
  scope,
  company,
  onSaved,
}: {
  scope: CompanyScope;
  company: CompanyDetail;
  onSaved: (c: CompanyDetail) => void;
}) {
  const { t } = useI18n();
  const c = t.companies;
  const labels: Record<string, string> = {
    startedOn: c.startedOn,
    endedOn: c.endedOn,
    organisationId: c.body,
    quantity: c.quantity,
  };
  const initial = (): EngagementValues => ({
    kind: 'information_session',
    startedOn: today(),
    endedOn: '',
    organisationId: company.followedBy.id,
    quantity: '',
  });
  const form = useVersionedForm<EngagementValues>({
    initial,
    target: (f) => ({ id: `engagement-${f}`, label: labels[f] ?? f }),
  });
  const { values, setValues } = form;
  const [added, setAdded] = useState(false);
  const set = (k: keyof EngagementValues) => (v: string) => {
    setValues((prev) => ({ ...prev, [k]: v }));
    setAdded(false);
  };
  const network = scope.networks.find((n) => n.id === company.networkId);

  async function save(e: FormEvent) {
    e.preventDefault();
    const quantity = values.quantity.trim() === '' ? null : Number(values.quantity);
    const body: EngagementFields = {
      ...values,
      endedOn: values.endedOn || null,
      quantity: quantity !== null && Number.isInteger(quantity) ? quantity : null,
    };
    const answer = await form.submit(() =>
      api.post('/companies/:id/engagements', { params: { id: company.id }, body }),
    );
    if (!answer.ok) return;
    setValues(initial());
    setAdded(true);
    onSaved(answer.value);
  }

  return (
    <section aria-labelledby="engagement-new-title" className="block-gap">
      <h3 id="engagement-new-title">{c.addEngagement}</h3>
      <form noValidate onSubmit={save}>
        <ErrorSummary errors={form.errors} attempt={form.attempt} />
        {added ? <Notice kind="success">{c.engagementAdded}</Notice> : null}
        <div className="field">
          <label htmlFor="engagement-kind">{c.kind}</label>
          <select
            id="engagement-kind"
            className="form-select"
            value={values.kind}
            onChange={(e) => set('kind')(e.target.value)}
          >
            <optgroup label={c.activities}>
              {COMPANY_ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {c.kinds[k]}
                </option>
              ))}
            </optgroup>
            <optgroup label={c.commitmentsGroup}>
              {COMPANY_COMMITMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {c.kinds[k]}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="d-flex flex-wrap gap-3">
          <TextField
            id="engagement-startedOn"
            label={c.startedOn}
            type="date"
            value={values.startedOn}
            onValueChange={set('startedOn')}
            error={form.err('engagement-startedOn')}
          />
          <TextField
            id="engagement-endedOn"
            label={c.endedOn}
            type="date"
            value={values.endedOn}
            onValueChange={set('endedOn')}
            error={form.err('engagement-endedOn')}
          />
        </div>
        <SelectField
          id="engagement-organisationId"
          label={c.body}
          value={values.organisationId}
          onValueChange={set('organisationId')}
          options={(network?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={form.err('engagement-organisationId')}
        />
        <TextField
          id="engagement-quantity"
          label={c.quantity}
          hint={c.quantityHint}
          type="number"
          min={0}
          value={values.quantity}
          onValueChange={set('quantity')}
          error={form.err('engagement-quantity')}
        />
        <FormActions busy={form.busy} submitLabel={c.addEngagement} />
      </form>
    </section>
  );
}
