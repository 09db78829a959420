/** Her account's security (issue 12): her passkeys, named, added and revoked here. */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/Field.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { enrolPasskey, passkeysSupported } from '../security/passkey.ts';
import { useApi } from '../useApi.ts';

export function SecurityPage() {
  const { t, dateTime } = useI18n();
  const s = t.security;
  const list = useApi('/auth/passkeys');
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;

  async function add(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const value = name.trim();
    if (!value) return fail([{ field: 'passkey-name', message: s.addNameRequired }]);
    const res = await form.submit(
      () => enrolPasskey(value),
      (err) => [{ message: err instanceof ApiError && err.code === 'too_many_passkeys' ? s.tooMany : s.failed }],
    );
    if (!res.ok) return;
    setName('');
    setDone(s.added);
    list.reload();
  }

  async function revoke(id: string, label: string) {
    if (!window.confirm(fmt(s.revokeConfirm, { name: label }))) return;
    setDone(null);
    await api.delete('/auth/passkeys/:id', { params: { id } });
    setDone(s.revoked);
    list.reload();
  }

  const passkeys = list.data?.passkeys;
  return (
    <>
      <PageTitle title={s.title} />
      <p className="lead-text">{s.intro}</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <h2 className="h4 mt-4">{s.passkeysTitle}</h2>
      {list.loading && !passkeys ? <Loading /> : null}
      {list.error ? <Notice kind="danger">{t.common.error}</Notice> : null}
      {passkeys && passkeys.length === 0 ? <p>{s.none}</p> : null}
      {passkeys && passkeys.length > 0 ? (
        <ScrollTable label={s.passkeysTitle}>
          <caption className="visually-hidden">{s.passkeysTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.created}</th>
              <th scope="col">{s.lastUsed}</th>
              <th scope="col">
                <span className="visually-hidden">{s.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{dateTime(p.createdAt)}</td>
                <td>{p.lastUsedAt ? dateTime(p.lastUsedAt) : s.never}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-danger"
                    aria-label={fmt(s.revokeLabel, { name: p.name })}
                    onClick={() => void revoke(p.id, p.name)}
                  >
                    {s.revoke}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      <h2 className="h4 mt-4">{s.addTitle}</h2>
      {passkeysSupported() ? (
        <form noValidate onSubmit={add} className="mt-3">
          <ErrorSummary errors={errors} attempt={attempt} />
          <TextField
            id="passkey-name"
            label={s.addName}
            hint={s.addHint}
            value={name}
            onValueChange={setName}
            maxLength={60}
            autoComplete="off"
            required
            error={errors.find((x) => x.field === 'passkey-name')?.message}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.busy}>
              {s.add}
            </button>
          </div>
        </form>
      ) : (
        <Notice kind="info">{s.unsupported}</Notice>
      )}
    </>
  );
}
