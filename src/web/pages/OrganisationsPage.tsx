/** Organisations browser: type and network filters (server side), text search (client side). */
import { Table } from 'design-react-kit';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ORGANISATION_TYPES } from '../../shared/codes/organisations.ts';

import { SelectField, TextField } from '../components/Field.tsx';
import { ResourceState, ResultsSummary } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { UncertainBadge } from '../components/UncertainBadge.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';

export function OrganisationsPage() {
  const { t, label, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const network = params.get('network') ?? '';
  const text = params.get('q') ?? '';

  const networks = useApi('/networks');
  const { data, loading, error } = useApi('/organisations', { query: { type, network } });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const networkNames = useMemo(() => new Map((networks.data?.items ?? []).map((n) => [n.id, n.name])), [networks.data]);

  const items = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase(lang);
    const all = data?.items ?? [];
    const filtered = needle
      ? all.filter((o) => `${o.name} ${o.town ?? ''}`.toLocaleLowerCase(lang).includes(needle))
      : all;
    return [...filtered].sort((a, b) => a.name.localeCompare(b.name, lang));
  }, [data, text, lang]);

  const typeOptions = [
    { value: '', label: t.organisations.allTypes },
    ...ORGANISATION_TYPES.map((v) => ({ value: v, label: label('orgTypes', v) })).sort((a, b) =>
      a.label.localeCompare(b.label, lang),
    ),
  ];
  const networkOptions = [
    { value: '', label: t.organisations.allNetworks },
    ...(networks.data?.items ?? []).map((n) => ({ value: n.id, label: n.name })),
  ];

  return (
    <>
      <PageTitle title={t.organisations.title} />
      <p className="lead-text">{t.organisations.intro}</p>
      <form className="filters" aria-label={t.organisations.filters} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="filter-type"
              label={t.organisations.type}
              value={type}
              onValueChange={(v) => setParam('type', v)}
              options={typeOptions}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="filter-network"
              label={t.organisations.network}
              value={network}
              onValueChange={(v) => setParam('network', v)}
              options={networkOptions}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="filter-text"
              label={t.organisations.search}
              type="search"
              value={text}
              onValueChange={(v) => setParam('q', v)}
              autoComplete="off"
            />
          </div>
        </div>
        {type || network || text ? (
          <p>
            <button
              type="button"
              className="btn btn-link p-0"
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {t.organisations.reset}
            </button>
          </p>
        ) : null}
      </form>

      <ResourceState loading={loading} error={error} />
      <ResultsSummary count={data ? items.length : null} empty={t.organisations.empty} />
      {items.length ? (
        <Table responsive>
          <caption>{t.organisations.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.organisations.name}</th>
              <th scope="col">{t.organisations.type}</th>
              <th scope="col">{t.organisations.town}</th>
              <th scope="col">{t.organisations.networksTitle}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/organizzazioni/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                  {o.uncertain ? <UncertainBadge /> : null}
                </th>
                <td>{label('orgTypes', o.type)}</td>
                <td>{o.town ?? t.common.none}</td>
                <td>{o.networkIds.map((id) => networkNames.get(id) ?? id).join(', ') || t.common.none}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
