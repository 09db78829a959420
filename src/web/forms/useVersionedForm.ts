/**
 * One form's life: busy while a request runs, the error summary (client checks and the server's
 * 400 field errors, translated and linked to their controls), and for a versioned record the 409
 * conflict with its reload path. The request is a callback, so the hook does not care how it is made.
 * Every form of the UI uses it; a form without a record to version simply passes no `version`.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SummaryError } from '../components/ErrorSummary.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type ExplainError, type FailureRules, failureOf } from './submit-outcome.ts';

export interface VersionedFormOptions<V> extends Omit<FailureRules, 'explain'> {
  /** the form's values at the start, and again whenever `version` changes (after saving or a reload) */
  initial?: () => V;
  /** the record's version; a new one resets the values and clears the conflict */
  version?: number;
  /** id of the element to focus when a reload after a conflict brings the new version */
  focusAfterReload?: string;
}

export type SubmitResult<T> = { ok: true; value: T } | { ok: false; error: unknown; conflict: boolean };

export function useVersionedForm<V = undefined>(options: VersionedFormOptions<V> = {}) {
  const { initial, version, target, fieldText, focusAfterReload } = options;
  const { t } = useI18n();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [values, setValues] = useState<V>(initial ?? (() => undefined as V));
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [refocus, setRefocus] = useState(false);
  // A new version replaces the draft, adjusted during render (no effect, so no stale first paint).
  const [seenVersion, setSeenVersion] = useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    if (initial) setValues(initial());
    if (conflict && focusAfterReload) setRefocus(true);
    setConflict(false);
  }
  useEffect(() => {
    if (!refocus || !focusAfterReload) return;
    document.getElementById(focusAfterReload)?.focus();
    setRefocus(false);
  }, [refocus, focusAfterReload]);

  /** Shows these errors in the summary, which takes focus again. */
  const fail = useCallback((list: SummaryError[]) => {
    setErrors(list);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors([]), []);
  /** The message for a control, if it has one. */
  const err = (id: string) => errors.find((e) => e.field === id)?.message;

  /** Client-side checks: true when there is nothing to report, otherwise the summary shows them. */
  const check = useCallback(
    (list: SummaryError[]) => {
      if (list.length) fail(list);
      return list.length === 0;
    },
    [fail],
  );

  /**
   * Runs the request while busy. On success returns its result (errors cleared); on failure shows the
   * conflict or the errors (`explain`: the form's own reading of this request's errors, asked first).
   */
  async function submit<T>(request: () => Promise<T>, explain?: ExplainError): Promise<SubmitResult<T>> {
    setBusy(true);
    try {
      const value = await request();
      clear();
      setBusy(false);
      return { ok: true, value };
    } catch (error) {
      setBusy(false);
      const failure = failureOf(error, t, { target, fieldText, explain });
      if (failure.kind === 'conflict') {
        clear();
        setConflict(true);
      } else if (failure.errors.length) fail(failure.errors);
      else clear();
      return { ok: false, error, conflict: failure.kind === 'conflict' };
    }
  }

  return { values, setValues, busy, conflict, submit, check, errors, attempt, fail, clear, err };
}

/** What a form hands to its parts: the errors, and how to show new ones. */
export type FormState = Pick<ReturnType<typeof useVersionedForm>, 'errors' | 'attempt' | 'fail' | 'clear' | 'err'>;
