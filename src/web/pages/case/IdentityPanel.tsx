/**
 * Her identity, shown only on request with a stated purpose (audited), kept in this component's
 * state only, hidden again on any navigation. Registering or changing it is for the case team.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { type IdentityValues, identityFromApi } from '../../cases/contact-model.ts';
import type { CaseDetail, Identity } from '../../cases/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { IdentityEditForm } from './IdentityEditForm.tsx';
import { IdentityPurposeForm } from './IdentityPurposeForm.tsx';
import { IdentityView } from './IdentityView.tsx';

type Mode = 'closed' | 'asking' | 'shown' | 'editing' | 'creating';

export function IdentityPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [mode, setMode] = useState<Mode>('closed');
  const [shown, setShown] = useState<{ values: IdentityValues; version: number } | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const h = t.identity;

  // Leaving the page (or the tab) hides her identity and forgets it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => {
    setShown(null);
    setMode('closed');
  }, [pathname]);

  const hide = () => {
    setShown(null);
    setMode('closed');
    window.setTimeout(() => toggle.current?.focus(), 0);
  };
  const editable = c.allowedActions.includes('write_identity');

  return (
    <section className="identity-panel" aria-labelledby="identity-title">
      <h2 id="identity-title" className="h5">
        {h.title}
      </h2>
      {!c.hasIdentity && mode !== 'creating' ? (
        <div className="row-actions align-items-center">
          <span>{h.anonymous}</span>
          {editable ? (
            <button
              ref={toggle}
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setMode('creating')}
            >
              {h.register}
            </button>
          ) : null}
        </div>
      ) : null}
      {c.hasIdentity && mode === 'closed' && c.allowedActions.includes('read_identity') ? (
        <div className="row-actions align-items-center">
          <span>{h.stored}</span>
          <button
            ref={toggle}
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => setMode('asking')}
          >
            {h.show}
          </button>
        </div>
      ) : null}
      {mode === 'asking' ? (
        <IdentityPurposeForm
          caseId={c.id}
          onShown={(i: Identity & { version: number }) => {
            setShown({ values: identityFromApi(i), version: i.version });
            setMode('shown');
          }}
          onCancel={hide}
        />
      ) : null}
      {mode === 'shown' && shown ? (
        <IdentityView values={shown.values} onHide={hide} onEdit={editable ? () => setMode('editing') : undefined} />
      ) : null}
      {mode === 'editing' && shown ? (
        <IdentityEditForm
          caseId={c.id}
          initial={shown.values}
          version={shown.version}
          onSaved={(values, version) => {
            setShown({ values, version });
            setMode('shown');
            onChanged();
          }}
          onCancel={() => setMode('shown')}
        />
      ) : null}
      {mode === 'creating' ? (
        <IdentityEditForm
          caseId={c.id}
          initial={null}
          version={null}
          onSaved={(values, version) => {
            setShown({ values, version });
            setMode('shown');
            onChanged();
          }}
          onCancel={hide}
        />
      ) : null}
    </section>
  );
}
