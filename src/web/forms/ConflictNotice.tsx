/** "Someone else changed this meanwhile": the message and the reload button of a versioned form. */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  onReload: () => void;
  /** defaults to the common conflict text */
  text?: string;
  /** defaults to "Reload" */
  reloadLabel?: string;
  id?: string;
  /** move focus to the notice when it appears */
  focus?: boolean;
}

export function ConflictNotice({ onReload, text, reloadLabel, id, focus = false }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} id={id} tabIndex={focus ? -1 : undefined} className="alert alert-danger" role="alert">
      <p>{text ?? t.validation.conflict}</p>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
        {reloadLabel ?? t.common.reload}
      </button>
    </div>
  );
}
