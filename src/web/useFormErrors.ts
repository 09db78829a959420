/** Error state of a form: the list for the ErrorSummary, the attempt counter, and per-field lookup. */
import { useCallback, useState } from 'react';
import type { SummaryError } from './components/ErrorSummary.tsx';

export function useFormErrors() {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = useCallback((list: SummaryError[]) => {
    setErrors(list);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors([]), []);
  const err = (id: string) => errors.find((e) => e.field === id)?.message;
  return { errors, attempt, fail, clear, err };
}
