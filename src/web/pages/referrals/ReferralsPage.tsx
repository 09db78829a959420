/** "Invii": referrals received by my organisation (inbox) or sent by my centre (outbox), with filters. */
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth.tsx';
import { useOptions } from '../../cases/options.ts';
import { Checkbox } from '../../components/Choice.tsx';
import { SelectField } from '../../components/Field.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { ResourceState, ResultsSummary } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';

import { PURPOSES, SENDER_TYPES, STATUSES } from '../../referrals/codes.ts';
import type { Box } from '../../referrals/types.ts';
import { useApi } from '../../useApi.ts';
import { ReferralTable } from './ReferralTable.tsx';

export function ReferralsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const options = useOptions();
  const { state } = useLocation();
  const [params, setParams] = useSearchParams();
  const sends = SENDER_TYPES.includes(me?.organisation.type ?? '');
  const box: Box = sends && params.get('box') !== 'inbox' ? 'outbox' : 'inbox';
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as string)
    : '';
  const purpose = (PURPOSES as readonly string[]).includes(params.get('purpose') ?? '')
    ? (params.get('purpose') as string)
    : '';
  const overdue = params.get('overdue') === 'true';
  const { data, loading, error } = useApi('/referrals', {
    query: { box, status, purpose, overdue: overdue ? 'true' : undefined },
  });
  const items = data?.items ?? [];
  const notice = (state as { notice?: string } | null)?.notice;
  const k = t.referrals;

  const change = (patch: Record<string, string>) => {
    const next = { box: sends ? box : '', status, purpose, overdue: overdue ? 'true' : '', ...patch };
    setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v)), { replace: true });
  };
  const tab = (b: Box, text: string) => (
    <li className="nav-item">
      <Link
        to={`/invii?box=${b}`}
        className={`nav-link${box === b ? ' active' : ''}`}
        aria-current={box === b ? 'page' : undefined}
      >
        {text}
      </Link>
    </li>
  );

  return (
    <>
      <PageTitle title={sends ? `${box === 'inbox' ? k.inbox : k.outbox} — ${k.title}` : k.title}>{k.title}</PageTitle>
      <p className="lead-text">{box === 'inbox' ? k.inboxIntro : k.outboxIntro}</p>
      {notice ? <FocusNotice kind="success">{notice}</FocusNotice> : null}
      {sends ? (
        <nav aria-label={k.boxes} className="case-tabs">
          <ul className="nav nav-tabs">
            {tab('outbox', k.outbox)}
            {tab('inbox', k.inbox)}
          </ul>
        </nav>
      ) : null}
      <form className="filters" aria-label={k.filters} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="referrals-status"
              label={t.referral.status}
              value={status}
              onValueChange={(v) => change({ status: v })}
              options={options('referralStatuses', STATUSES, k.any)}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="referrals-purpose"
              label={t.referral.purpose}
              value={purpose}
              onValueChange={(v) => change({ purpose: v })}
              options={options('sharingPurposes', PURPOSES, k.any)}
            />
          </div>
          <div className="col-md-4 filters-check">
            <Checkbox
              id="referrals-overdue"
              label={k.overdueOnly}
              checked={overdue}
              onChange={(on) => change({ overdue: on ? 'true' : '' })}
            />
          </div>
        </div>
      </form>
      <ResourceState loading={loading && !data} error={error} />
      <ResultsSummary count={data ? items.length : null} empty={box === 'inbox' ? k.inboxEmpty : k.outboxEmpty} />
      {items.length ? <ReferralTable box={box} items={items} /> : null}
    </>
  );
}
