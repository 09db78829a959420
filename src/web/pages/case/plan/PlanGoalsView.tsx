/** The goals and actions of a plan (current or a stored version), read-only. */
import { Badge } from 'design-react-kit';
import type { PlanGoal } from '../../../cases/types.ts';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export function PlanGoalsView({ goals, idPrefix }: { goals: PlanGoal[]; idPrefix: string }) {
  const { t, date, label, lang } = useI18n();
  const p = t.plan;
  if (!goals.length) return <p>{p.noGoals}</p>;
  return (
    <>
      {goals.map((g, i) => (
        <section key={g.id} className="goal-view" aria-labelledby={`${idPrefix}-goal-${i}`}>
          <h4 id={`${idPrefix}-goal-${i}`} className="h5">
            {fmt(p.goalN, { n: i + 1 })}: {g.title}
          </h4>
          <p className="mb-2">
            <Badge color="primary">{label('domains', g.domain)}</Badge> {label('goalStatuses', g.status)}
            {g.targetOn ? ` · ${p.targetOn} ${date(g.targetOn)}` : ''}
          </p>
          {g.actions.length ? (
            <ScrollTable label={fmt(p.actionsCaption, { n: i + 1 })} size="sm">
              <caption>{fmt(p.actionsCaption, { n: i + 1 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.action}</th>
                  <th scope="col">{p.responsible}</th>
                  <th scope="col">{p.operator}</th>
                  <th scope="col">{p.startsOn}</th>
                  <th scope="col">{p.dueOn}</th>
                  <th scope="col">{p.status}</th>
                  <th scope="col">{p.notes}</th>
                </tr>
              </thead>
              <tbody>
                {g.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{lang === 'it' ? a.label : a.labelEn}</th>
                    <td>{a.responsibleOrganisationName ?? t.common.none}</td>
                    <td>{a.operatorName ?? t.common.none}</td>
                    <td>{date(a.startsOn)}</td>
                    <td>{date(a.dueOn)}</td>
                    <td>{label('actionStatuses', a.status)}</td>
                    <td>{a.notes ?? t.common.none}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p>{p.noActions}</p>
          )}
        </section>
      ))}
    </>
  );
}
