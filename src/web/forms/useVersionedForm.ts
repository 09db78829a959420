/**
 * One form's life: busy while a request runs, the error summary (client checks and the server's
 * 400 field errors, translated and linked to their controls), and for a versioned record the 409
 * conflict with its reload path. The request is a callback, so the hook does not care how it is made.
 */
import { useCallback, useState } from 'react';
import type { SummaryError } from '../components/ErrorSummary.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useFormErrors } from '../useFormErrors.ts';
import { type FieldTargetOf, failureOf } from './submit-outcome.ts';

export interface VersionedFormOptions<V> {
  /** the form's values at the start, and again whenever `version` changes (after saving or a reload) */
  initial: () => V;
  /** the record's version; a new one resets the values and clears the conflict */
  version?: number;
  /** which control a server field belongs to (null: a form-level error) */
  target?: FieldTargetOf;
}

export function useVersionedForm<V>({ initial, version, target }: VersionedFormOptions<V>) {
  const { t } = useI18n();
  const errors = useFormErrors();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  // A new version replaces the draft, adjusted during render (no effect, so no stale first paint).
  const [seenVersion, setSeenVersion] = useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    setValues(initial());
    setConflict(false);
  }

  /** Client-side checks: true when there is nothing to report, otherwise the summary shows them. */
  const check = useCallback(
    (list: SummaryError[]) => {
      if (list.length) errors.fail(list);
      return list.length === 0;
    },
    [errors.fail],
  );

  /**
   * Runs the request while busy. On success returns its result (errors cleared); on failure shows
   * the conflict or the errors and returns undefined.
   */
  async function submit<T>(request: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    setBusy(true);
    try {
      const value = await request();
      errors.clear();
      setBusy(false);
      return { ok: true, value };
    } catch (err) {
      setBusy(false);
      const failure = failureOf(err, t, target);
      if (failure.kind === 'conflict') {
        errors.clear();
        setConflict(true);
      } else errors.fail(failure.errors);
      return { ok: false };
    }
  }

  return { values, setValues, busy, conflict, submit, check, ...errors };
}
