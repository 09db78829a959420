/**
 * One protocol: signatories (with the later adhesions), adhesion request (org_admin), pending
 * requests and invitations of new bodies (its deciders: control room, coordinators of its signatories).
 */
import { Table } from 'design-react-kit';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { isPending } from '../types.ts';
import { useApi } from '../useApi.ts';
import { OneTimeLink } from '../components/OneTimeLink.tsx';
import { AdhesionForm } from './AdhesionForm.tsx';
import { AdhesionInvitations } from './AdhesionInvitations.tsx';
import type { IssuedLink } from './UsersPage.tsx';
import { AdhesionsTable } from './AdhesionsTable.tsx';

export function ProtocolDetailPage() {
  const { t, date, label } = useI18n();
  const { me } = useAuth();
  const { id = '' } = useParams();
  const { data: p, loading, error, reload } = useApi('/protocols/:id', { params: { id } });
  const [link, setLink] = useState<IssuedLink | null>(null);

  const orgId = me?.organisation.id;
  const adhesions = p?.adhesions ?? [];
  const isSignatory = !!p && p.signatories.some((s) => s.organisationId === orgId);
  const ownPending = adhesions.some((a) => a.organisationId === orgId && isPending(a.status));
  const decides = !!p?.allowedActions.includes('decide_adhesion');
  const pending = adhesions.filter((a) => isPending(a.status));
  const others = decides ? adhesions.filter((a) => !isPending(a.status)) : adhesions;

  return (
    <>
      <p>
        <Link to="/protocolli">{t.protocols.backToList}</Link>
      </p>
      <PageTitle title={p?.name ?? t.protocols.title} />
      <ResourceState loading={loading && !p} error={error} />
      {link ? (
        <OneTimeLink title={link.title} url={link.url} expiresAt={link.expiresAt} onClose={() => setLink(null)} />
      ) : null}
      {p ? (
        <>
          <dl className="detail-list">
            <dt>{t.protocols.code}</dt>
            <dd>{p.code}</dd>
            <dt>{t.protocols.signedOn}</dt>
            <dd>{date(p.signedOn)}</dd>
            <dt>{t.protocols.scope}</dt>
            <dd>{p.scope}</dd>
            {p.summary ? (
              <>
                <dt>{t.protocols.summary}</dt>
                <dd>{p.summary}</dd>
              </>
            ) : null}
          </dl>

          <h2 className="block-gap">{t.protocols.signatories}</h2>
          <Table responsive>
            <caption>{t.protocols.signatoriesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.protocols.signatory}</th>
                <th scope="col">{t.protocols.kind}</th>
                <th scope="col">{t.protocols.joinedOn}</th>
              </tr>
            </thead>
            <tbody>
              {p.signatories.map((s) => (
                <tr key={`${s.organisationId ?? ''}:${s.name}`}>
                  <th scope="row">
                    {s.organisationId ? (
                      <Link to={`/organizzazioni/${encodeURIComponent(s.organisationId)}`}>{s.name}</Link>
                    ) : (
                      s.name
                    )}
                  </th>
                  <td>{label('signatoryKinds', s.kind)}</td>
                  <td>{date(s.joinedOn)}</td>
                </tr>
              ))}
            </tbody>
          </Table>

          {decides ? (
            <section className="block-gap" aria-labelledby="pending-title">
              <h2 id="pending-title">{t.protocols.pendingTitle}</h2>
              <AdhesionsTable
                protocolId={p.id}
                items={pending}
                caption={t.protocols.pendingCaption}
                emptyText={t.protocols.noPending}
                decide
                onDecided={reload}
                onAdminInvite={setLink}
              />
            </section>
          ) : null}

          {p.allowedActions.includes('invite_adhesion') ? (
            <AdhesionInvitations protocolId={p.id} onLink={setLink} />
          ) : null}

          {others.length ? (
            <section className="block-gap" aria-labelledby="adhesions-title">
              <h2 id="adhesions-title">{t.protocols.adhesionsTitle}</h2>
              <AdhesionsTable protocolId={p.id} items={others} caption={t.protocols.adhesionsCaption} />
            </section>
          ) : null}

          {p.allowedActions.includes('request_adhesion') ? (
            <AdhesionForm protocolId={p.id} isSignatory={isSignatory} hasPending={ownPending} onSent={reload} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
