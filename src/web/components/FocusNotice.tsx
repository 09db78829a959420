/** A status message that takes focus when it appears (after a save), so it is read at once. */
import { type ReactNode, useEffect, useRef } from 'react';

interface Props {
  kind: 'success' | 'info' | 'warning' | 'danger';
  children: ReactNode;
  /** Change it to move focus to the message again. */
  focusKey?: string | number;
}

export function FocusNotice({ kind, children, focusKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`alert alert-${kind} focus-notice`}
      role={kind === 'danger' ? 'alert' : 'status'}
    >
      {children}
    </div>
  );
}
