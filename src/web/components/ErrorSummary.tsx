/** Error summary at the top of a form: announced, focused, with links to the fields. */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';

export interface SummaryError {
  /** id of the field to focus; omit for errors that belong to the whole form. */
  field?: string;
  message: string;
}

interface ErrorSummaryProps {
  errors: SummaryError[];
  /** Bump it on each failed submission so focus moves to the summary again. */
  attempt: number;
}

export function ErrorSummary({ errors, attempt }: ErrorSummaryProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [attempt]);

  if (!errors.length) return null;
  return (
    <div ref={ref} className="alert alert-danger error-summary" role="alert" tabIndex={-1}>
      <h2 className="h5 error-summary-title">{t.common.errorSummary}</h2>
      <ul className="mb-0">
        {errors.map((e) => (
          <li key={`${e.field ?? ''}:${e.message}`}>
            {e.field ? (
              <a
                href={`#${e.field}`}
                onClick={(ev) => {
                  const el = document.getElementById(e.field ?? '');
                  if (!el) return;
                  ev.preventDefault();
                  el.focus();
                  el.scrollIntoView({ block: 'center' });
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
