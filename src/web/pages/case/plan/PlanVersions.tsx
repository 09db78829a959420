/** Every saved version of the plan; one can be opened read-only. */
import { useState } from 'react';
import { api } from '../../../api.ts';
import { apiErrorText } from '../../../forms/api-errors.ts';
import type { PlanVersionDetail, PlanVersionSummary } from '../../../cases/types.ts';
import { Notice } from '../../../components/Notice.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { PlanGoalsView } from './PlanGoalsView.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export function PlanVersions({ items }: { items: PlanVersionSummary[] }) {
  const { t, date, dateTime, label } = useI18n();
  const { c } = useCase();
  const [shown, setShown] = useState<PlanVersionDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const p = t.plan;

  async function open(version: number) {
    setProblem(null);
    try {
      setShown(await api.get('/cases/:id/plan/versions/:version', { params: { id: c.id, version } }));
      window.setTimeout(() => document.getElementById('version-title')?.focus(), 0);
    } catch (err) {
      setProblem(apiErrorText(err, t));
    }
  }

  if (!items.length) return null;
  return (
    <section className="block-gap" aria-labelledby="versions-title">
      <h3 id="versions-title">{p.versionsTitle}</h3>
      <ScrollTable label={p.versionsCaption}>
        <caption>{p.versionsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.version}</th>
            <th scope="col">{p.changedAt}</th>
            <th scope="col">{p.changedBy}</th>
            <th scope="col">{p.goalsCount}</th>
            <th scope="col">{p.actionsCount}</th>
            <th scope="col">{p.agreement}</th>
            <th scope="col">{p.open}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{dateTime(v.changedAt)}</td>
              <td>{v.changedByName ?? t.common.none}</td>
              <td>{v.goals}</td>
              <td>{v.actions}</td>
              <td>
                {v.agreed
                  ? `${date(v.agreedOn)} (${label('agreementMethods', v.agreementMethod ?? '').toLowerCase()})`
                  : t.common.none}
              </td>
              <td>
                <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void open(v.version)}>
                  {fmt(p.openVersion, { n: v.version })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {problem ? <Notice kind="danger">{problem}</Notice> : null}
      {shown ? (
        <section className="version-view" aria-labelledby="version-title">
          <h4 id="version-title" tabIndex={-1} className="h5">
            {fmt(p.versionTitle, { n: shown.version, date: dateTime(shown.changedAt) })}
          </h4>
          <PlanGoalsView goals={shown.goals} idPrefix={`v${shown.version}`} level={5} />
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setShown(null)}>
            {p.closeVersion}
          </button>
        </section>
      ) : null}
    </section>
  );
}
