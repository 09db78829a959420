/**
 * A form that keeps her work: what the form holds is saved as a sealed draft on the server (never
 * in browser storage) a moment after she stops typing, restored when she comes back, discarded on
 * request, and deleted by the server when the form is submitted. Any form opts in with one call:
 *
 *   const draft = useDraft('intake', { value, onRestore: (v) => setEverything(v) });
 *
 * and shows <DraftStatus draft={draft} /> and <LeaveGuard when={draft.unsaved} onSave={draft.flush} />.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftForm } from '../../shared/codes/drafts.ts';
import { api } from '../api.ts';

export type DraftSaving = 'idle' | 'saving' | 'saved' | 'failed';

export interface DraftOptions<T> {
  /** the case the form belongs to (forms other than the intake) */
  caseId?: string;
  /** everything the form holds, as plain JSON */
  value: T;
  /** puts a restored draft back into the form (called once, before the form is shown) */
  onRestore: (value: T) => void;
  /** quiet time after the last change before saving */
  delayMs?: number;
}

export interface Draft {
  /** the draft was looked for (the form can be shown) */
  ready: boolean;
  /** when the draft that was restored had been saved, if one was */
  restoredFrom: string | null;
  saving: DraftSaving;
  savedAt: string | null;
  /** changes not yet in the saved draft */
  unsaved: boolean;
  /** the same, read at the moment of asking (for a navigation started in the same tick as a change) */
  unsavedNow: () => boolean;
  /** saves now what is pending (before leaving) */
  flush: () => Promise<boolean>;
  /** deletes the draft; `reset` empties the form, and the empty form is not saved again */
  discard: (reset: () => void) => Promise<void>;
  /** the form was submitted: nothing is unsaved any more, and nothing is saved again */
  submitted: () => void;
}

/** The draft's content as saved: JSON of the form's value (a stable comparison of two states). */
export const draftJson = (value: unknown) => JSON.stringify(value);

export function useDraft<T extends Record<string, unknown>>(form: DraftForm, options: DraftOptions<T>): Draft {
  const { caseId, value, onRestore, delayMs = 1200 } = options;
  const [ready, setReady] = useState(false);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const [saving, setSaving] = useState<DraftSaving>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const json = draftJson(value);
  const current = useRef(json);
  current.current = json;
  // what the server holds (or the form's state when nothing needs saving); null until loaded
  const [baseline, setBaselineState] = useState<string | null>(null);
  const baselineRef = useRef<string | null>(null);
  const setBaseline = useCallback((b: string) => {
    baselineRef.current = b;
    setBaselineState(b);
  }, []);
  const [epoch, setEpoch] = useState(0);
  const rebase = useRef(false);
  const done = useRef(false);
  const restore = useRef(onRestore);
  restore.current = onRestore;

  // Look for her draft once, and put it back before the form is shown.
  useEffect(() => {
    let live = true;
    api
      .get('/drafts/:form', { params: { form }, query: { caseId } })
      .then((res) => {
        if (!live) return;
        if (res.draft) {
          restore.current(res.draft.content as T);
          setRestoredFrom(res.draft.savedAt);
          setSavedAt(res.draft.savedAt);
          setSaving('saved');
        }
        rebase.current = true;
        setReady(true);
      })
      .catch(() => {
        if (!live) return;
        rebase.current = true;
        setReady(true);
      });
    return () => {
      live = false;
    };
  }, [form, caseId]);

  // The first state after loading (restored or empty) is the baseline: opening a form saves nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch re-runs it after a discard left the form unchanged
  useEffect(() => {
    if (!ready || !rebase.current) return;
    rebase.current = false;
    setBaseline(json);
  }, [ready, json, epoch, setBaseline]);

  const save = useCallback(
    async (content: string): Promise<boolean> => {
      if (done.current) return true;
      setSaving('saving');
      try {
        const res = await api.put('/drafts/:form', {
          params: { form },
          body: { caseId: caseId ?? null, content: JSON.parse(content) as Record<string, unknown> },
        });
        if (done.current) return true;
        setBaseline(content);
        setSavedAt(res.savedAt);
        setSaving('saved');
        return true;
      } catch {
        setSaving('failed');
        return false;
      }
    },
    [form, caseId, setBaseline],
  );

  const unsaved = !done.current && baseline !== null && json !== baseline;

  // Save a moment after the last change.
  useEffect(() => {
    if (!unsaved) return;
    const timer = window.setTimeout(() => void save(json), delayMs);
    return () => window.clearTimeout(timer);
  }, [unsaved, json, delayMs, save]);

  const flush = useCallback(() => save(current.current), [save]);

  const discard = useCallback(
    async (reset: () => void) => {
      await api.delete('/drafts/:form', { params: { form }, query: { caseId } });
      rebase.current = true;
      setRestoredFrom(null);
      setSavedAt(null);
      setSaving('idle');
      reset();
      setEpoch((n) => n + 1);
    },
    [form, caseId],
  );

  const submitted = useCallback(() => {
    done.current = true;
    setBaseline(current.current);
  }, [setBaseline]);

  const unsavedNow = useCallback(
    () => !done.current && baselineRef.current !== null && current.current !== baselineRef.current,
    [],
  );

  return { ready, restoredFrom, saving, savedAt, unsaved, unsavedNow, flush, discard, submitted };
}
