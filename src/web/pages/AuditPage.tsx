/** Audit viewer: everything for DPO / platform admin, "my activity" for everyone else. */
import { Table } from 'design-react-kit';
import { useSearchParams } from 'react-router-dom';

import { useAuth } from '../auth.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';

export function AuditPage() {
  const { t, label, dateTime } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const canSeeAll = !!me?.permissions.includes('audit.read_organisation');
  const f: AuditFilterValues = {
    actor: canSeeAll ? (params.get('actor') ?? '') : '',
    subject: params.get('subject') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const before = params.get('before') ?? '';

  // Only administrators may list users: a DPO filters by user id.
  const users = useApi('/users', canSeeAll ? {} : null);
  // from/to are calendar days (YYYY-MM-DD), both inclusive.
  const query = { actor: f.actor, subject: f.subject, from: f.from, to: f.to, before, limit: 50 };
  const { data, loading, error } = useApi('/audit', { query });

  const apply = (v: AuditFilterValues) => setParams(new URLSearchParams(Object.entries(v).filter(([, x]) => x)));
  const page = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('before', cursor);
    else next.delete('before');
    setParams(next);
  };

  const items = data?.items ?? [];
  const title = canSeeAll ? t.audit.title : t.audit.myTitle;

  return (
    <>
      <PageTitle title={title} />
      <p className="lead-text">{canSeeAll ? t.audit.intro : t.audit.myIntro}</p>
      <AuditFilters
        key={`${params.toString()}|${users.data ? 1 : 0}`}
        initial={f}
        users={users.data?.items ?? null}
        showActor={canSeeAll}
        onApply={apply}
      />
      <ResourceState loading={loading} error={error} />
      {data && !items.length ? <p>{t.audit.empty}</p> : null}
      {items.length ? (
        <Table responsive size="sm">
          <caption>{t.audit.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.audit.time}</th>
              <th scope="col">{t.audit.who}</th>
              <th scope="col">{t.audit.action}</th>
              <th scope="col">{t.audit.subjectCol}</th>
              <th scope="col">{t.audit.purpose}</th>
              <th scope="col">{t.audit.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={String(e.seq)}>
                <th scope="row" className="text-nowrap">
                  {dateTime(e.occurredAt)}
                </th>
                <td>{e.actorName ?? e.actorUserId ?? t.audit.system}</td>
                <td>{label('actions', e.action)}</td>
                <td>
                  {e.subjectType ? label('subjectTypes', e.subjectType) : t.common.none}
                  {e.subjectId ? <code className="d-block small">{e.subjectId}</code> : null}
                </td>
                <td>{e.purpose ?? t.common.none}</td>
                <td>{label('outcomes', e.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <div className="form-actions">
        {before ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => page(null)}>
            {t.audit.first}
          </button>
        ) : null}
        {data?.nextBefore ? (
          <button type="button" className="btn btn-primary" onClick={() => page(data.nextBefore)}>
            {t.audit.next}
          </button>
        ) : null}
      </div>
    </>
  );
}
