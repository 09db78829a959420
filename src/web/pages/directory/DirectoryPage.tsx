/** The public directory's entries the user may edit: status, last check, and a link to each editor. */
import { Badge, Table } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

export function DirectoryPage() {
  const { t, label, date } = useI18n();
  const d = t.directory;
  const { data, loading, error } = useApi('/directory/entries');
  const items = data?.items ?? [];
  return (
    <>
      <PageTitle title={d.title} />
      <p className="lead-text">{d.intro}</p>
      <p>
        <a href="/aiuto" target="_blank" rel="noreferrer">
          {d.publicSite}
        </a>
      </p>
      <ResourceState loading={loading} error={error} />
      {data && items.length === 0 ? <p>{d.empty}</p> : null}
      {items.length ? (
        <Table responsive>
          <caption>{d.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.name}</th>
              <th scope="col">{d.status}</th>
              <th scope="col">{d.verifiedOn}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.organisationId}>
                <th scope="row">
                  <Link to={`/elenco-pubblico/${encodeURIComponent(x.organisationId)}`}>{x.organisationName}</Link>
                  <div className="small">{label('orgTypes', x.organisationType)}</div>
                </th>
                <td>{d.statuses[x.status]}</td>
                <td>
                  {x.verifiedOn ? date(x.verifiedOn) : d.never}{' '}
                  {x.stale ? (
                    <Badge color="warning" className="text-dark">
                      {d.stale}
                    </Badge>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
