/** Referrals as a table: who she is to them (pseudonym) or the case code, the other body, purpose, urgency, status, deadlines. */
import { Link } from 'react-router-dom';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { referralPath } from '../../referrals/codes.ts';
import { Deadlines, ReferralStatus } from '../../referrals/ReferralBadges.tsx';
import type { Box, ReferralSummary } from '../../referrals/types.ts';

export function ReferralTable({ box, items }: { box: Box; items: ReferralSummary[] }) {
  const { t, label, date } = useI18n();
  const r = t.referral;
  const caption = box === 'inbox' ? t.referrals.inboxCaption : t.referrals.outboxCaption;
  return (
    <ScrollTable label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{box === 'inbox' ? r.pseudonym : r.caseCode}</th>
          <th scope="col">{box === 'inbox' ? r.sender : r.recipient}</th>
          <th scope="col">{r.purpose}</th>
          <th scope="col">{r.urgency}</th>
          <th scope="col">{r.status}</th>
          <th scope="col">{r.deadlines}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id} className={x.overdue ? 'row-overdue' : undefined}>
            <th scope="row">
              <Link to={referralPath(x.id)} className="case-code">
                {box === 'inbox' ? x.pseudonym : (x.caseCode ?? x.pseudonym)}
              </Link>
              <div className="small fw-normal">{fmt(r.sentOn, { date: date(x.sentAt.slice(0, 10)) })}</div>
            </th>
            <td>
              {box === 'inbox' ? x.sender.name : x.recipient.name}
              {x.recipientUser ? <div className="small">{fmt(r.referentN, { name: x.recipientUser.name })}</div> : null}
            </td>
            <td>{label('sharingPurposes', x.purpose)}</td>
            <td>
              {x.urgency === 'routine' ? (
                label('urgencies', x.urgency)
              ) : (
                <strong>{label('urgencies', x.urgency)}</strong>
              )}
            </td>
            <td>
              <ReferralStatus r={x} />
            </td>
            <td>
              <Deadlines r={x} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
