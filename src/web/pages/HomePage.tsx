/**
 * Home: what needs her today. The work queues her permissions open (GET /worklist: each a count
 * that leads to exactly its items), her unread notifications with their context, and the screens
 * of navigation.ts below.
 */
import { Badge } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { homeTiles } from '../navigation.ts';
import { aboutTitle, NotificationAbout } from '../notifications/NotificationAbout.tsx';
import { useApi } from '../useApi.ts';

const LATEST = 5;

export function HomePage() {
  const { t, label } = useI18n();
  const { me } = useAuth();
  const worklist = useApi('/worklist', me ? {} : null);
  const inbox = useApi(
    '/notifications',
    me?.permissions.includes('notification.read') ? { query: { unread: true } } : null,
  );
  if (!me) return null;
  const w = t.worklist;
  const queues = worklist.data?.queues ?? [];
  const tiles = homeTiles({ t, me });
  const groups = (inbox.data?.groups ?? []).slice(0, LATEST);

  return (
    <>
      <PageTitle title={fmt(t.home.title, { name: me.user.displayName })} />
      <p className="mb-1">
        {me.organisation.name} ({label('orgTypes', me.organisation.type)})
        {me.roles.map((r) => (
          <Badge key={r} color="primary" className="ms-2">
            {label('roles', r)}
          </Badge>
        ))}
      </p>

      {queues.length || worklist.loading ? (
        <section aria-labelledby="home-queues" className="block-gap">
          <h2 id="home-queues">{w.heading}</h2>
          <p>{w.intro}</p>
          <ResourceState loading={worklist.loading && !worklist.data} error={worklist.error} />
          <ul className="row list-unstyled work-queues">
            {queues.map((q) => (
              <li key={q.queue} className="col-12 col-md-6 col-lg-4 mb-3" data-queue={q.queue} data-count={q.count}>
                <div className={`card card-bg work-queue h-100${q.count ? ' work-queue-due' : ''}`}>
                  <div className="card-body">
                    <h3 className="h5 card-title">
                      <Link to={`/da-fare/${q.queue}`} className="work-queue-link">
                        <span className="work-queue-count">{q.count}</span>{' '}
                        <span className="work-queue-title">{w.queues[q.queue]}</span>
                      </Link>
                    </h3>
                    <p className="card-text small mb-0">{w.hints[q.queue]}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {me.permissions.includes('notification.read') ? (
        <section aria-labelledby="home-notifications" className="block-gap">
          <h2 id="home-notifications">{w.latestNotifications}</h2>
          {inbox.data && !groups.length ? <p>{w.noNotifications}</p> : null}
          <ul className="list-unstyled">
            {groups.map((g, i) => (
              <li key={g.referralId ?? g.items[0]?.id ?? i} className="mb-2 home-notification">
                <p className="mb-0 fw-semibold">
                  {g.referralId && g.context ? (
                    <Link to={`/invii/${encodeURIComponent(g.referralId)}`}>{aboutTitle(g.context, t, label)}</Link>
                  ) : g.referralId ? (
                    aboutTitle(null, t, label)
                  ) : (
                    t.notifications.otherNotice
                  )}
                  {' — '}
                  {g.items.map((x) => t.notifications.kinds[x.kind] ?? t.notifications.unknownKind).join(', ')}
                </p>
                {g.context ? <NotificationAbout c={g.context} /> : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/notifiche">{w.allNotifications}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="home-screens" className="block-gap">
        <h2 id="home-screens">{w.screens}</h2>
        <ul className="home-screens">
          {tiles.map((tile) => (
            <li key={tile.to}>
              <Link to={tile.to}>{tile.title}</Link>
              <span className="small"> — {tile.text}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
