/** What the recipient reported, the referral's history, and (for the sender) who at the recipient opened it. */
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { reportText } from '../../referrals/report-text.ts';
import type { HistoryEntry, ReferralDetail } from '../../referrals/types.ts';

function useHistoryDetails() {
  const { t, date, label } = useI18n();
  return (e: HistoryEntry) => {
    const d = e.details;
    const parts: string[] = [];
    if (typeof d.reason === 'string')
      parts.push(e.kind === 'decline' ? label('declineReasons', d.reason) : label('accessEndReasons', d.reason));
    if (typeof d.appointmentOn === 'string') parts.push(fmt(t.referral.appointmentOn, { date: date(d.appointmentOn) }));
    if (typeof d.report === 'string') parts.push(label('reportKinds', d.report));
    if (typeof d.outcome === 'string') parts.push(label('completionOutcomes', d.outcome));
    if (typeof d.fields === 'number')
      parts.push(d.fields === 1 ? t.timeline.fieldOne : fmt(t.timeline.fields, { n: d.fields }));
    return parts.join(' · ') || t.common.none;
  };
}

export function ReferralRecords({ d }: { d: ReferralDetail }) {
  const { t, date, dateTime, label } = useI18n();
  const k = t.referralPage;
  const details = useHistoryDetails();
  return (
    <>
      <section aria-labelledby="referral-reports" className="block-gap">
        <h2 id="referral-reports">{k.reports}</h2>
        {d.reports.length ? (
          <ul className="review-list list-unstyled">
            {d.reports.map((r) => (
              <li key={r.id}>
                <strong>{reportText(r, t, label, date)}</strong>
                <div className="small">
                  {fmt(k.reportedBy, {
                    name: r.reportedByName,
                    organisation: r.reportedByOrganisation,
                    date: dateTime(r.createdAt),
                  })}
                </div>
                {r.outcomeId ? <div className="small">{k.flowedBack}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{k.noReports}</p>
        )}
      </section>
      {d.box === 'outbox' ? (
        <section aria-labelledby="referral-views" className="block-gap">
          <h2 id="referral-views">{k.views}</h2>
          {d.views.length ? (
            <ul>
              {d.views.map((v) => (
                <li key={`${v.viewerName}-${v.viewedAt}`}>
                  {fmt(k.viewedBy, { name: v.viewerName, date: dateTime(v.viewedAt) })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{k.noViews}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="referral-history" className="block-gap">
        <h2 id="referral-history">{k.history}</h2>
        <ScrollTable label={k.historyCaption}>
          <caption>{k.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.timeline.when}</th>
              <th scope="col">{t.timeline.what}</th>
              <th scope="col">{t.timeline.who}</th>
              <th scope="col">{t.timeline.details}</th>
            </tr>
          </thead>
          <tbody>
            {d.history.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id and never reorder
              <tr key={i}>
                <td>{dateTime(e.occurredAt)}</td>
                <th scope="row">{label('historyKinds', e.kind)}</th>
                <td>
                  {label('historySides', e.side)}
                  {e.actorName ? <div className="small">{e.actorName}</div> : null}
                </td>
                <td>{details(e)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </>
  );
}
