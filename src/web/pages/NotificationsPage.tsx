/** The signed-in user's notifications: what happened, when, a link to the referral, mark as read. */
import { Badge, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api.ts';
import { SelectField } from '../components/Field.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { NotificationItem } from '../notifications/types.ts';
import { unreadChanged } from '../notifications/unread.ts';
import { useApi } from '../useApi.ts';

const SHOW = ['all', 'unread'] as const;
const STATUS_ID = 'notifications-status';

export function NotificationsPage() {
  const { t, dateTime } = useI18n();
  const n = t.notifications;
  const [params, setParams] = useSearchParams();
  const show = params.get('show') === 'unread' ? 'unread' : 'all';
  const { data, loading, error, setData } = useApi('/notifications');
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const items = data?.items ?? [];

  // after marking, focus the row (or, when it left the list, the status line): the button is gone
  useEffect(() => {
    if (!focusId) return;
    (document.getElementById(focusId) ?? document.getElementById(STATUS_ID))?.focus();
    setFocusId(null);
  }, [focusId]);

  async function mark(ids: string[] | 'all') {
    if (!data) return;
    setFailed(false);
    try {
      await (ids === 'all'
        ? api.post('/notifications/read-all')
        : api.post('/notifications/:id/read', { params: { id: ids[0] ?? '' } }));
    } catch {
      setFailed(true);
      return;
    }
    const now = new Date().toISOString();
    const hit = (x: NotificationItem) => !x.readAt && (ids === 'all' || ids.includes(x.id));
    const marked = data.items.filter(hit).length;
    const next = data.items.map((x) => (hit(x) ? { ...x, readAt: now } : x));
    setData({
      items: show === 'unread' ? next.filter((x) => !x.readAt) : next,
      unread: Math.max(0, data.unread - (ids === 'all' ? data.unread : marked)),
    });
    setMessage(ids === 'all' ? n.markedAllRead : n.markedRead);
    setFocusId(ids === 'all' ? STATUS_ID : `notification-${ids[0]}`);
    unreadChanged();
  }
  const kindLabel = (kind: string) => n.kinds[kind] ?? n.unknownKind;
  const about = (x: NotificationItem) => (
    <span className="visually-hidden">{`: ${kindLabel(x.kind)}, ${dateTime(x.createdAt)}`}</span>
  );

  return (
    <>
      <PageTitle title={n.title} />
      <p className="lead-text">{n.intro}</p>
      <form className="filters" aria-label={n.filters} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="notifications-show"
          label={n.show}
          value={show}
          onValueChange={(v) => setParams(new URLSearchParams(v === 'unread' ? { show: v } : {}), { replace: true })}
          options={SHOW.map((v) => ({ value: v, label: v === 'unread' ? n.showUnread : n.showAll }))}
        />
      </form>
      <ResourceState loading={loading && !data} error={error} />
      {failed ? <Notice kind="danger">{t.common.error}</Notice> : null}
      <p id={STATUS_ID} role="status" tabIndex={-1} className="fw-semibold">
        {message ? `${message} ` : ''}
        {data ? fmt(n.unreadCount, { count: data.unread }) : ''}
      </p>
      {data && data.unread > 0 ? (
        <p>
          <Button color="primary" outline type="button" onClick={() => void mark('all')}>
            {n.markAllRead}
          </Button>
        </p>
      ) : null}
      {data && !items.length ? <p>{show === 'unread' ? n.emptyUnread : n.empty}</p> : null}
      {items.length ? (
        <ScrollTable label={n.tableCaption}>
          <caption>{n.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{n.what}</th>
              <th scope="col">{n.when}</th>
              <th scope="col">{n.status}</th>
              <th scope="col">{n.actions}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <th scope="row">
                  <span id={`notification-${x.id}`} tabIndex={-1} className={x.readAt ? undefined : 'fw-bold'}>
                    {kindLabel(x.kind)}
                  </span>
                </th>
                <td>{dateTime(x.createdAt)}</td>
                <td>{x.readAt ? n.read : <Badge color="primary">{n.unread}</Badge>}</td>
                <td>
                  <div className="d-flex flex-wrap gap-2">
                    {x.referralId ? (
                      <Link
                        to={`/invii/${encodeURIComponent(x.referralId)}`}
                        className="btn btn-sm btn-primary"
                        onClick={() =>
                          x.readAt
                            ? undefined
                            : void api
                                .post('/notifications/:id/read', { params: { id: x.id } })
                                .then(unreadChanged, () => undefined)
                        }
                      >
                        {n.openReferral}
                        {about(x)}
                      </Link>
                    ) : null}
                    {x.kind === 'directory_entry_stale' ? (
                      <Link to="/elenco-pubblico" className="btn btn-sm btn-primary">
                        {n.openDirectory}
                      </Link>
                    ) : null}
                    {x.readAt ? null : (
                      <Button color="primary" outline size="sm" type="button" onClick={() => void mark([x.id])}>
                        {n.markRead}
                        {about(x)}
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
