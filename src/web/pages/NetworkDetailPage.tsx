/** One network: lead municipality, municipalities, member organisations, shelters note. */
import { Table } from 'design-react-kit';
import { Link, useParams } from 'react-router-dom';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SourceIds } from '../components/SourceIds.tsx';
import { UncertainBadge } from '../components/UncertainBadge.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';

export function NetworkDetailPage() {
  const { t, label } = useI18n();
  const { id = '' } = useParams();
  const { data: n, loading, error } = useApi('/networks/:id', { params: { id } });

  return (
    <>
      <p>
        <Link to="/reti">{t.networks.backToList}</Link>
      </p>
      <PageTitle title={n?.name ?? t.networks.detailTitle} />
      <ResourceState loading={loading} error={error} />
      {n ? (
        <>
          <dl className="detail-list">
            <dt>{t.networks.lead}</dt>
            <dd>
              {n.leadMunicipality
                ? `${n.leadMunicipality.name} (${t.networks.istatCode} ${n.leadMunicipality.istatCode})`
                : t.common.none}
            </dd>
            {n.notes ? (
              <>
                <dt>{t.common.researchNotes}</dt>
                {/* the research notes of the seed data are in English: marked so (WCAG 3.1.2) */}
                <dd lang="en">{n.notes}</dd>
              </>
            ) : null}
          </dl>

          <h2 className="block-gap">{t.networks.sheltersTitle}</h2>
          <p>{n.hasShelters ? t.networks.sheltersYes : t.networks.sheltersNo}</p>
          {n.sheltersNote ? <p lang="en">{n.sheltersNote}</p> : null}
          <p className="field-hint">{t.networks.sheltersSecret}</p>

          <h2 className="block-gap">{t.networks.membersTitle}</h2>
          <Table responsive>
            <caption>{t.networks.membersCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.organisations.name}</th>
                <th scope="col">{t.networks.type}</th>
              </tr>
            </thead>
            <tbody>
              {n.organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/organizzazioni/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                    {o.uncertain ? <UncertainBadge /> : null}
                  </th>
                  <td>{label('orgTypes', o.type)}</td>
                </tr>
              ))}
            </tbody>
          </Table>

          <h2 className="block-gap">{t.networks.municipalitiesTitle}</h2>
          <Table responsive size="sm">
            <caption>{t.networks.municipalitiesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.networks.municipality}</th>
                <th scope="col">{t.networks.istatCode}</th>
              </tr>
            </thead>
            <tbody>
              {n.municipalities.map((m) => (
                <tr key={m.istatCode}>
                  <th scope="row">{m.name}</th>
                  <td>{m.istatCode}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <SourceIds ids={n.sourceIds} />
        </>
      ) : null}
    </>
  );
}
