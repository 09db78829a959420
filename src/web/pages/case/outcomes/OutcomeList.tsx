/**
 * The outcomes of her path and what the bodies she was referred to reported, in one list, newest
 * first, each marked with who reported it. A report on a referral that serves a plan action shows
 * that action as it is now, with the centre's one-click update.
 */
import { Link } from 'react-router-dom';
import type { Outcome, PartnerReport, Plan } from '../../../cases/types.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { referralPath } from '../../../referrals/codes.ts';
import { reportDetails } from '../../../referrals/report-text.ts';
import { MarkAction } from '../plan/MarkAction.tsx';

export function useOutcomeDetails() {
  const { t, label } = useI18n();
  const o = t.outcomes;
  return (x: Pick<Outcome, 'details'>): string => {
    const d = x.details;
    const parts: string[] = [];
    if (typeof d.contractType === 'string') parts.push(label('contractTypes', d.contractType));
    if (typeof d.weeklyHours === 'number') parts.push(fmt(o.hoursN, { n: d.weeklyHours }));
    if (typeof d.sector === 'string') parts.push(label('atecoSections', d.sector));
    if (typeof d.housingType === 'string') parts.push(label('housingTypes', d.housingType));
    if (typeof d.reason === 'string') parts.push(label('jobLostReasons', d.reason));
    if (typeof d.certificate === 'boolean') parts.push(d.certificate ? o.withCertificate : o.withoutCertificate);
    if (typeof d.courseTitle === 'string') parts.push(d.courseTitle);
    if (typeof d.completed === 'boolean') parts.push(d.completed ? o.completed : o.notCompleted);
    if (typeof d.days === 'number') parts.push(fmt(o.daysN, { n: d.days }));
    return parts.join(' · ') || t.common.none;
  };
}

interface Row {
  key: string;
  kind: string;
  occurredOn: string;
  details: string;
  reportedBy: string | null;
  report: PartnerReport | null;
}

interface Props {
  items: Outcome[];
  reports?: PartnerReport[];
  /** given when the centre may update the plan: the one-click action update */
  mark?: {
    caseId: string;
    planVersion: number;
    onDone: (plan: Plan, action: string, status: 'in_progress' | 'done') => void;
    onStale: (message: string) => void;
  };
}

export function OutcomeList({ items, reports = [], mark }: Props) {
  const { t, date, label, lang } = useI18n();
  const details = useOutcomeDetails();
  const o = t.outcomes;
  const k = t.partnerReports;
  const reportOf = new Map(reports.filter((r) => r.outcomeId).map((r) => [r.outcomeId, r]));
  const rows: Row[] = [
    ...items.map((x) => ({
      key: x.id,
      kind: label('outcomeKinds', x.kind),
      occurredOn: x.occurredOn,
      details: details(x),
      reportedBy: x.reportedByOrganisationName,
      report: reportOf.get(x.id) ?? null,
    })),
    // a report that is an outcome is already listed as that outcome
    ...reports
      .filter((r) => !r.outcomeId)
      .map((r) => ({
        key: r.id,
        kind: label('reportKinds', r.kind),
        occurredOn: r.occurredOn,
        details: reportDetails(r, t, label) || t.common.none,
        reportedBy: r.reportedByOrganisationName,
        report: r,
      })),
  ].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  if (!rows.length) return <p>{o.empty}</p>;
  const withActions = rows.some((r) => r.report?.planAction);
  return (
    <ScrollTable label={k.caption}>
      <caption>{k.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{k.kind}</th>
          <th scope="col">{o.occurredOn}</th>
          <th scope="col">{o.details}</th>
          <th scope="col">{o.reportedBy}</th>
          {withActions ? <th scope="col">{k.action}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const action = r.report?.planAction;
          const name = action ? (lang === 'it' ? action.label : action.labelEn) : '';
          return (
            <tr key={r.key}>
              <th scope="row">{r.kind}</th>
              <td>{date(r.occurredOn)}</td>
              <td>{r.details}</td>
              <td>
                {r.reportedBy ?? o.thisCentre}
                {r.report ? (
                  <>
                    {' '}
                    <Link to={referralPath(r.report.referralId)}>
                      {k.openReferral}
                      <span className="visually-hidden"> — {r.kind}</span>
                    </Link>
                  </>
                ) : null}
              </td>
              {withActions ? (
                <td>
                  {action ? (
                    <>
                      <span className="d-block">
                        {fmt(k.actionNow, { action: name, status: label('actionStatuses', action.status) })}
                      </span>
                      {mark ? (
                        <MarkAction
                          caseId={mark.caseId}
                          action={action}
                          planVersion={mark.planVersion}
                          onDone={(plan, status) => mark.onDone(plan, name, status)}
                          onStale={mark.onStale}
                        />
                      ) : null}
                    </>
                  ) : (
                    k.noAction
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
