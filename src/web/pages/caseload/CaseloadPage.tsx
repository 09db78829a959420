/**
 * The centre's caseload. Filters are a GET form kept in the page URL; the exact search by surname
 * or tax code lives only in this component's state and goes to the API, never into the page URL.
 */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { useAuth } from '../../auth.tsx';
import { PAGE_SIZE } from '../../cases/codes.ts';
import { looksLikeTaxCode } from '../../cases/validate.ts';
import { TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { CaseloadFilters, type Filters, filtersFrom } from './CaseloadFilters.tsx';
import { CaseloadTable } from './CaseloadTable.tsx';

export function CaseloadPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState<{ surname?: string; taxCode?: string } | null>(null);

  const apiQuery = {
    status: filters.status,
    eligibility: filters.eligibility,
    due: filters.due,
    mine: filters.mine ? 'true' : undefined,
    surname: search?.surname,
    taxCode: search?.taxCode,
    limit: String(PAGE_SIZE),
    offset: offset ? String(offset) : undefined,
  };
  const { data, loading, error } = useApi('/cases', { query: apiQuery });
  const items = data?.items ?? [];

  const apply = (f: Filters, nextOffset = 0) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v === true ? '1' : String(v));
    if (nextOffset) next.set('offset', String(nextOffset));
    setParams(next);
  };

  function runSearch(e: FormEvent) {
    e.preventDefault();
    const text = searchText.trim();
    if (!text) return setSearch(null);
    setSearch(looksLikeTaxCode(text) ? { taxCode: text.toUpperCase() } : { surname: text });
  }
  const clearSearch = () => {
    setSearchText('');
    setSearch(null);
  };

  return (
    <>
      <PageTitle title={t.caseload.title} />
      <p className="lead-text">{t.caseload.intro}</p>
      {me?.permissions.includes('case.write') ? (
        <p>
          <Link to="/percorsi/nuovo" className="btn btn-primary">
            {t.caseload.newCase}
          </Link>
        </p>
      ) : null}
      <CaseloadFilters initial={filters} onApply={(f) => apply(f)} />
      <form className="filters" aria-label={t.caseload.searchLabel} onSubmit={runSearch} noValidate>
        <div className="row align-items-end">
          <div className="col-md-6">
            <TextField
              id="case-search"
              type="search"
              label={t.caseload.search}
              hint={t.caseload.searchHint}
              value={searchText}
              onValueChange={setSearchText}
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
            />
          </div>
          <div className="col-md-6 form-actions mb-4">
            <button type="submit" className="btn btn-primary">
              {t.caseload.searchSubmit}
            </button>
            {search ? (
              <button type="button" className="btn btn-outline-primary" onClick={clearSearch}>
                {t.caseload.searchClear}
              </button>
            ) : null}
          </div>
        </div>
      </form>
      <ResourceState loading={loading && !data} error={error} />
      <p role="status" className="fw-semibold">
        {data ? (search ? t.caseload.searchActive : '') : ''}{' '}
        {data ? (items.length === 1 ? t.common.resultOne : fmt(t.common.results, { count: items.length })) : ''}
      </p>
      {data && !items.length ? <p>{t.caseload.empty}</p> : null}
      {items.length ? <CaseloadTable items={items} /> : null}
      {offset > 0 || items.length === PAGE_SIZE ? (
        <nav aria-label={t.caseload.pages} className="form-actions">
          {offset > 0 ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => apply(filters, Math.max(0, offset - PAGE_SIZE))}
            >
              {t.caseload.previous}
            </button>
          ) : null}
          <span>{fmt(t.caseload.pageN, { n: Math.floor(offset / PAGE_SIZE) + 1 })}</span>
          {items.length === PAGE_SIZE ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => apply(filters, offset + PAGE_SIZE)}
            >
              {t.caseload.next}
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
