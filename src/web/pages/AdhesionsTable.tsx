/** Adhesion requests of a protocol; with `decide`, approve/reject buttons and a note. */
import { Table } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { Adhesion } from '../types.ts';

interface Props {
  protocolId: string;
  items: Adhesion[];
  caption: string;
  emptyText?: string;
  decide?: boolean;
  onDecided?: () => void;
}

export function AdhesionsTable({ protocolId, items, caption, emptyText, decide, onDecided }: Props) {
  const { t, date, label } = useI18n();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  // The row's buttons go away after a decision: keep keyboard focus on the outcome message.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  async function decideOn(a: Adhesion, decision: 'approved' | 'rejected') {
    setBusy(a.id);
    setMessage(null);
    try {
      const note = notes[a.id]?.trim();
      await api.post('/protocols/:id/adhesions/:adhesionId/decision', {
        params: { id: protocolId, adhesionId: a.id },
        body: {
          decision,
          ...(note ? { note } : {}),
        },
      });
      setMessage({ kind: 'success', text: t.protocols.decided });
      onDecided?.();
    } catch (err) {
      const text = err instanceof ApiError && err.status === 403 ? t.common.forbidden : t.common.error;
      setMessage({ kind: 'danger', text });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div ref={messageRef} tabIndex={-1}>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      </div>
      {items.length ? null : <p>{emptyText}</p>}
      {items.length ? (
        <Table responsive>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.protocols.organisation}</th>
              <th scope="col">{t.protocols.motivation}</th>
              <th scope="col">{t.protocols.requestedAt}</th>
              <th scope="col">{t.protocols.status}</th>
              {decide ? <th scope="col">{t.protocols.actions}</th> : <th scope="col">{t.protocols.decidedAt}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/organizzazioni/${encodeURIComponent(a.organisationId)}`}>{a.organisationName}</Link>
                </th>
                <td>{a.motivation ?? t.common.none}</td>
                <td>{date(a.requestedAt)}</td>
                <td>{label('adhesionStatus', a.status)}</td>
                {decide ? (
                  <td>
                    <label htmlFor={`note-${a.id}`} className="field-label small">
                      {fmt(t.protocols.noteFor, { name: a.organisationName })}
                    </label>
                    <input
                      id={`note-${a.id}`}
                      className="form-control mb-2"
                      value={notes[a.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })}
                      maxLength={1000}
                      autoComplete="off"
                    />
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-success btn-sm"
                        disabled={busy === a.id}
                        onClick={() => void decideOn(a, 'approved')}
                      >
                        {t.protocols.approve}
                        <span className="visually-hidden"> — {a.organisationName}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-danger btn-sm"
                        disabled={busy === a.id}
                        onClick={() => void decideOn(a, 'rejected')}
                      >
                        {t.protocols.reject}
                        <span className="visually-hidden"> — {a.organisationName}</span>
                      </button>
                    </div>
                  </td>
                ) : (
                  <td>{date(a.decidedAt)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
