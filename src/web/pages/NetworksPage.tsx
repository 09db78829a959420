/** The local anti-violence networks. */
import { Table } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';

export function NetworksPage() {
  const { t } = useI18n();
  const { data, loading, error } = useApi('/networks');
  const items = data?.items ?? [];

  return (
    <>
      <PageTitle title={t.networks.title} />
      <p className="lead-text">{t.networks.intro}</p>
      <ResourceState loading={loading} error={error} />
      {data && !items.length ? <p>{t.networks.empty}</p> : null}
      {items.length ? (
        <Table responsive>
          <caption>{t.networks.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.networks.name}</th>
              <th scope="col">{t.networks.lead}</th>
              <th scope="col">{t.networks.municipalities}</th>
              <th scope="col">{t.networks.organisations}</th>
              <th scope="col">{t.networks.shelters}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  <Link to={`/reti/${encodeURIComponent(n.id)}`}>{n.name}</Link>
                </th>
                <td>{n.leadMunicipality?.name ?? t.common.none}</td>
                <td>{n.municipalityCount}</td>
                <td>{n.organisationCount}</td>
                <td>{n.hasShelters ? t.common.yes : t.common.no}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
