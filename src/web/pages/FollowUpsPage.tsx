/** The centre's job-retention follow-ups: overdue, due in the next 30 days, or all. */
import { Badge } from 'design-react-kit';
import { Link, useSearchParams } from 'react-router-dom';
import { isFollowUpDue } from '../../shared/urgency.ts';
import { todayIso } from '../cases/codes.ts';
import { UrgencyBadge } from '../components/UrgencyBadge.tsx';
import type { FollowUp } from '../cases/types.ts';
import { SelectField } from '../components/Field.tsx';
import { ResourceState, ResultsSummary } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { ScrollTable } from '../components/ScrollTable.tsx';

const DUE = ['overdue', 'next30', 'all'] as const;

export function FollowUpStatus({ f }: { f: FollowUp }) {
  const { t, date } = useI18n();
  if (f.doneOn) return <Badge color="success">{fmt(t.followUps.doneOn, { date: date(f.doneOn) })}</Badge>;
  if (isFollowUpDue(f, todayIso())) return <UrgencyBadge kind="follow_up_due" />;
  return <Badge color="primary">{t.followUps.upcoming}</Badge>;
}

export function FollowUpsPage() {
  const { t, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const due = (DUE as readonly string[]).includes(params.get('due') ?? '') ? (params.get('due') as string) : 'overdue';
  const { data, loading, error } = useApi('/follow-ups', { query: { due } });
  const items = data?.items ?? [];
  const f = t.followUps;

  return (
    <>
      <PageTitle title={f.title} />
      <p className="lead-text">{f.intro}</p>
      <form className="filters" aria-label={f.filters} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="follow-ups-due"
          label={f.show}
          value={due}
          onValueChange={(v) => setParams(new URLSearchParams({ due: v }), { replace: true })}
          options={DUE.map((v) => ({ value: v, label: f.due[v] }))}
        />
      </form>
      <ResourceState loading={loading && !data} error={error} />
      <ResultsSummary count={data ? items.length : null} empty={f.empty} />
      {items.length ? <ExportLinks path="/follow-ups/export" query={{ due }} /> : null}
      {items.length ? (
        <ScrollTable label={f.tableCaption}>
          <caption>{f.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.caseload.code}</th>
              <th scope="col">{f.months}</th>
              <th scope="col">{f.dueOn}</th>
              <th scope="col">{f.status}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <th scope="row">
                  <Link to={`/percorsi/${encodeURIComponent(x.caseId)}/esiti`} className="case-code">
                    {x.caseCode}
                  </Link>
                </th>
                <td>{fmt(f.monthsN, { n: x.months })}</td>
                <td>{date(x.dueOn)}</td>
                <td>
                  <FollowUpStatus f={x} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
