/** /formazione: the CPIs' coverage board, the courses, the hours given and received (issue 8). */
import { Badge, Table } from 'design-react-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CoverageState } from '../../../shared/codes/training.ts';
import { useAuth } from '../../auth.tsx';
import { SelectField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { ExportLinks } from '../ExportLinks.tsx';

const BADGE: Record<CoverageState, { color: string; className?: string }> = {
  covered: { color: 'success' },
  one: { color: 'warning' },
  none: { color: 'danger' },
};

export function TrainingPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const k = t.training;
  const reads = me?.permissions.includes('training.read') ?? false;
  return (
    <>
      <PageTitle title={k.title} />
      <p className="lead-text">{k.intro}</p>
      <CoverageBoard />
      {reads ? <Courses manages={me?.permissions.includes('training.manage') ?? false} /> : null}
      {reads ? <HoursTable /> : null}
    </>
  );
}

function CoverageBoard() {
  const { t, date } = useI18n();
  const k = t.training;
  const { data, loading, error } = useApi('/training/coverage');
  return (
    <section aria-labelledby="coverage-title" className="mb-5">
      <h2 id="coverage-title" className="h3">
        {k.coverageTitle}
      </h2>
      <ResourceState loading={loading} error={error} />
      {data ? (
        <>
          <p>{fmt(k.coverageIntro, { months: data.validityMonths, today: date(data.today) })}</p>
          <Table responsive>
            <caption>{k.coverageCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{k.cpi}</th>
                <th scope="col">{k.trained}</th>
                <th scope="col">{k.state}</th>
                <th scope="col">{k.nextDue}</th>
                <th scope="col">{k.referents}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.cpiId} data-cpi={r.cpiId}>
                  <th scope="row">{r.cpiName}</th>
                  <td className="coverage-count">{r.trained}</td>
                  <td>
                    <Badge color={BADGE[r.state].color} className={BADGE[r.state].className}>
                      {k.states[r.state]}
                    </Badge>
                  </td>
                  <td>{r.nextDue ? date(r.nextDue) : '—'}</td>
                  <td>
                    {r.referents.length ? (
                      <ul className="list-unstyled mb-0">
                        {r.referents.map((p) => (
                          <li key={p.userId}>
                            {p.name} <span className="small">({fmt(k.until, { date: date(p.expiresOn) })})</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      k.none
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </section>
  );
}

function Courses({ manages }: { manages: boolean }) {
  const { t, date } = useI18n();
  const k = t.training;
  const { data, loading, error } = useApi('/training/courses');
  const items = data?.items ?? [];
  return (
    <section aria-labelledby="courses-title" className="mb-5">
      <h2 id="courses-title" className="h3">
        {k.coursesTitle}
      </h2>
      {manages ? (
        <p>
          <Link to="/formazione/nuovo" className="btn btn-primary btn-sm">
            {k.newCourse}
          </Link>
        </p>
      ) : null}
      <ResourceState loading={loading} error={error} />
      {data && items.length === 0 ? <p>{k.noCourses}</p> : null}
      {items.length ? (
        <Table responsive>
          <caption>{k.coursesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{k.course}</th>
              <th scope="col">{k.audiences}</th>
              <th scope="col">{k.hours}</th>
              <th scope="col">{k.editions}</th>
              <th scope="col">{k.lastSession}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/formazione/corsi/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                  <div className="small">
                    {c.runningBodyName} — {c.networkName}
                  </div>
                </th>
                <td>{c.audiences.map((a) => k.audienceLabels[a]).join(', ')}</td>
                <td>{c.hours}</td>
                <td>{c.editions}</td>
                <td>{c.lastSessionOn ? date(c.lastSessionOn) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}

function HoursTable() {
  const { t } = useI18n();
  const k = t.training;
  const thisYear = new Date().getFullYear();
  const [period, setPeriod] = useState<'year' | 'quarter'>('year');
  const [year, setYear] = useState(thisYear);
  const query = { period, year };
  const { data, loading, error } = useApi('/training/hours', { query });
  const items = data?.items ?? [];
  const years = [thisYear, thisYear - 1, thisYear - 2];
  return (
    <section aria-labelledby="hours-title" className="mb-5">
      <h2 id="hours-title" className="h3">
        {k.hoursTitle}
      </h2>
      <div className="row">
        <SelectField
          id="hours-period"
          className="col-md-3"
          label={k.period}
          value={period}
          onValueChange={(v) => setPeriod(v === 'quarter' ? 'quarter' : 'year')}
          options={[
            { value: 'year', label: k.periods.year },
            { value: 'quarter', label: k.periods.quarter },
          ]}
        />
        <SelectField
          id="hours-year"
          className="col-md-3"
          label={k.year}
          value={String(year)}
          onValueChange={(v) => setYear(Number(v))}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      <ExportLinks path="/training/hours/export" query={query} />
      <ResourceState loading={loading} error={error} />
      {data && items.length === 0 ? <p>{k.noHours}</p> : null}
      {items.length ? (
        <Table responsive>
          <caption>{k.hoursCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{k.period}</th>
              <th scope="col">{k.network}</th>
              <th scope="col">{k.body}</th>
              <th scope="col">{k.given}</th>
              <th scope="col">{k.received}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={`${r.period}-${r.networkId}-${r.organisationId}`}>
                <td>{r.period}</td>
                <td>{r.networkName}</td>
                <th scope="row">{r.organisationName}</th>
                <td>{r.given}</td>
                <td>{r.received}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
