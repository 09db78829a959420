/** The control rooms the user takes part in: one per protocol her body signed (net-control). */
import { Link } from 'react-router-dom';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

export function ControlRoomsPage() {
  const { t } = useI18n();
  const c = t.controlRoom;
  const { data, loading, error } = useApi('/control-room', {});
  return (
    <>
      <PageTitle title={c.title} />
      <p className="lead-text">{c.intro}</p>
      <ResourceState loading={loading && !data} error={error} />
      {data && data.items.length === 0 ? <p>{c.none}</p> : null}
      {data?.items.length ? (
        <ul className="link-list-plain">
          {data.items.map((r) => (
            <li key={r.id}>
              <Link to={`/cabina-di-regia/${encodeURIComponent(r.id)}`}>{r.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
