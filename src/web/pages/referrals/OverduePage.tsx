/** For network coordinators and the control room: referrals past a deadline (organisations and dates only). */
import { Badge } from 'design-react-kit';
import { ResourceState, ResultsSummary } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

export function OverduePage() {
  const { t, date, label } = useI18n();
  const { data, loading, error } = useApi('/referrals/overdue');
  const items = data?.items ?? [];
  const k = t.referralOverdue;
  const r = t.referral;
  return (
    <>
      <PageTitle title={k.title} />
      <p className="lead-text">{k.intro}</p>
      <p>{r.workingDays}</p>
      <ResourceState loading={loading && !data} error={error} />
      <ResultsSummary count={data ? items.length : null} empty={k.empty} />
      {items.length ? (
        <ScrollTable label={k.caption}>
          <caption>{k.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{r.recipient}</th>
              <th scope="col">{r.sender}</th>
              <th scope="col">{r.purpose}</th>
              <th scope="col">{r.urgency}</th>
              <th scope="col">{r.status}</th>
              <th scope="col">{k.late}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.recipient.name}</th>
                <td>{x.sender.name}</td>
                <td>{label('sharingPurposes', x.purpose)}</td>
                <td>{label('urgencies', x.urgency)}</td>
                <td>{label('referralStatuses', x.status)}</td>
                <td>
                  <Badge color="danger">{label('overdueKinds', x.overdue)}</Badge>
                  <div>{fmt(k.dueWas, { date: date(x.dueOn), sent: date(x.sentOn) })}</div>
                  <div>{x.workingDaysLate === 1 ? k.lateOne : fmt(k.lateN, { n: x.workingDaysLate })}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
