/** Consents tab: her decisions per purpose and recipient, revocation, and recording a new one. */
import { useState } from 'react';
import type { Consent } from '../../../cases/types.ts';
import { FocusNotice } from '../../../components/FocusNotice.tsx';
import { ResourceState } from '../../../components/Loading.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../useApi.ts';
import { useCase } from '../case-context.ts';
import { ConsentForm } from './ConsentForm.tsx';
import { ConsentList } from './ConsentList.tsx';

export function ConsentsTab() {
  const { t } = useI18n();
  const { c, may, reload: reloadCase } = useCase();
  const { data, loading, error, reload, setData } = useApi('/cases/:id/consents', { params: { id: c.id } });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<{ text: string; n: number } | null>(null);
  const k = t.consents;

  const changed = (text: string, created?: Consent) => {
    setAdding(false);
    if (created) setData({ items: [created, ...(data?.items ?? [])] });
    setSaved((s) => ({ text, n: (s?.n ?? 0) + 1 }));
    reload();
    reloadCase();
  };

  return (
    <>
      <h2>{k.title}</h2>
      <p>{k.intro}</p>
      {saved ? (
        <FocusNotice kind="success" focusKey={saved.n}>
          {saved.text}
        </FocusNotice>
      ) : null}
      <ResourceState loading={loading && !data} error={error} />
      {data ? <ConsentList items={data.items} onRevoked={() => changed(k.revoked)} /> : null}
      {may('update') && !adding ? (
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          {k.add}
        </button>
      ) : null}
      {adding ? (
        <ConsentForm onSaved={(created) => changed(k.saved, created)} onCancel={() => setAdding(false)} />
      ) : null}
    </>
  );
}
