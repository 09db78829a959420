/** /aziende: the network's companies (with their commitments) and its vacancies; register a company. */
import { Table } from 'design-react-kit';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Checkbox } from '../../components/Choice.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ExportLinks } from '../ExportLinks.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { CompanyForm } from './CompanyForm.tsx';
import { VacancyTable } from './VacancyTable.tsx';

export function CompaniesPage() {
  const { t, date } = useI18n();
  const c = t.companies;
  const navigate = useNavigate();
  const scope = useApi('/companies/scope');
  const companies = useApi('/companies');
  const [showClosed, setShowClosed] = useState(false);
  const vacancies = useApi('/vacancies', { query: showClosed ? {} : { status: 'open' } });
  const [adding, setAdding] = useState(false);
  const items = companies.data?.items ?? [];
  const noNetwork = scope.data && scope.data.networks.length === 0;
  return (
    <>
      <PageTitle title={c.title} />
      <p className="lead-text">{c.intro}</p>
      <ResourceState loading={scope.loading || companies.loading} error={scope.error ?? companies.error} />
      {noNetwork ? <p>{c.noNetwork}</p> : null}
      <section aria-labelledby="companies-title" className="block-gap">
        <h2 id="companies-title">{c.companiesTitle}</h2>
        {companies.data && items.length === 0 ? <p>{c.empty}</p> : null}
        {items.length ? <ExportLinks path="/companies/export" query={{}} /> : null}
        {items.length ? (
          <Table responsive>
            <caption>{c.companiesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.municipality}</th>
                <th scope="col">{c.followedBy}</th>
                <th scope="col">{c.commitments}</th>
                <th scope="col">{c.lastActivity}</th>
                <th scope="col">{c.openVacancies}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <Link to={`/aziende/${encodeURIComponent(x.id)}`}>{x.name}</Link>
                    <div className="small">
                      {c.vatNumber} {x.vatNumber}
                      {x.atecoCode ? ` · ATECO ${x.atecoCode}` : ''} · {c.sizeBands[x.sizeBand]}
                    </div>
                  </th>
                  <td>{x.municipality.name}</td>
                  <td>{x.followedBy.name}</td>
                  <td>{x.commitments.length ? x.commitments.map((k) => c.kinds[k]).join(', ') : c.noCommitments}</td>
                  <td>{x.lastActivityOn ? date(x.lastActivityOn) : t.common.none}</td>
                  <td>{x.openVacancies}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
        {scope.data?.canWrite && !noNetwork ? (
          adding ? (
            <section aria-labelledby="company-new-title" className="block-gap">
              <h3 id="company-new-title">{c.newCompany}</h3>
              <CompanyForm
                scope={scope.data}
                company={null}
                onSaved={(created) => navigate(`/aziende/${encodeURIComponent(created.id)}`)}
              />
            </section>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {c.newCompany}
            </button>
          )
        ) : null}
      </section>
      <section aria-labelledby="vacancies-title" className="block-gap">
        <h2 id="vacancies-title">{c.vacanciesTitle}</h2>
        <Checkbox id="vacancies-closed" label={c.showClosed} checked={showClosed} onChange={setShowClosed} />
        <ResourceState loading={vacancies.loading} error={vacancies.error} />
        {vacancies.data && vacancies.data.items.length === 0 ? <p>{c.noVacancies}</p> : null}
        {vacancies.data?.items.length ? (
          <ExportLinks path="/vacancies/export" query={showClosed ? {} : { status: 'open' }} />
        ) : null}
        {vacancies.data?.items.length ? (
          <VacancyTable
            items={vacancies.data.items}
            caption={c.vacanciesCaption}
            onChanged={() => vacancies.reload()}
          />
        ) : null}
      </section>
    </>
  );
}
