/** Outcomes tab: what her path achieved, a form per kind, and the job-retention follow-ups. */
import { useState } from 'react';
import { FocusNotice } from '../../../components/FocusNotice.tsx';
import { ResourceState } from '../../../components/Loading.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../useApi.ts';
import { useCase } from '../case-context.ts';
import { FollowUpsList } from './FollowUpsList.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { OutcomeList } from './OutcomeList.tsx';

export function OutcomesTab() {
  const { t, label } = useI18n();
  const { c, may, reload: reloadCase } = useCase();
  const outcomes = useApi('/cases/:id/outcomes', { params: { id: c.id } });
  const followUps = useApi('/cases/:id/follow-ups', { params: { id: c.id } });
  const reports = useApi('/cases/:id/partner-reports', { params: { id: c.id } });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number; warn?: boolean } | null>(null);
  const o = t.outcomes;
  const k = t.partnerReports;
  const say = (text: string, warn = false) => setNotice((x) => ({ text, warn, n: (x?.n ?? 0) + 1 }));

  const changed = (text: string) => {
    setAdding(false);
    say(text);
    outcomes.reload();
    followUps.reload();
    reloadCase();
  };

  return (
    <>
      <h2>{o.title}</h2>
      <p>{o.intro}</p>
      {notice ? (
        <FocusNotice kind={notice.warn ? 'warning' : 'success'} focusKey={notice.n}>
          {notice.text}
        </FocusNotice>
      ) : null}
      <ResourceState loading={outcomes.loading && !outcomes.data} error={outcomes.error ?? reports.error} />
      {outcomes.data && reports.data ? (
        <OutcomeList
          items={outcomes.data.items}
          reports={reports.data.items}
          mark={
            may('update')
              ? {
                  caseId: c.id,
                  planVersion: reports.data.planVersion,
                  onDone: (plan, action, status) => {
                    reports.reload();
                    reloadCase();
                    say(fmt(k.marked, { action, status: label('actionStatuses', status), n: plan.version }));
                  },
                  onStale: (message) => {
                    reports.reload();
                    say(message, true);
                  },
                }
              : undefined
          }
        />
      ) : null}
      {may('update') && !adding ? (
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          {o.add}
        </button>
      ) : null}
      {adding ? (
        <OutcomeForm onSaved={(hired) => changed(hired ? o.savedHired : o.saved)} onCancel={() => setAdding(false)} />
      ) : null}
      {followUps.data ? (
        <FollowUpsList items={followUps.data.items} onRecorded={() => changed(t.followUps.saved)} />
      ) : null}
    </>
  );
}
