/**
 * Warns before leaving a form with changes not yet saved: the browser's own prompt when the page
 * is closed or reloaded (beforeunload), and a dialog for a move inside the app (react-router's
 * blocker) offering to save the draft first. A native <dialog>: focus stays in it, Escape stays.
 */
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  /** whether there are unsaved changes, asked at the moment of leaving */
  unsaved: () => boolean;
  /** saves them; true when saved */
  onSave: () => Promise<boolean>;
}

export function LeaveGuard({ unsaved, onSave }: Props) {
  const { t } = useI18n();
  const d = t.drafts;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved() && currentLocation.pathname !== nextLocation.pathname,
  );
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      e.preventDefault();
      // older browsers show the prompt only when returnValue is set
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (blocker.state === 'blocked' && !el.open) el.showModal();
    if (blocker.state !== 'blocked' && el.open) el.close();
  }, [blocker.state]);

  const stay = () => blocker.reset?.();
  return (
    <dialog
      ref={dialog}
      className="leave-dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-text"
      onCancel={(e) => {
        e.preventDefault();
        stay();
      }}
    >
      <h2 id="leave-title" className="h4">
        {d.leaveTitle}
      </h2>
      <p id="leave-text">{d.leaveText}</p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={async () => {
            if (await onSave()) blocker.proceed?.();
          }}
        >
          {d.leaveSave}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={() => blocker.proceed?.()}>
          {d.leaveWithout}
        </button>
        <button type="button" className="btn btn-link" onClick={stay}>
          {d.stay}
        </button>
      </div>
    </dialog>
  );
}
