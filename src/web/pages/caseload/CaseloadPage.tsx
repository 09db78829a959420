/**
 * The centre's caseload. Filters, sort and page are kept in the page URL (a reload keeps them); the
 * search text (a case code, the start of a surname, a tax code) is kept in the history entry's state
 * (a reload keeps it too) and goes to the API in a POST body: never into a URL.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';

import { CASE_SORT_KEYS, type CaseSortKey } from '../../../shared/codes/cases.ts';
import { useAuth } from '../../auth.tsx';
import { PAGE_SIZE } from '../../cases/codes.ts';
import { TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { ExportLinks } from '../ExportLinks.tsx';
import { CaseloadCards } from './CaseloadCards.tsx';
import { CaseloadFilters, type Filters, filtersFrom } from './CaseloadFilters.tsx';
import { CaseloadTable, type Sort } from './CaseloadTable.tsx';
import { useCaseload } from './useCaseload.ts';

const DEFAULT_SORT: Sort = { key: 'takenInChargeOn', dir: 'desc' };

export function sortFrom(params: URLSearchParams): Sort {
  const key = params.get('sort');
  if (!key || !(CASE_SORT_KEYS as readonly string[]).includes(key)) return DEFAULT_SORT;
  return { key: key as CaseSortKey, dir: params.get('dir') === 'asc' ? 'asc' : 'desc' };
}

/** The page's URL: filters, sort and offset (no search text). */
function paramsOf(f: Filters, sort: Sort, offset: number) {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) next.set(k, v === true ? '1' : String(v));
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) {
    next.set('sort', sort.key);
    next.set('dir', sort.dir);
  }
  if (offset) next.set('offset', String(offset));
  return next;
}

export function CaseloadPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const filters = filtersFrom(params);
  const sort = sortFrom(params);
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const search = (location.state as { search?: unknown } | null)?.search;
  const searchActive = typeof search === 'string' && search ? search : '';
  const [searchText, setSearchText] = useState(searchActive);
  useEffect(() => setSearchText(searchActive), [searchActive]);

  const { data, loading, error } = useCaseload({
    status: filters.status || undefined,
    eligibility: filters.eligibility || undefined,
    due: filters.due || undefined,
    mine: filters.mine || undefined,
    sort: sort.key,
    dir: sort.dir,
    limit: PAGE_SIZE,
    offset,
    text: searchActive || undefined,
  });
  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  // the count is said once the answer to this request is in (not the previous one's)
  const shown = Boolean(data) && !loading;

  /** A new URL for filters, sort or page; the search (history state) goes with it unless replaced. */
  const go = (f: Filters, s: Sort, nextOffset: number, text = searchActive) =>
    navigate({ search: `?${paramsOf(f, s, nextOffset)}` }, { state: text ? { search: text } : null });

  function runSearch(e: FormEvent) {
    e.preventDefault();
    go(filters, sort, 0, searchText.trim());
  }
  const clearSearch = () => {
    setSearchText('');
    go(filters, sort, 0, '');
  };
  const filtered = Boolean(filters.status || filters.eligibility || filters.due || filters.mine);
  const empty = filtered ? t.caseload.empty : searchActive ? t.caseload.noWomanMatches : t.caseload.noCases;

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
            {searchActive ? (
              <button type="button" className="btn btn-outline-primary" onClick={clearSearch}>
                {t.caseload.searchClear}
              </button>
            ) : null}
          </div>
        </div>
      </form>
      <CaseloadFilters initial={filters} onApply={(f) => go(f, sort, 0)} />
      <ResourceState loading={loading && !data} error={error} />
      <div className="caseload-summary">
        <p role="status" className="fw-semibold mb-0">
          {shown ? (searchActive ? `${t.caseload.searchActive} ` : '') : ''}
          {shown ? (total === 1 ? t.common.resultOne : fmt(t.common.results, { count: total })) : ''}
        </p>
        {/* the export takes the filters, not a search (which never goes into a URL) */}
        {items.length && !searchActive ? (
          <ExportLinks
            path="/cases/export"
            query={{
              status: filters.status,
              eligibility: filters.eligibility,
              due: filters.due,
              mine: filters.mine || undefined,
              sort: sort.key,
              dir: sort.dir,
            }}
          />
        ) : null}
      </div>
      {shown && !items.length ? <p>{empty}</p> : null}
      {items.length ? (
        <>
          <div className="d-none d-md-block">
            <CaseloadTable items={items} sort={sort} onSort={(s) => go(filters, s, 0)} />
          </div>
          <div className="d-md-none">
            <CaseloadCards items={items} />
          </div>
        </>
      ) : null}
      {offset > 0 || offset + items.length < total ? (
        <nav aria-label={t.caseload.pages} className="form-actions">
          {offset > 0 ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => go(filters, sort, Math.max(0, offset - PAGE_SIZE))}
            >
              {t.caseload.previous}
            </button>
          ) : null}
          <span>
            {fmt(t.caseload.pageOf, {
              n: Math.floor(offset / PAGE_SIZE) + 1,
              of: Math.max(1, Math.ceil(total / PAGE_SIZE)),
            })}
          </span>
          {offset + items.length < total ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => go(filters, sort, offset + PAGE_SIZE)}
            >
              {t.caseload.next}
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
