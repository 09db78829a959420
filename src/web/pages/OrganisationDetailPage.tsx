/** One organisation: profile, networks, protocols; editable by its org_admin or a platform_admin. */
import { Table } from 'design-react-kit';
import { Link, useParams } from 'react-router-dom';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SourceIds } from '../components/SourceIds.tsx';
import { UncertainBadge } from '../components/UncertainBadge.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { OrganisationEditForm } from './OrganisationEditForm.tsx';

/** Only http(s) links are rendered as links. */
const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : null);

export function OrganisationDetailPage() {
  const { t, label, date } = useI18n();
  const { id = '' } = useParams();
  const { data: o, loading, error, reload, setData } = useApi('/organisations/:id', { params: { id } });

  const hidesAddress = !!o && (o.type === 'shelter_operator' || o.operatesShelters);
  const canEdit = !!o?.allowedActions.includes('update');
  const website = o?.website ? safeUrl(o.website) : null;

  return (
    <>
      <p>
        <Link to="/organizzazioni">{t.organisations.backToList}</Link>
      </p>
      <PageTitle title={o?.name ?? t.organisations.detailsTitle}>
        {o ? (
          <>
            {o.name}
            {o.uncertain ? <UncertainBadge /> : null}
          </>
        ) : (
          t.organisations.detailsTitle
        )}
      </PageTitle>
      <ResourceState loading={loading && !o} error={error} />
      {o ? (
        <>
          {o.uncertain ? <p className="field-hint">{t.common.uncertainLong}</p> : null}
          <dl className="detail-list">
            <dt>{t.organisations.type}</dt>
            <dd>{label('orgTypes', o.type)}</dd>
            <dt>{t.organisations.town}</dt>
            <dd>{o.town ?? t.common.none}</dd>
            {o.parent ? (
              <>
                <dt>{t.organisations.parent}</dt>
                <dd>
                  <Link to={`/organizzazioni/${encodeURIComponent(o.parent.id)}`}>{o.parent.name}</Link>
                </dd>
              </>
            ) : null}
            <dt>{t.organisations.helpline}</dt>
            <dd>
              {o.helpline ? <a href={`tel:${o.helpline.replace(/[^\d+]/g, '')}`}>{o.helpline}</a> : t.common.none}
            </dd>
            <dt>{t.organisations.website}</dt>
            <dd>
              {website ? (
                <a href={website} rel="noopener noreferrer">
                  {o.website}
                </a>
              ) : (
                (o.website ?? t.common.none)
              )}
            </dd>
            <dt>{t.organisations.address}</dt>
            <dd>{hidesAddress ? t.organisations.addressHidden : (o.address ?? t.common.none)}</dd>
            {o.operatesShelters ? (
              <>
                <dt>{t.organisations.operatesShelters}</dt>
                <dd>{t.common.yes}</dd>
              </>
            ) : null}
            <dt>{t.organisations.description}</dt>
            <dd>{o.description ?? t.common.none}</dd>
            {o.notes ? (
              <>
                <dt>{t.common.researchNotes}</dt>
                {/* the research notes of the seed data are in English: marked so (WCAG 3.1.2) */}
                <dd lang="en">{o.notes}</dd>
              </>
            ) : null}
          </dl>

          <h2 className="block-gap">{t.organisations.networksTitle}</h2>
          {o.networks.length ? (
            <Table responsive>
              <caption>{t.organisations.networksCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.networks.name}</th>
                  <th scope="col">{t.organisations.role}</th>
                </tr>
              </thead>
              <tbody>
                {o.networks.map((n) => (
                  <tr key={n.id}>
                    <th scope="row">
                      <Link to={`/reti/${encodeURIComponent(n.id)}`}>{n.name}</Link>
                    </th>
                    <td>{n.role ? label('networkRoles', n.role) : t.common.none}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p>{t.organisations.noNetworks}</p>
          )}

          <h2 className="block-gap">{t.organisations.protocolsTitle}</h2>
          {o.protocols.length ? (
            <Table responsive>
              <caption>{t.organisations.protocolsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.organisations.protocol}</th>
                  <th scope="col">{t.organisations.kind}</th>
                  <th scope="col">{t.organisations.joinedOn}</th>
                </tr>
              </thead>
              <tbody>
                {o.protocols.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/protocolli/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                    </th>
                    <td>{label('signatoryKinds', p.kind)}</td>
                    <td>{date(p.joinedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p>{t.organisations.noProtocols}</p>
          )}

          <SourceIds ids={o.sourceIds} />

          {canEdit ? (
            <OrganisationEditForm organisation={o} hideAddress={hidesAddress} onSaved={setData} onReload={reload} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
