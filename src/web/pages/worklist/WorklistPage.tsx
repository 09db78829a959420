/** One work queue's items, most urgent first, a page at a time: the list a home count leads to. */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { WORK_QUEUES, type WorkQueue } from '../../../shared/codes/worklist.ts';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { type CatalogueLabels, QUEUE_VIEW, type WorkItem } from './queue-view.ts';

const PAGE = 50;

export function WorklistPage() {
  const { queue } = useParams();
  if (!(WORK_QUEUES as readonly string[]).includes(queue ?? '')) return <NotFoundPage />;
  return <QueueList queue={queue as WorkQueue} />;
}

function QueueList({ queue }: { queue: WorkQueue }) {
  const i18n = useI18n();
  const { t, date, dateTime, lang } = i18n;
  const w = t.worklist;
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number.parseInt(params.get('da') ?? '0', 10) || 0);
  const { data, loading, error } = useApi('/worklist/:queue', { params: { queue }, query: { limit: PAGE, offset } });
  const view = QUEUE_VIEW[queue];
  const catalogue = useApi('/action-catalogue', queue === 'actions_overdue' ? {} : null);
  const labels: CatalogueLabels = new Map(
    (catalogue.data?.items ?? []).map((c) => [c.code, lang === 'it' ? c.labelIt : c.labelEn]),
  );
  const title = w.queues[queue];
  const items = data?.items ?? [];
  const go = (to: number) => setParams(new URLSearchParams(to ? { da: String(to) } : {}));

  const ref = (x: WorkItem) => {
    const text = view.kind === 'audit' ? dateTime(x.occurredAt) : (x.caseCode ?? x.pseudonym ?? x.person ?? '');
    return (
      <Link to={view.href(x)} className={view.kind === 'case' ? 'case-code' : undefined}>
        {text}
      </Link>
    );
  };

  return (
    <>
      <PageTitle title={title} />
      <p className="lead-text">{w.hints[queue]}</p>
      <p>
        <Link to="/">{w.back}</Link>
      </p>
      <ResourceState loading={loading && !data} error={error} />
      <p role="status" className="fw-semibold" data-total={data?.total}>
        {data ? fmt(w.total, { count: data.total }) : ''}
      </p>
      {data && !data.total ? <p>{w.empty}</p> : null}
      {items.length ? (
        <ScrollTable label={fmt(w.tableCaption, { queue: title })}>
          <caption>{fmt(w.tableCaption, { queue: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{view.kind === 'audit' ? w.colWhen : w.colRef}</th>
              <th scope="col">{w.colWhat}</th>
              {view.kind === 'audit' ? (
                <>
                  <th scope="col">{w.colPerson}</th>
                  <th scope="col">{w.colRef}</th>
                </>
              ) : (
                <>
                  <th scope="col">{w.colBody}</th>
                  <th scope="col">{w.colDue}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((x) => {
              const urgency = view.urgency?.(x, data?.today ?? '') ?? null;
              return (
                <tr key={x.id} className="worklist-item">
                  <th scope="row">{ref(x)}</th>
                  <td>{view.detail(x, i18n, labels)}</td>
                  {view.kind === 'audit' ? (
                    <>
                      <td>{x.person ?? t.common.none}</td>
                      <td>
                        {x.caseCode ? (
                          <Link to={`/percorsi/${encodeURIComponent(x.caseId ?? '')}/profilo`} className="case-code">
                            {x.caseCode}
                          </Link>
                        ) : (
                          t.common.none
                        )}
                      </td>
                    </>
                  ) : (
                    <>
                      <td>
                        {view.kind === 'network'
                          ? fmt(w.fromTo, { from: x.person ?? '', to: x.organisationName ?? '' })
                          : (x.organisationName ?? t.common.none)}
                      </td>
                      <td>
                        {date(x.dueOn)}
                        {urgency ? (
                          <div>
                            <UrgencyBadge kind={urgency} />
                          </div>
                        ) : null}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : null}
      {data && data.total > PAGE ? (
        <nav aria-label={w.pages} className="d-flex flex-wrap gap-2 align-items-center">
          <span>{fmt(w.pageOf, { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}</span>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={offset === 0}
            onClick={() => go(Math.max(0, offset - PAGE))}
          >
            {w.previous}
          </button>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={offset + PAGE >= data.total}
            onClick={() => go(offset + PAGE)}
          >
            {w.next}
          </button>
        </nav>
      ) : null}
    </>
  );
}
