/**
 * /osservatorio: the observatory's dashboards (funnel, referrals and deadlines, work and
 * retention, profile, network) for a period from the fixed lists, by network, centre or CPI.
 * The choice lives in the URL (?d=&period=&by=&network=), so a reload or a shared link shows the
 * same. Every number comes from the server already suppressed; the page only formats marks.
 */
import { useSearchParams } from 'react-router-dom';
import '../../styles/observatory.css';
import { type ObsLang, periodLabel, periodParam } from '../../../shared/observatory/cells.ts';
import {
  BREAKDOWNS,
  type Breakdown,
  DASHBOARDS,
  type Dashboard,
  type DashboardAnswer,
  type ObservatoryScope,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
} from '../../../shared/observatory/types.ts';
import { queryString } from '../../api-path.ts';
import { useAuth } from '../../auth.tsx';
import { SelectField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { TableCard } from './TableCard.tsx';
import { useJson } from './useJson.ts';

type Scope = ObservatoryScope & { dashboards?: Dashboard[] };

/** The default period: the last quarter that has ended (the control room's usual question). */
function defaultPeriod(periods: Period[], today = new Date().toISOString().slice(0, 10)): Period | undefined {
  const quarters = periods.filter((p) => p.kind === 'quarter');
  return quarters.find((p) => p.to < today) ?? quarters[0] ?? periods[0];
}

export function ObservatoryPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const k = t.observatory;
  const [params, setParams] = useSearchParams();
  const scope = useJson<Scope>('/observatory/scope');
  const s = scope.data;

  const dashboards = DASHBOARDS.filter((d) => !s?.dashboards || s.dashboards.includes(d));
  const dashboard = (dashboards as readonly string[]).includes(params.get('d') ?? '')
    ? (params.get('d') as Dashboard)
    : (dashboards[0] ?? 'funnel');
  const periods = s?.periods ?? [];
  const period = periods.find((p) => periodParam(p) === params.get('period')) ?? defaultPeriod(periods);
  const breakdowns = (s?.breakdowns ?? []).filter((b) => (BREAKDOWNS as readonly string[]).includes(b));
  const by: Breakdown = breakdowns.includes(params.get('by') as Breakdown)
    ? (params.get('by') as Breakdown)
    : (breakdowns[0] ?? 'network');
  const networks = s?.networks ?? [];
  const network = networks.some((n) => n.id === params.get('network')) ? (params.get('network') as string) : '';

  const query = period ? { period: periodParam(period), by, network: network || undefined } : null;
  const answer = useJson<DashboardAnswer>(
    s && query ? `/observatory/dashboards/${dashboard}${queryString(query)}` : null,
  );

  /** Changes the URL's state (replace: the filters are one place in the history). */
  const set = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };
  const choose = (next: Record<string, string>) => {
    const current: Record<string, string> = {
      d: dashboard,
      period: period ? periodParam(period) : '',
      by,
      network,
    };
    set({ ...current, ...next });
  };
  const kind: PeriodKind = period?.kind ?? 'quarter';
  const exportUrl = (code: string | null) => (format: 'csv' | 'xlsx') =>
    `/api/v1/observatory/dashboards/${dashboard}/export${queryString({ ...query, format, lang, table: code ?? undefined })}`;
  const l = lang as ObsLang;

  return (
    <>
      <PageTitle title={k.title} />
      <p className="lead-text">{k.intro}</p>
      <ResourceState loading={scope.loading && !s} error={scope.error} />
      {s && period ? (
        <>
          <form className="obs-filters mb-4" aria-label={k.filters} onSubmit={(e) => e.preventDefault()}>
            <div className="row">
              <div className="col-sm-6 col-lg-3">
                <SelectField
                  id="obs-kind"
                  label={k.periodKind}
                  value={kind}
                  onValueChange={(v) => {
                    const first = periods.filter((p) => p.kind === v);
                    const next =
                      v === 'quarter'
                        ? defaultPeriod(periods)
                        : (first.find((p) => p.to < new Date().toISOString().slice(0, 10)) ?? first[0]);
                    if (next) choose({ period: periodParam(next) });
                  }}
                  options={PERIOD_KINDS.filter((pk) => periods.some((p) => p.kind === pk)).map((pk) => ({
                    value: pk,
                    label: k.kinds[pk],
                  }))}
                />
              </div>
              <div className="col-sm-6 col-lg-3">
                <SelectField
                  id="obs-period"
                  label={k.period}
                  value={periodParam(period)}
                  onValueChange={(v) => choose({ period: v })}
                  options={periods
                    .filter((p) => p.kind === kind)
                    .map((p) => ({ value: periodParam(p), label: periodLabel(p, l) }))}
                />
              </div>
              {breakdowns.length > 1 ? (
                <div className="col-sm-6 col-lg-3">
                  <SelectField
                    id="obs-by"
                    label={k.by}
                    value={by}
                    onValueChange={(v) => choose({ by: v })}
                    options={breakdowns.map((b) => ({ value: b, label: k.breakdowns[b] }))}
                  />
                </div>
              ) : null}
              {networks.length > 1 ? (
                <div className="col-sm-6 col-lg-3">
                  <SelectField
                    id="obs-network"
                    label={k.network}
                    value={network}
                    onValueChange={(v) => choose({ network: v })}
                    options={[
                      { value: '', label: k.allNetworks },
                      ...networks.map((n) => ({ value: n.id, label: n.name })),
                    ]}
                  />
                </div>
              ) : null}
            </div>
          </form>
          <nav aria-label={k.dashboardsLabel} className="mb-4">
            <ul className="nav nav-tabs obs-tabs">
              {dashboards.map((d) => (
                <li key={d} className="nav-item">
                  <a
                    className={`nav-link${d === dashboard ? ' active' : ''}`}
                    aria-current={d === dashboard ? 'page' : undefined}
                    href={`/osservatorio${queryString({ d, period: periodParam(period), by, network: network || undefined })}`}
                    onClick={(e) => {
                      e.preventDefault();
                      choose({ d });
                    }}
                  >
                    {k.dashboards[d]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p role="status" className="fw-semibold">
            {answer.loading
              ? t.common.loading
              : fmt(k.showing, {
                  dashboard: k.dashboards[dashboard],
                  period: periodLabel(period, l),
                  by: k.breakdowns[by].toLowerCase(),
                })}
          </p>
          <ResourceState loading={false} error={answer.error} />
          {answer.data && answer.data.dashboard === dashboard ? (
            answer.data.tables.length ? (
              <>
                <p className="export-links">
                  <span className="me-2">{k.downloadAll}</span>
                  {(['csv', 'xlsx'] as const).map((format) => (
                    <a key={format} className="btn btn-primary btn-sm me-2" href={exportUrl(null)(format)} download>
                      {t.exports.formats[format]}
                    </a>
                  ))}
                </p>
                {answer.data.tables.map((table, i) => (
                  <TableCard
                    key={`${table.indicator.code}@${table.indicator.version}:${table.rowDimension}:${table.columnDimension}`}
                    table={table}
                    index={i}
                    exportUrl={exportUrl(table.indicator.code)}
                  />
                ))}
              </>
            ) : (
              <p>{k.noTables}</p>
            )
          ) : null}
          {me?.permissions.includes('observatory.report') ? <ReportPanel periods={periods} /> : null}
        </>
      ) : null}
    </>
  );
}
