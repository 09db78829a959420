/** Vacancies as a table: occupation, company, where, contract and hours, requirements, status (and close/reopen). */
import { Badge, Table } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import type { Vacancy, VacancyFields } from '../../types.ts';

export const fieldsOf = (v: Vacancy, status: Vacancy['status']): VacancyFields => ({
  companyId: v.company.id,
  occupationCode: v.occupationCode,
  occupationLabel: v.occupationLabel,
  sector: v.sector,
  municipalityCode: v.municipality.code,
  contractType: v.contractType,
  hoursPerWeek: v.hoursPerWeek,
  shifts: v.shifts,
  educationMin: v.educationMin,
  italianMin: v.italianMin,
  languages: v.languages,
  drivingLicence: v.drivingLicence,
  reserved: v.reserved,
  status,
});

export function Requirements({ v }: { v: Vacancy }) {
  const { t } = useI18n();
  const c = t.companies;
  const parts = [
    v.educationMin !== 'none' ? c.education[v.educationMin] : null,
    v.italianMin !== 'none' ? `${c.italianMin}: ${c.italian[v.italianMin]}` : null,
    v.languages.length ? `${c.languages}: ${v.languages.map((l) => l.toUpperCase()).join(', ')}` : null,
    v.drivingLicence ? c.drivingLicence : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join('; ') : t.common.none}</>;
}

export function VacancyTable({
  items,
  caption,
  showCompany = true,
  onChanged,
  onEdit,
}: {
  items: Vacancy[];
  caption: string;
  showCompany?: boolean;
  onChanged?: (v: Vacancy) => void;
  /** opens the form on this vacancy (its every field) */
  onEdit?: (v: Vacancy) => void;
}) {
  const { t } = useI18n();
  const c = t.companies;
  async function toggle(v: Vacancy) {
    const next = v.status === 'open' ? 'closed' : 'open';
    const saved = await api.put('/vacancies/:id', {
      params: { id: v.id },
      body: fieldsOf(v, next),
      headers: ifMatch(v.version),
    });
    onChanged?.(saved);
  }
  return (
    <Table responsive>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.occupation}</th>
          {showCompany ? <th scope="col">{c.company}</th> : null}
          <th scope="col">{c.municipality}</th>
          <th scope="col">{c.contractType}</th>
          <th scope="col">{c.requirements}</th>
          <th scope="col">{c.status}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((v) => (
          <tr key={v.id}>
            <th scope="row">
              {v.occupationLabel}
              <div className="small">
                {c.sectors[v.sector]}
                {v.occupationCode ? ` · CP2021 ${v.occupationCode}` : ''}
              </div>
              {v.reserved ? (
                <Badge color="success" className="me-1">
                  {c.kinds.reserved_vacancies}
                </Badge>
              ) : null}
              {v.flexibleHours ? <Badge color="primary">{c.flexibleHours}</Badge> : null}
            </th>
            {showCompany ? (
              <td>
                <Link to={`/aziende/${encodeURIComponent(v.company.id)}`}>{v.company.name}</Link>
              </td>
            ) : null}
            <td>{v.municipality.name}</td>
            <td>
              {c.contracts[v.contractType]}
              <div className="small">
                {fmt(c.hours, { hours: v.hoursPerWeek })}
                {v.shifts ? ` · ${c.shifts}` : ''}
              </div>
            </td>
            <td>
              <Requirements v={v} />
            </td>
            <td>
              {c.statuses[v.status]}
              <div className="small">
                {c.enteredBy}: {v.enteredBy.name}
              </div>
              {onChanged && (v.allowedActions.includes('close') || v.allowedActions.includes('reopen')) ? (
                <button type="button" className="btn btn-outline-primary btn-xs mt-1" onClick={() => toggle(v)}>
                  {v.status === 'open' ? c.close : c.reopen}
                  <span className="visually-hidden"> — {v.occupationLabel}</span>
                </button>
              ) : null}
              {onEdit && v.allowedActions.includes('edit') ? (
                <button type="button" className="btn btn-outline-primary btn-xs mt-1 ms-1" onClick={() => onEdit(v)}>
                  {c.editVacancy}
                  <span className="visually-hidden"> — {v.occupationLabel}</span>
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
