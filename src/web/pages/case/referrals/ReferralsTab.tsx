/** Case tab "Invii": the referrals of her case, their status and deadlines, who opened them; a new one. */
import { Link, useLocation } from 'react-router-dom';
import { FocusNotice } from '../../../components/FocusNotice.tsx';
import { ResourceState } from '../../../components/Loading.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { referralPath } from '../../../referrals/codes.ts';
import { Deadlines, ReferralStatus } from '../../../referrals/ReferralBadges.tsx';
import type { ReferralDetail } from '../../../referrals/types.ts';
import { useCaseReferrals } from '../../../referrals/useCaseReferrals.ts';
import { useCase } from '../case-context.ts';

function Opened({ d }: { d: ReferralDetail | undefined }) {
  const { t, dateTime } = useI18n();
  if (!d) return <>{t.common.none}</>;
  if (!d.views.length) return <>{t.referralTab.notOpened}</>;
  const names = [...new Set(d.views.map((v) => v.viewerName))];
  const last = d.views[0];
  return (
    <>
      <div>{fmt(t.referralTab.openedBy, { names: names.join(', ') })}</div>
      {last ? (
        <div className="small">
          {fmt(t.referralTab.lastOpened, { date: dateTime(last.viewedAt), count: d.views.length })}
        </div>
      ) : null}
    </>
  );
}

export function ReferralsTab() {
  const { t, label, dateTime } = useI18n();
  const { c, may } = useCase();
  const { state } = useLocation();
  const { items, details, loading, error } = useCaseReferrals(c.id);
  const sentTo = (state as { sentTo?: string } | null)?.sentTo;
  const k = t.referralTab;

  return (
    <>
      <h2>{k.title}</h2>
      <p>{k.intro}</p>
      {sentTo ? <FocusNotice kind="success">{fmt(k.sent, { name: sentTo })}</FocusNotice> : null}
      {may('send_referral') ? (
        <p>
          <Link to={`/percorsi/${encodeURIComponent(c.id)}/invii/nuovo`} className="btn btn-primary">
            {k.new}
          </Link>
        </p>
      ) : null}
      <ResourceState loading={loading && !items} error={error} />
      {items && !items.length ? <p>{k.empty}</p> : null}
      {items?.length ? (
        <ScrollTable label={k.caption}>
          <caption>{k.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.referral.recipient}</th>
              <th scope="col">{t.referral.purpose}</th>
              <th scope="col">{t.referral.status}</th>
              <th scope="col">{t.referral.deadlines}</th>
              <th scope="col">{k.opened}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={referralPath(r.id)}>{r.recipient.name}</Link>
                  {r.recipientUser ? (
                    <div className="small fw-normal">{fmt(t.referral.referentN, { name: r.recipientUser.name })}</div>
                  ) : null}
                  <div className="small fw-normal">{fmt(t.referral.sentAt, { date: dateTime(r.sentAt) })}</div>
                </th>
                <td>{label('sharingPurposes', r.purpose)}</td>
                <td>
                  <ReferralStatus r={r} />
                </td>
                <td>
                  <Deadlines r={r} />
                </td>
                <td>
                  <Opened d={details.get(r.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
