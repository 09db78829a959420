/** What became of her draft: a quiet status line, and the notice of a draft taken up again (with "discard"). */
import { useState } from 'react';
import { DRAFT_DAYS } from '../../shared/codes/drafts.ts';
import { Notice } from '../components/Notice.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { Draft } from './useDraft.ts';

const timeOf = (iso: string, lang: string) =>
  new Date(iso).toLocaleTimeString(lang === 'it' ? 'it-IT' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Saving…" / "Draft saved at 10:42" / "not saved", announced politely. */
export function DraftStatus({ draft }: { draft: Draft }) {
  const { t, lang } = useI18n();
  const d = t.drafts;
  const text =
    draft.saving === 'saving'
      ? d.saving
      : draft.saving === 'failed'
        ? d.failed
        : draft.savedAt
          ? fmt(d.savedAt, { time: timeOf(draft.savedAt, lang) })
          : '';
  return (
    <p className={`draft-status${draft.saving === 'failed' ? ' draft-status-failed' : ''}`} role="status">
      {text}
    </p>
  );
}

/** The draft she left was put back: when it was saved, who sees it, and a way to start again. */
export function DraftRestored({ draft, onDiscard }: { draft: Draft; onDiscard: () => void }) {
  const { t, lang, date } = useI18n();
  const d = t.drafts;
  const [asking, setAsking] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  if (discarded && !draft.restoredFrom) return <Notice kind="info">{d.discarded}</Notice>;
  if (!draft.restoredFrom) return null;
  const from = draft.restoredFrom;
  return (
    <Notice kind="info" className="draft-restored">
      <p className="mb-1">{fmt(d.restored, { date: date(from), time: timeOf(from, lang) })}</p>
      <p className="mb-2 small">{fmt(d.privacy, { days: DRAFT_DAYS })}</p>
      {asking ? (
        <fieldset className="draft-discard">
          <legend className="field-legend">{d.discardConfirm}</legend>
          <button
            type="button"
            className="btn btn-danger btn-sm me-2"
            onClick={() => {
              setAsking(false);
              setDiscarded(true);
              onDiscard();
            }}
          >
            {d.discardYes}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAsking(false)}>
            {d.discardNo}
          </button>
        </fieldset>
      ) : (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAsking(true)}>
          {d.discard}
        </button>
      )}
    </Notice>
  );
}
