/** The recorded consents, with status badges; a valid one can be withdrawn from a date. */
import { Badge } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../../api.ts';
import { todayIso } from '../../../cases/codes.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { Consent } from '../../../cases/types.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { TextField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

const STATUS_COLOR: Record<string, string> = {
  active: 'success',
  expired: 'secondary',
  revoked: 'dark',
  refused: 'warning',
};

export function ConsentList({ items, onRevoked }: { items: Consent[]; onRevoked: () => void }) {
  const { t, date, label } = useI18n();
  const { c, may } = useCase();
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [revokedOn, setRevokedOn] = useState(todayIso);
  const form = useVersionedForm();
  const box = useRef<HTMLFormElement>(null);
  const k = t.consents;
  const name = (id: string | null) =>
    id ? (c.team.find((m) => m.userId === id)?.displayName ?? k.colleague) : t.common.none;

  useEffect(() => {
    if (revoking) document.getElementById('revoke-date')?.focus();
  }, [revoking]);

  async function revoke(e: FormEvent) {
    e.preventDefault();
    if (!revoking) return;
    if (!revokedOn)
      return form.fail([{ field: 'revoke-date', message: fieldMessage(k.revokedOn, t.validation.required) }]);
    if (revokedOn > todayIso())
      return form.fail([{ field: 'revoke-date', message: fieldMessage(k.revokedOn, t.validation.future) }]);
    if (revokedOn < revoking.givenOn)
      return form.fail([{ field: 'revoke-date', message: fieldMessage(k.revokedOn, t.validation.beforeGiven) }]);
    const done = await form.submit(() =>
      api.post('/cases/:id/consents/:consentId/revocation', {
        params: { id: c.id, consentId: revoking.id },
        body: { revokedOn },
      }),
    );
    if (!done.ok) return;
    setRevoking(null);
    onRevoked();
  }

  if (!items.length) return <p>{k.empty}</p>;
  const recipient = (x: Consent) =>
    x.recipientOrganisationName ??
    (x.recipientType ? `${k.anyOfType} ${label('orgTypes', x.recipientType)}` : t.common.none);
  return (
    <>
      <ScrollTable label={k.tableCaption}>
        <caption>{k.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{k.purpose}</th>
            <th scope="col">{k.status}</th>
            <th scope="col">{k.recipient}</th>
            <th scope="col">{k.givenOn}</th>
            <th scope="col">{k.expiresOn}</th>
            <th scope="col">{k.method}</th>
            <th scope="col">{k.actions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <th scope="row">
                {label('consentPurposes', x.purpose)}
                <div className="small fw-normal">{fmt(k.textVersionN, { v: x.textVersion })}</div>
              </th>
              <td>
                <Badge color={STATUS_COLOR[x.status] ?? 'secondary'}>{label('consentStatuses', x.status)}</Badge>
                {x.revokedOn ? <div className="small">{fmt(k.revokedFrom, { date: date(x.revokedOn) })}</div> : null}
              </td>
              <td>
                {recipient(x)}
                {x.sharingPurpose ? <div className="small">{label('sharingPurposes', x.sharingPurpose)}</div> : null}
                {x.includesIdentity ? <div className="small">{k.withIdentity}</div> : null}
              </td>
              <td>{date(x.givenOn)}</td>
              <td>{x.decision === 'refused' ? t.common.none : x.expiresOn ? date(x.expiresOn) : k.untilRevoked}</td>
              <td>
                {label('consentMethods', x.method)}
                {x.witnessUserId ? (
                  <div className="small">{fmt(k.witnessN, { name: name(x.witnessUserId) })}</div>
                ) : null}
              </td>
              <td>
                {may('withdraw_consent') && x.status === 'active' ? (
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setRevoking(x)}>
                    {k.revoke}{' '}
                    <span className="visually-hidden">
                      {label('consentPurposes', x.purpose)} {date(x.givenOn)}
                    </span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {revoking ? (
        <form ref={box} noValidate onSubmit={revoke} className="panel-form" aria-labelledby="revoke-title">
          <h3 id="revoke-title" className="h5">
            {fmt(k.revokeTitle, { purpose: label('consentPurposes', revoking.purpose), date: date(revoking.givenOn) })}
          </h3>
          <ErrorSummary errors={form.errors} attempt={form.attempt} />
          <p>{k.revokeIntro}</p>
          <TextField
            id="revoke-date"
            type="date"
            label={k.revokedOn}
            max={todayIso()}
            value={revokedOn}
            onValueChange={setRevokedOn}
            error={form.err('revoke-date')}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-danger" disabled={form.busy}>
              {k.confirmRevoke}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setRevoking(null)}>
              {t.common.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
