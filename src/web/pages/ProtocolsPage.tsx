/** Protocols list, each with its signatories. */
import { Card } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { ResourceState } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';

export function ProtocolsPage() {
  const { t, date } = useI18n();
  const { data, loading, error } = useApi('/protocols');
  const items = data?.items ?? [];

  return (
    <>
      <PageTitle title={t.protocols.title} />
      <p className="lead-text">{t.protocols.intro}</p>
      <ResourceState loading={loading} error={error} />
      {data && !items.length ? <p>{t.protocols.empty}</p> : null}
      <ul className="list-unstyled">
        {items.map((p) => (
          <li key={p.id} className="mb-4">
            <Card shadow="sm" rounded>
              <h2 className="it-card-title h4">
                <Link to={`/protocolli/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </h2>
              <div className="it-card-body">
                <dl className="detail-list mb-2">
                  <dt>{t.protocols.code}</dt>
                  <dd>{p.code}</dd>
                  <dt>{t.protocols.signedOn}</dt>
                  <dd>{date(p.signedOn)}</dd>
                  <dt>{t.protocols.scope}</dt>
                  <dd>{p.scope}</dd>
                </dl>
                {p.summary ? <p className="it-card-text">{p.summary}</p> : null}
                <details>
                  <summary>
                    {p.signatories.length === 1
                      ? t.protocols.signatoriesOne
                      : fmt(t.protocols.signatoriesCount, { count: p.signatories.length })}
                  </summary>
                  <ul className="mt-2">
                    {p.signatories.map((s) => (
                      <li key={`${s.organisationId ?? ''}:${s.name}`}>
                        {s.organisationId ? (
                          <Link to={`/organizzazioni/${encodeURIComponent(s.organisationId)}`}>{s.name}</Link>
                        ) : (
                          s.name
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
