/**
 * The signed-in user's notifications, grouped by referral: what each is about (case code or
 * pseudonym, purpose, bodies, due date), what happened and when, a link to the referral, mark as read.
 */
import { Badge, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api.ts';
import { SelectField } from '../components/Field.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { aboutTitle, NotificationAbout } from '../notifications/NotificationAbout.tsx';
import type { Inbox, NotificationGroup, NotificationItem } from '../notifications/types.ts';
import { unreadChanged } from '../notifications/unread.ts';
import { useApi } from '../useApi.ts';

const SHOW = ['all', 'unread'] as const;
const STATUS_ID = 'notifications-status';

/** The inbox after marking `ids` (or all) as read; with `unreadOnly`, read ones leave the list. */
function marked(data: Inbox, ids: string[] | 'all', unreadOnly: boolean): Inbox {
  const now = new Date().toISOString();
  const hit = (x: NotificationItem) => !x.readAt && (ids === 'all' || ids.includes(x.id));
  let count = 0;
  const groups = data.groups.flatMap((g) => {
    const items = g.items.flatMap((x) => {
      if (!hit(x)) return [x];
      count++;
      return unreadOnly ? [] : [{ ...x, readAt: now }];
    });
    return items.length ? [{ ...g, items, unread: items.filter((x) => !x.readAt).length }] : [];
  });
  return { groups, unread: Math.max(0, data.unread - count) };
}

export function NotificationsPage() {
  const { t } = useI18n();
  const n = t.notifications;
  const [params, setParams] = useSearchParams();
  const show = params.get('show') === 'unread' ? 'unread' : 'all';
  const { data, loading, error, setData } = useApi('/notifications', {
    query: show === 'unread' ? { unread: true } : {},
  });
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const groups = data?.groups ?? [];

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
    setData(marked(data, ids, show === 'unread'));
    setMessage(ids === 'all' ? n.markedAllRead : n.markedRead);
    setFocusId(ids === 'all' ? STATUS_ID : `notification-${ids[0]}`);
    unreadChanged();
  }

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
      {data && !groups.length ? <p>{show === 'unread' ? n.emptyUnread : n.empty}</p> : null}
      <ul className="list-unstyled notification-groups">
        {groups.map((g, i) => (
          <li key={g.referralId ?? g.items[0]?.id ?? i}>
            <GroupView g={g} index={i} onMark={(id) => void mark([id])} />
          </li>
        ))}
      </ul>
    </>
  );
}

function GroupView({ g, index, onMark }: { g: NotificationGroup; index: number; onMark: (id: string) => void }) {
  const { t, label, dateTime } = useI18n();
  const n = t.notifications;
  const kindLabel = (kind: string) => n.kinds[kind] ?? n.unknownKind;
  const headingId = `notification-group-${index}`;
  const title = g.referralId ? aboutTitle(g.context, t, label) : n.otherNotice;
  return (
    <section className="notification-group card card-bg mb-3" aria-labelledby={headingId} data-referral={g.referralId}>
      <div className="card-body">
        <h2 id={headingId} className="h5 mb-1">
          {title}
          {g.unread ? (
            <Badge color="primary" className="ms-2">
              {fmt(n.unreadInGroup, { count: g.unread })}
            </Badge>
          ) : null}
        </h2>
        {g.context ? <NotificationAbout c={g.context} /> : null}
        {g.referralId && g.context ? (
          <p className="mb-2">
            <Link
              to={`/invii/${encodeURIComponent(g.referralId)}`}
              className="btn btn-sm btn-primary"
              onClick={() => (g.unread ? unreadChanged() : undefined)}
            >
              {n.openReferral}
              <span className="visually-hidden">: {title}</span>
            </Link>
          </p>
        ) : null}
        <ul className="list-unstyled mb-0" aria-label={n.groupCaption}>
          {g.items.map((x) => (
            <li key={x.id} className="d-flex flex-wrap align-items-center gap-2 py-1 border-top">
              <span id={`notification-${x.id}`} tabIndex={-1} className={x.readAt ? undefined : 'fw-bold'}>
                {kindLabel(x.kind)}
              </span>
              <span className="text-muted small">{dateTime(x.createdAt)}</span>
              {x.kind === 'directory_entry_stale' ? (
                <Link to="/elenco-pubblico" className="btn btn-sm btn-primary">
                  {n.openDirectory}
                </Link>
              ) : null}
              {x.kind === 'insider_alert' ? (
                <Link to="/allerte" className="btn btn-sm btn-primary">
                  {t.rights.alerts.title}
                </Link>
              ) : null}
              {x.kind === 'training_coverage_low' ? (
                <Link to="/formazione" className="btn btn-sm btn-primary">
                  {t.training.openBoard}
                </Link>
              ) : null}
              {x.readAt ? (
                <span className="small">{n.read}</span>
              ) : (
                <>
                  <Badge color="primary">{n.unread}</Badge>
                  <Button color="primary" outline size="xs" type="button" onClick={() => onMark(x.id)}>
                    {n.markRead}
                    <span className="visually-hidden">{`: ${kindLabel(x.kind)}, ${dateTime(x.createdAt)}`}</span>
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
