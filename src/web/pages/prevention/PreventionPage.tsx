/** /prevenzione: prevention activities as a list with totals per quarter, or a month calendar (issue 8). */
import { Table } from 'design-react-kit';
import { useSearchParams } from 'react-router-dom';
import type { ResponseOf } from '../../api-contract.ts';
import { SelectField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

type Activity = ResponseOf<'GET', '/prevention/activities'>['items'][number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function PreventionPage() {
  const { t, date } = useI18n();
  const k = t.prevention;
  const [params, setParams] = useSearchParams();
  const view = params.get('vista') === 'calendario' ? 'calendar' : 'list';
  const now = new Date();
  const monthParam = /^\d{4}-\d{2}$/.test(params.get('mese') ?? '') ? (params.get('mese') as string) : null;
  const [y, m] = (monthParam ?? `${now.getFullYear()}-${pad(now.getMonth() + 1)}`).split('-').map(Number) as [
    number,
    number,
  ];
  const query =
    view === 'calendar'
      ? { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`, period: 'quarter' as const }
      : { from: `${y}-01-01`, to: `${y}-12-31`, period: 'quarter' as const };
  const { data, loading, error } = useApi('/prevention/activities', { query });
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    setParams(next);
  };
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(y, m - 1 + delta, 1));
    set({ mese: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}` });
  };
  const where = (a: Activity) =>
    a.municipio ? fmt(k.municipio, { n: a.municipio }) : (a.municipalityName ?? a.municipalityCode ?? '');
  return (
    <>
      <PageTitle title={k.title} />
      <p className="lead-text">{k.intro}</p>
      <div className="row">
        <SelectField
          id="prevention-view"
          className="col-md-3"
          label={k.view}
          value={view}
          onValueChange={(v) => set({ vista: v === 'calendar' ? 'calendario' : 'elenco' })}
          options={[
            { value: 'list', label: k.listView },
            { value: 'calendar', label: k.calendarView },
          ]}
        />
      </div>
      {view === 'calendar' ? (
        <p>
          <button type="button" className="btn btn-outline-primary btn-sm me-2" onClick={() => shift(-1)}>
            {k.previous}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => shift(1)}>
            {k.next}
          </button>
        </p>
      ) : null}
      <ResourceState loading={loading} error={error} />
      {data && data.items.length === 0 ? <p>{k.empty}</p> : null}
      {data && view === 'calendar' ? <Calendar items={data.items} year={y} month={m} where={where} /> : null}
      {data && view === 'list' && data.items.length ? (
        <>
          <Table responsive>
            <caption>{k.totalsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{k.period}</th>
                <th scope="col">{k.activities}</th>
                <th scope="col">{k.participants}</th>
                <th scope="col">{k.money}</th>
                <th scope="col">{k.hours}</th>
              </tr>
            </thead>
            <tbody>
              {data.totals.map((x) => (
                <tr key={x.period}>
                  <th scope="row">{x.period}</th>
                  <td>{x.activities}</td>
                  <td>{x.participants}</td>
                  <td>{x.money}</td>
                  <td>{x.hours}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Table responsive>
            <caption>{fmt(k.caption, { from: date(data.from), to: date(data.to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{k.activity}</th>
                <th scope="col">{k.where}</th>
                <th scope="col">{k.dates}</th>
                <th scope="col">{k.participants}</th>
                <th scope="col">{k.bodies}</th>
                <th scope="col">{k.materials}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    <div className="small">
                      {k.kinds[a.kind]} — {a.audiences.map((x) => k.audiences[x]).join(', ')}
                    </div>
                  </th>
                  <td>{where(a)}</td>
                  <td>{a.startsOn === a.endsOn ? date(a.startsOn) : `${date(a.startsOn)} – ${date(a.endsOn)}`}</td>
                  <td>{a.participants ?? '—'}</td>
                  <td>
                    <ul className="list-unstyled mb-0 small">
                      {a.resources.map((r) => (
                        <li key={`${r.bodyId}-${r.kind}`}>
                          {r.bodyName}:{' '}
                          {r.kind === 'involved' ? k.resourceKinds.involved : `${r.amount} ${k.resourceKinds[r.kind]}`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="small">{a.materials.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </>
  );
}

function Calendar(props: { items: Activity[]; year: number; month: number; where: (a: Activity) => string }) {
  const { t, lang } = useI18n();
  const k = t.prevention;
  const { year, month } = props;
  const days = lastDay(year, month);
  const first = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const cells: Array<number | null> = [...Array(first).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const on = (d: number) => {
    const iso = `${year}-${pad(month)}-${pad(d)}`;
    // on its first day, and on the 1st of the month for what started before
    return props.items.filter((a) => a.startsOn === iso || (d === 1 && a.startsOn < iso && a.endsOn >= iso));
  };
  return (
    <Table bordered responsive className="prevention-calendar">
      <caption>{fmt(k.calendarCaption, { month: name })}</caption>
      <thead>
        <tr>
          {k.weekdays.map((d) => (
            <th scope="col" key={d}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.map((d) => d ?? '-').join('.')}>
            {w.map((d, i) =>
              d ? (
                <td key={d} style={{ verticalAlign: 'top', minWidth: '7rem' }}>
                  <div className="fw-bold">{d}</div>
                  <ul className="list-unstyled small mb-0">
                    {on(d).map((a) => (
                      <li key={a.id}>
                        {a.title} <span className="text-muted">({props.where(a)})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: empty cells before and after the month have no identity
                <td key={`empty-${i}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
