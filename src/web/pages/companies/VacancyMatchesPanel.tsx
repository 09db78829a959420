/**
 * Open vacancies that fit her, with the reasons (the anonymous matching): on her case's plan inside
 * the centre, and at the recipient of an accepted referral on the shared fields only.
 */
import { Badge, Table } from 'design-react-kit';
import { ResourceState } from '../../components/Loading.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import type { VacancyMatches } from '../../types.ts';
import { useApi } from '../../useApi.ts';
import { Requirements } from './VacancyTable.tsx';

export function CaseVacancyMatches({ caseId }: { caseId: string }) {
  const resource = useApi('/cases/:id/vacancy-matches', { params: { id: caseId } });
  return <MatchesView data={resource.data} loading={resource.loading} error={resource.error} shared={false} />;
}

export function ReferralVacancyMatches({ referralId }: { referralId: string }) {
  const resource = useApi('/referrals/:id/vacancy-matches', { params: { id: referralId } });
  return <MatchesView data={resource.data} loading={resource.loading} error={resource.error} shared />;
}

function MatchesView({
  data,
  loading,
  error,
  shared,
}: {
  data: VacancyMatches | undefined;
  loading: boolean;
  error: Parameters<typeof ResourceState>[0]['error'];
  shared: boolean;
}) {
  const { t, label } = useI18n();
  const c = t.companies;
  const fieldLabel = (f: string) => label('shareFields', f);
  return (
    <section aria-labelledby="vacancy-matches-title" className="block-gap">
      <h2 id="vacancy-matches-title">{c.matchTitle}</h2>
      <p>{shared ? c.matchSharedIntro : c.matchIntro}</p>
      <ResourceState loading={loading} error={error} />
      {data && data.items.length === 0 ? <p>{c.matchEmpty}</p> : null}
      {data?.items.length ? (
        <>
          <Table responsive>
            <caption>{c.matchCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.occupation}</th>
                <th scope="col">{c.company}</th>
                <th scope="col">{c.contractType}</th>
                <th scope="col">{c.score}</th>
                <th scope="col">{c.reasons}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.vacancy.id}>
                  <th scope="row">
                    {m.vacancy.occupationLabel}
                    <div className="small">
                      {c.sectors[m.vacancy.sector]} · {m.vacancy.municipality.name}
                    </div>
                  </th>
                  <td>{m.vacancy.company.name}</td>
                  <td>
                    {c.contracts[m.vacancy.contractType]}
                    <div className="small">
                      {fmt(c.hours, { hours: m.vacancy.hoursPerWeek })} · <Requirements v={m.vacancy} />
                    </div>
                  </td>
                  <td>{m.score}</td>
                  <td>
                    <ul className="list-unstyled mb-0">
                      {m.reasons.map((r) => (
                        <li key={r.code}>
                          <Badge
                            color={r.effect === 'plus' ? 'success' : 'warning'}
                            className={r.effect === 'plus' ? '' : 'text-dark'}
                          >
                            {r.effect === 'plus' ? '+' : '−'}
                          </Badge>{' '}
                          {c.matchReasons[r.code]}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          {data.fieldsUsed.length ? (
            <p className="small">{fmt(c.fieldsUsed, { fields: data.fieldsUsed.map(fieldLabel).join(', ') })}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
