/**
 * Audit viewer: the organisation's trail for the DPO / platform admin, "my activity" for everyone
 * else. It speaks the operator's language (case codes, bodies and users by name, labelled actions
 * and purposes) and shows the reads of one page view as one entry (src/shared/audit-groups.ts);
 * the trail, and its CSV export, keep every row.
 */
import { Table } from 'design-react-kit';
import { useSearchParams } from 'react-router-dom';

import { AUDIT_ACTIONS } from '../../shared/codes/audit.ts';
import { groupAuditRows } from '../../shared/audit-groups.ts';
import { useAuth } from '../auth.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { AuditObject, usePurposeLabel } from './AuditObject.tsx';

export function AuditPage() {
  const { t, label, dateTime } = useI18n();
  const purposeLabel = usePurposeLabel();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const canSeeAll = !!me?.permissions.includes('audit.read_organisation');
  const action = params.get('action') ?? '';
  const f: AuditFilterValues = {
    actor: canSeeAll ? (params.get('actor') ?? '') : '',
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : '',
    caseCode: params.get('caseCode') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const before = params.get('before') ?? '';

  const users = useApi('/users', canSeeAll && me?.permissions.includes('user.read') ? {} : null);
  // from/to are calendar days (YYYY-MM-DD), both inclusive.
  const filters = { actor: f.actor, action: f.action, caseCode: f.caseCode, from: f.from, to: f.to };
  const { data, loading, error } = useApi('/audit', { query: { ...filters, before, limit: 100 } });

  const apply = (v: AuditFilterValues) => setParams(new URLSearchParams(Object.entries(v).filter(([, x]) => x)));
  const page = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('before', cursor);
    else next.delete('before');
    setParams(next);
  };

  const items = data?.items ?? [];
  const groups = groupAuditRows(items);
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
      <ExportLinks path="/audit/export" query={filters} formats={['csv']} />
      <ResourceState loading={loading} error={error} />
      {data && !items.length ? <p>{t.audit.empty}</p> : null}
      {groups.length ? (
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
            {groups.map(({ first: e, rows }) => (
              <tr key={e.seq} data-rows={rows.length}>
                <th scope="row" className="text-nowrap">
                  {dateTime(e.occurredAt)}
                </th>
                <td>
                  {e.actorName ?? (e.actorUserId ? t.audit.unknownUser : t.audit.system)}
                  {e.organisationName ? <div className="small">{e.organisationName}</div> : null}
                </td>
                <td>
                  {label('actions', e.action)}
                  {rows.length > 1 ? (
                    <div className="small audit-group">{fmt(t.audit.groupedReads, { n: rows.length })}</div>
                  ) : null}
                </td>
                <td>
                  <AuditObject e={e} />
                </td>
                <td>{e.purpose ? purposeLabel(e.purpose) : t.common.none}</td>
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
