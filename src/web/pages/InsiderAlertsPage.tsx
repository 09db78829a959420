/** The DPO's insider alerts (issue 12): each with who, when, and the audit rows behind it. */
import type { AuditAction } from '../../shared/codes/audit.ts';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';

export function InsiderAlertsPage() {
  const { t, dateTime } = useI18n();
  const a = t.rights.alerts;
  const { data, loading, error } = useApi('/insider-alerts', {});
  return (
    <>
      <PageTitle title={a.title}>{a.title}</PageTitle>
      <p>{a.intro}</p>
      {!data ? <ResourceState loading={loading} error={error} /> : null}
      {data && data.items.length === 0 ? <p>{a.none}</p> : null}
      {data?.items.map((x, i) => (
        <section key={x.id} className="mb-4" aria-labelledby={`alert-${x.id}`}>
          <h2 id={`alert-${x.id}`} className="h5">
            {i + 1}. {a.kinds[x.kind]}
          </h2>
          <dl className="case-facts">
            <div>
              <dt>{a.user}</dt>
              <dd>{x.userName ?? x.userId}</dd>
            </div>
            <div>
              <dt>{a.hour}</dt>
              <dd>{dateTime(x.hourStart)}</dd>
            </div>
            <div>
              <dt>{a.count}</dt>
              <dd>{x.count}</dd>
            </div>
          </dl>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{fmt(a.rowsCaption, { n: i + 1 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.when}</th>
                  <th scope="col">{a.action}</th>
                  <th scope="col">{a.outcome}</th>
                  <th scope="col">{a.subject}</th>
                </tr>
              </thead>
              <tbody>
                {x.rows.map((r) => (
                  <tr key={r.seq}>
                    <td>{dateTime(r.occurredAt)}</td>
                    <td>{t.labels.actions[r.action as AuditAction] ?? r.action}</td>
                    <td>{a.outcomes[r.outcome as keyof typeof a.outcomes] ?? r.outcome}</td>
                    <td>{r.subjectId ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
