/**
 * The control room's quarterly report (a background job: requested here, its progress polled
 * every second until ready, then downloaded as an attachment) and the annual ISTAT / O.R.A.
 * extract (a list of CSV files and their data dictionary).
 */
import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { type ObsLang, periodLabel } from '../../../shared/observatory/cells.ts';
import type { Period } from '../../../shared/observatory/types.ts';
import { api } from '../../api.ts';
import { SelectField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

export function ReportPanel({ periods }: { periods: Period[] }) {
  const { t, lang, dateTime } = useI18n();
  const k = t.observatory.report;
  const today = new Date().toISOString().slice(0, 10);
  const quarters = periods.filter((p) => p.kind === 'quarter');
  const [quarter, setQuarter] = useState(() => (quarters.find((p) => p.to < today) ?? quarters[0])?.key ?? '');
  const [reportLang, setReportLang] = useState<'it' | 'en'>(lang);
  const [busy, setBusy] = useState(false);
  const reports = useApi('/observatory/reports');
  const items = reports.data?.items ?? [];
  const working = items.some((r) => r.status === 'queued' || r.status === 'running');
  const { reload } = reports;

  useEffect(() => {
    if (!working) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [working, reload]);

  const generate = async () => {
    setBusy(true);
    try {
      await api.post('/observatory/reports', { body: { quarter, lang: reportLang } });
      reload();
    } finally {
      setBusy(false);
    }
  };
  const label = (key: string) => periodLabel({ kind: 'quarter', key }, lang as ObsLang);

  return (
    <>
      <section className="obs-report mt-5" aria-labelledby="obs-report-title">
        <h2 id="obs-report-title" className="h3">
          {k.title}
        </h2>
        <p>{k.intro}</p>
        <div className="row align-items-end">
          <div className="col-sm-6 col-lg-3">
            <SelectField
              id="obs-report-quarter"
              label={k.quarter}
              value={quarter}
              onValueChange={setQuarter}
              options={quarters.map((p) => ({ value: p.key, label: label(p.key) }))}
            />
          </div>
          <div className="col-sm-6 col-lg-3">
            <SelectField
              id="obs-report-lang"
              label={k.lang}
              value={reportLang}
              onValueChange={(v) => setReportLang(v === 'en' ? 'en' : 'it')}
              options={(['it', 'en'] as const).map((l) => ({ value: l, label: k.langs[l] }))}
            />
          </div>
          <div className="col-sm-6 col-lg-3 mb-4">
            <Button color="primary" onClick={generate} disabled={busy || !quarter}>
              {k.generate}
            </Button>
          </div>
        </div>
        <ResourceState loading={reports.loading && !reports.data} error={reports.error} />
        {reports.data && items.length === 0 ? <p>{k.none}</p> : null}
        {items.length ? (
          <ScrollTable label={k.recent} size="sm">
            <caption>{k.recent}</caption>
            <thead>
              <tr>
                <th scope="col">{k.colQuarter}</th>
                <th scope="col">{k.colRequested}</th>
                <th scope="col">{k.colStatus}</th>
                <th scope="col">{k.colFile}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {label(r.quarter)} ({r.lang.toUpperCase()})
                  </th>
                  <td>{dateTime(r.requestedAt)}</td>
                  <td>
                    {k.statuses[r.status]}
                    {r.status === 'queued' || r.status === 'running' ? (
                      <div className="progress mt-1">
                        <div
                          className="progress-bar"
                          role="progressbar"
                          aria-label={fmt(k.progress, { quarter: label(r.quarter) })}
                          aria-valuenow={r.progress}
                          aria-valuemin={0}
                          aria-valuemax={100}
                          style={{ width: `${r.progress}%` }}
                        />
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {r.status === 'done' ? (
                      <>
                        <a href={`/api/v1/observatory/reports/${r.id}/pdf`} download>
                          {fmt(k.download, { quarter: label(r.quarter) })}
                        </a>
                        <div className="small text-secondary">
                          {k.hash}: <code>{r.dataHash?.slice(0, 12)}</code>
                        </div>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : null}
      </section>
      <ExtractPanel periods={periods} />
    </>
  );
}

function ExtractPanel({ periods }: { periods: Period[] }) {
  const { t } = useI18n();
  const k = t.observatory.extract;
  const years = periods.filter((p) => p.kind === 'year');
  const [year, setYear] = useState(years[1]?.key ?? years[0]?.key ?? '');
  const [shown, setShown] = useState<string | null>(null);
  const index = useApi('/observatory/extract/:year', shown ? { params: { year: shown } } : null);
  return (
    <section className="obs-extract mt-5" aria-labelledby="obs-extract-title">
      <h2 id="obs-extract-title" className="h3">
        {k.title}
      </h2>
      <p>{k.intro}</p>
      <div className="row align-items-end">
        <div className="col-sm-6 col-lg-3">
          <SelectField
            id="obs-extract-year"
            label={k.year}
            value={year}
            onValueChange={setYear}
            options={years.map((p) => ({ value: p.key, label: p.key }))}
          />
        </div>
        <div className="col-sm-6 col-lg-3 mb-4">
          <Button color="primary" outline onClick={() => setShown(year)} disabled={!year}>
            {k.show}
          </Button>
        </div>
      </div>
      <ResourceState loading={index.loading} error={index.error} />
      {index.data ? (
        <>
          <h3 className="h5">{fmt(k.files, { year: index.data.year })}</h3>
          <ul>
            {index.data.files.map((f) => (
              <li key={f.name}>
                <a href={`/api/v1/observatory/extract/${index.data?.year}/${f.name}`} download>
                  {f.name}
                </a>{' '}
                — {f.title}
                {f.rows ? ` (${fmt(k.rows, { n: f.rows })})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
