/** One referral: summary, shared data, the steps the caller may take, reports, history, views, messages. */
import { ReferralVacancyMatches } from '../companies/VacancyMatchesPanel.tsx';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../auth.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { Deadlines, ReferralStatus } from '../../referrals/ReferralBadges.tsx';
import { SharedView } from '../../referrals/SharedView.tsx';
import type { ReferralDetail, TransitionOut } from '../../referrals/types.ts';
import { useApi } from '../../useApi.ts';
import { MessageThread } from './MessageThread.tsx';
import { ReferralActions } from './ReferralActions.tsx';
import { ReferralRecords } from './ReferralRecords.tsx';
import { ServedAction } from './ServedAction.tsx';

function Facts({ d, onChanged }: { d: ReferralDetail; onChanged: (text: string) => void }) {
  const { t, label, date, dateTime } = useI18n();
  const r = t.referral;
  const rows: [string, ReactNode][] = [
    [r.status, <ReferralStatus key="s" r={d} />],
    [r.sender, d.sender.name],
    [
      r.recipient,
      d.recipientUser ? `${d.recipient.name} — ${fmt(r.referentN, { name: d.recipientUser.name })}` : d.recipient.name,
    ],
    [r.purpose, label('sharingPurposes', d.purpose)],
    [r.urgency, label('urgencies', d.urgency)],
    [r.sentAtLabel, dateTime(d.sentAt)],
    [r.deadlines, <Deadlines key="d" r={d} />],
    [r.contactMode, label('contactModes', d.contactMode)],
    [r.accessUntil, d.accessOpen ? (d.accessUntil ? date(d.accessUntil) : r.whileOpen) : t.common.none],
  ];
  // the recipient sees the action only when the plan's actions went with the referral
  if (d.planAction || d.box === 'outbox')
    rows.push([t.referralPlan.serves, <ServedAction key="a" d={d} onChanged={onChanged} />]);
  if (d.declineReason) rows.push([r.declineReason, label('declineReasons', d.declineReason)]);
  if (d.completionOutcome) rows.push([r.completionOutcome, label('completionOutcomes', d.completionOutcome)]);
  return <DetailList twoColumns rows={rows} />;
}

export function ReferralPage() {
  const { t, label } = useI18n();
  const { id = '' } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { data: d, loading, error, reload } = useApi('/referrals/:id', { params: { id } });
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const k = t.referralPage;

  const done = (out: TransitionOut, action: string) => {
    if (!out.accessOpen && d?.box === 'inbox') {
      navigate('/invii', { state: { notice: fmt(k.gone, { what: label('referralStatuses', out.status) }) } });
      return;
    }
    setNotice((x) => ({ text: fmt(k.done, { what: label('historyKinds', action) }), n: (x?.n ?? 0) + 1 }));
    reload();
  };

  if (error?.status === 404) {
    return (
      <>
        <PageTitle title={k.unavailableTitle} />
        <Notice kind="warning">{k.unavailable}</Notice>
        <p>
          <Link to="/invii">{k.back}</Link>
        </p>
      </>
    );
  }
  const title = d
    ? d.box === 'inbox'
      ? fmt(k.titleInbox, { pseudonym: d.pseudonym })
      : fmt(k.titleOutbox, { code: d.caseCode ?? d.pseudonym })
    : k.titleLoading;
  const writer = !!me?.permissions.includes('referral.answer');
  return (
    <>
      <p>
        <Link to={d?.box === 'outbox' ? '/invii?box=outbox' : '/invii'}>{k.back}</Link>
      </p>
      <PageTitle title={title} />
      {!d ? <ResourceState loading={loading} error={error} /> : null}
      {d ? (
        <>
          {notice ? (
            <FocusNotice kind="success" focusKey={notice.n}>
              {notice.text}
            </FocusNotice>
          ) : null}
          {d.box === 'outbox' && d.caseId ? (
            <p>
              <Link to={`/percorsi/${encodeURIComponent(d.caseId)}/invii`}>
                {fmt(k.openCase, { code: d.caseCode ?? '' })}
              </Link>
            </p>
          ) : null}
          {d.box === 'inbox' ? <p className="lead-text">{fmt(k.pseudonymNote, { pseudonym: d.pseudonym })}</p> : null}
          <Facts
            d={d}
            onChanged={(text) => {
              setNotice((x) => ({ text, n: (x?.n ?? 0) + 1 }));
              reload();
            }}
          />
          <section aria-labelledby="referral-shared" className="block-gap">
            <h2 id="referral-shared">{k.shared}</h2>
            {d.shared ? <SharedView shared={d.shared} contactMode={d.contactMode} /> : <p>{k.sharedGone}</p>}
          </section>
          {/* net-companies: vacancies that fit, on the shared fields only, once the referral is accepted */}
          {d.box === 'inbox' &&
          d.accessOpen &&
          (d.status === 'accepted' || d.status === 'in_progress') &&
          me?.permissions.includes('company.read') ? (
            <ReferralVacancyMatches referralId={d.id} />
          ) : null}
          <ReferralActions d={d} onDone={done} onStale={reload} />
          <ReferralRecords d={d} />
          <MessageThread id={d.id} canWrite={writer && d.accessOpen} />
        </>
      ) : null}
    </>
  );
}
