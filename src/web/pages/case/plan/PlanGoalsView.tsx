/** The goals and actions of a plan (current or a stored version), read-only. */
import { Badge } from 'design-react-kit';
import { isActionOverdue } from '../../../../shared/urgency.ts';
import { todayIso } from '../../../cases/codes.ts';
import type { PartnerReport, Plan, PlanGoal } from '../../../cases/types.ts';
import { UrgencyBadge } from '../../../components/UrgencyBadge.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { MarkAction } from './MarkAction.tsx';

/** Partners' reports on the current plan, shown on the actions they serve, with the one-click update. */
export interface ActionReports {
  reports: PartnerReport[];
  caseId: string;
  planVersion: number;
  /** absent when the centre may not change the plan */
  onDone?: (plan: Plan, action: string, status: 'in_progress' | 'done') => void;
  onStale: (message: string) => void;
}

/** `level`: the goal headings' level, one below the section that holds them (axe: heading-order). */
export function PlanGoalsView({
  goals,
  idPrefix,
  level,
  reports,
}: {
  goals: PlanGoal[];
  idPrefix: string;
  level: 3 | 4 | 5;
  reports?: ActionReports;
}) {
  const Heading = `h${level}` as const;
  const { t, date, label, lang } = useI18n();
  const p = t.plan;
  // the newest report on each action (the list comes newest first)
  const latest = new Map<string, PartnerReport>();
  for (const r of reports?.reports ?? [])
    if (r.planAction && !latest.has(r.planAction.id)) latest.set(r.planAction.id, r);
  // the plan in force (the one with reports) marks its overdue actions; a stored version does not
  const today = reports ? todayIso() : null;
  if (!goals.length) return <p>{p.noGoals}</p>;
  return (
    <>
      {goals.map((g, i) => (
        <section key={g.id} className="goal-view" aria-labelledby={`${idPrefix}-goal-${i}`}>
          <Heading id={`${idPrefix}-goal-${i}`} className="h5">
            {fmt(p.goalN, { n: i + 1 })}: {/* her words as the centre wrote them, in Italian */}
            <span lang={lang === 'it' ? undefined : 'it'}>{g.title}</span>
          </Heading>
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
                    <td>
                      {label('actionStatuses', a.status)}
                      {today && isActionOverdue(a, today) ? (
                        <div>
                          <UrgencyBadge kind="action_overdue" />
                        </div>
                      ) : null}
                      {reports && latest.get(a.id) ? (
                        <ActionReport
                          report={latest.get(a.id) as PartnerReport}
                          action={{ id: a.id, label: a.label, labelEn: a.labelEn, status: a.status }}
                          reports={reports}
                        />
                      ) : null}
                    </td>
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

function ActionReport({
  report,
  action,
  reports,
}: {
  report: PartnerReport;
  action: { id: string; label: string; labelEn: string; status: string };
  reports: ActionReports;
}) {
  const { t, date, label, lang } = useI18n();
  const onDone = reports.onDone;
  const name = lang === 'it' ? action.label : action.labelEn;
  return (
    <span className="d-block small">
      {fmt(t.partnerReports.fromReport, {
        organisation: report.reportedByOrganisationName,
        date: date(report.occurredOn),
        kind: label('reportKinds', report.kind),
      })}
      {onDone ? (
        <span className="d-block mt-1">
          <MarkAction
            caseId={reports.caseId}
            action={action}
            planVersion={reports.planVersion}
            onDone={(plan, status) => onDone(plan, name, status)}
            onStale={reports.onStale}
          />
        </span>
      ) : null}
    </span>
  );
}
