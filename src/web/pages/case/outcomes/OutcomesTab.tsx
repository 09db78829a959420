/** Outcomes tab: what her path achieved, a form per kind, and the job-retention follow-ups. */
import { useState } from 'react';
import { FocusNotice } from '../../../components/FocusNotice.tsx';
import { ResourceState } from '../../../components/Loading.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../useApi.ts';
import { useCase } from '../case-context.ts';
import { FollowUpsList } from './FollowUpsList.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { OutcomeList } from './OutcomeList.tsx';

export function OutcomesTab() {
  const { t } = useI18n();
  const { c, may, reload: reloadCase } = useCase();
  const outcomes = useApi('/cases/:id/outcomes', { params: { id: c.id } });
  const followUps = useApi('/cases/:id/follow-ups', { params: { id: c.id } });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const o = t.outcomes;

  const changed = (text: string) => {
    setAdding(false);
    setNotice((x) => ({ text, n: (x?.n ?? 0) + 1 }));
    outcomes.reload();
    followUps.reload();
    reloadCase();
  };

  return (
    <>
      <h2>{o.title}</h2>
      <p>{o.intro}</p>
      {notice ? (
        <FocusNotice kind="success" focusKey={notice.n}>
          {notice.text}
        </FocusNotice>
      ) : null}
      <ResourceState loading={outcomes.loading && !outcomes.data} error={outcomes.error} />
      {outcomes.data ? <OutcomeList items={outcomes.data.items} /> : null}
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
