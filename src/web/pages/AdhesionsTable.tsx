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
  /** approving a new body gives its administrator's one-time link, shown once */
  onAdminInvite?: (link: { title: string; url: string; expiresAt: string }) => void;
}

const USERNAME = /^[a-z0-9._-]{3,64}$/;

/** What the public form said about a body that is not in Percorsi yet. */
function ApplicantDetails({ a }: { a: Adhesion }) {
  const { t, label } = useI18n();
  const p = t.protocols;
  if (!a.applicant) return null;
  return (
    <ul className="list-unstyled small fw-normal mb-0">
      <li>{p.fromForm}</li>
      <li>
        {p.applicantType}: {label('orgTypes', a.applicant.type)}
      </li>
      {a.applicant.municipality ? (
        <li>
          {p.applicantMunicipality}: {a.applicant.municipality.name}
        </li>
      ) : null}
      {a.applicant.website ? (
        <li>
          {p.applicantWebsite}: {a.applicant.website}
        </li>
      ) : null}
      {a.applicant.adminDisplayName ? (
        <li>
          {p.adminToInvite}: {a.applicant.adminDisplayName}
          {a.applicant.adminEmail ? ` <${a.applicant.adminEmail}>` : ''}
        </li>
      ) : null}
    </ul>
  );
}

export function AdhesionsTable({ protocolId, items, caption, emptyText, decide, onDecided, onAdminInvite }: Props) {
  const { t, date, label } = useI18n();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [usernames, setUsernames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  // The row's buttons go away after a decision: keep keyboard focus on the outcome message.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  async function decideOn(a: Adhesion, decision: 'approved' | 'rejected') {
    const newBody = !a.organisationId && decision === 'approved';
    const adminUsername = usernames[a.id]?.trim() ?? '';
    if (newBody && !USERNAME.test(adminUsername)) {
      setMessage({ kind: 'danger', text: t.protocols.adminUsernameRequired });
      document.getElementById(`admin-username-${a.id}`)?.focus();
      return;
    }
    setBusy(a.id);
    setMessage(null);
    try {
      const note = notes[a.id]?.trim();
      const decided = await api.post('/protocols/:id/adhesions/:adhesionId/decision', {
        params: { id: protocolId, adhesionId: a.id },
        body: {
          decision,
          ...(note ? { note } : {}),
          ...(newBody ? { adminUsername } : {}),
        },
      });
      setMessage({ kind: 'success', text: t.protocols.decided });
      if (decided.adminInvite)
        onAdminInvite?.({
          title: fmt(t.protocols.adminInviteCreated, { name: a.organisationName }),
          url: decided.adminInvite.inviteUrl,
          expiresAt: decided.adminInvite.expiresAt,
        });
      onDecided?.();
    } catch (err) {
      const text =
        err instanceof ApiError && err.code === 'username_taken'
          ? t.protocols.adminUsernameTaken
          : err instanceof ApiError && err.status === 403
            ? t.common.forbidden
            : t.common.error;
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
                  {a.organisationId ? (
                    <Link to={`/organizzazioni/${encodeURIComponent(a.organisationId)}`}>{a.organisationName}</Link>
                  ) : (
                    a.organisationName
                  )}
                  <ApplicantDetails a={a} />
                </th>
                <td>{a.motivation ?? t.common.none}</td>
                <td>{date(a.requestedAt)}</td>
                <td>{label('adhesionStatus', a.status)}</td>
                {decide ? (
                  <td>
                    {a.organisationId ? null : (
                      <>
                        <label htmlFor={`admin-username-${a.id}`} className="field-label small">
                          {fmt(t.protocols.adminUsernameFor, { name: a.organisationName })}
                        </label>
                        <input
                          id={`admin-username-${a.id}`}
                          className="form-control mb-2"
                          value={usernames[a.id] ?? ''}
                          onChange={(e) => setUsernames({ ...usernames, [a.id]: e.target.value })}
                          maxLength={64}
                          autoComplete="off"
                          autoCapitalize="none"
                          spellCheck={false}
                        />
                      </>
                    )}
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
