/** On the plan: what the bodies she was referred to reported back ("Segnalato da …: tirocinio avviato il …"). */
import { Link } from 'react-router-dom';
import { ResourceState } from '../../../components/Loading.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { referralPath } from '../../../referrals/codes.ts';
import { reportText } from '../../../referrals/report-text.ts';
import { useCaseReferrals } from '../../../referrals/useCaseReferrals.ts';

export function ReferralReportsPanel({ caseId }: { caseId: string }) {
  const { t, date, label } = useI18n();
  const { items, details, loading, error } = useCaseReferrals(caseId);
  const k = t.referralTab;
  const reports = (items ?? []).flatMap((r) =>
    (details.get(r.id)?.reports ?? []).map((report) => ({ referralId: r.id, report })),
  );
  reports.sort((a, b) => b.report.occurredOn.localeCompare(a.report.occurredOn));
  return (
    <section aria-labelledby="plan-referral-reports" className="block-gap referral-reports">
      <h3 id="plan-referral-reports">{k.reportsTitle}</h3>
      <ResourceState loading={loading && !items} error={error} />
      {items && !loading && !reports.length ? <p>{items.length ? k.noReports : k.noReferrals}</p> : null}
      {reports.length ? (
        <ul className="review-list list-unstyled">
          {reports.map(({ referralId, report }) => (
            <li key={report.id}>
              {fmt(k.reportedBy, {
                organisation: report.reportedByOrganisation,
                text: reportText(report, t, label, date),
              })}{' '}
              <Link to={referralPath(referralId)}>
                {k.openReferral}
                <span className="visually-hidden"> — {report.reportedByOrganisation}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
