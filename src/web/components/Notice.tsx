/** Status messages (bootstrap-italia alerts): errors are announced assertively, the rest politely. */
import type { ReactNode } from 'react';

interface NoticeProps {
  kind: 'success' | 'info' | 'warning' | 'danger';
  children: ReactNode;
  className?: string;
}

export function Notice({ kind, children, className }: NoticeProps) {
  return (
    <div className={`alert alert-${kind} ${className ?? ''}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
