/** Per-user actions: change roles, disable/enable, issue a password reset link. */
import { type FormEvent, useState } from 'react';
import type { UserAction } from '../../shared/allowed-actions.ts';
import type { Role } from '../../shared/codes/roles.ts';
import { ApiError, api } from '../api.ts';
import { CheckboxGroup } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { User } from '../types.ts';
import type { IssuedLink } from './UsersPage.tsx';

interface Props {
  user: User;
  assignable: readonly Role[];
  onChanged: () => void;
  onLink: (link: IssuedLink) => void;
}

export function UserActions({ user, assignable, onChanged, onLink }: Props) {
  const may = (a: UserAction) => user.allowedActions.includes(a);
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const name = user.displayName;

  async function run(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'success', text: success });
      onChanged();
      return true;
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      const text =
        code === 'cannot_change_self'
          ? t.users.cannotChangeSelf
          : err instanceof ApiError && (err.status === 403 || err.status === 404)
            ? t.common.forbidden
            : t.common.error;
      setMessage({ kind: 'danger', text });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function saveRoles(e: FormEvent) {
    e.preventDefault();
    if (!roles.length) return setMessage({ kind: 'danger', text: t.users.rolesRequired });
    const ok = await run(
      () => api.put('/users/:id/roles', { params: { id: user.id }, body: { roles } }),
      fmt(t.users.rolesSaved, { name }),
    );
    if (ok) setEditing(false);
  }

  async function resetLink() {
    setBusy(true);
    setMessage(null);
    try {
      const res = await api.post('/users/:id/password-reset', { params: { id: user.id } });
      onLink({ title: fmt(t.users.resetCreated, { name }), url: res.resetUrl, expiresAt: res.expiresAt });
    } catch {
      setMessage({ kind: 'danger', text: t.common.error });
    } finally {
      setBusy(false);
    }
  }

  const hidden = (text: string) => <span className="visually-hidden"> — {text}</span>;

  return (
    <div>
      {message ? (
        <Notice kind={message.kind} className="p-2 mb-2 small">
          {message.text}
        </Notice>
      ) : null}
      <div className="row-actions">
        {may('update_roles') ? (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-expanded={editing}
            aria-controls={`roles-${user.id}`}
            onClick={() => {
              setRoles(user.roles);
              setEditing(!editing);
            }}
          >
            {t.users.editRoles}
            {hidden(name)}
          </button>
        ) : null}
        {may('enable') ? (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={busy}
            onClick={() =>
              void run(
                () => api.post('/users/:id/enable', { params: { id: user.id } }),
                fmt(t.users.enabledDone, { name }),
              )
            }
          >
            {t.users.enable}
            {hidden(name)}
          </button>
        ) : null}
        {may('disable') ? (
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            disabled={busy}
            onClick={() =>
              void run(
                () => api.post('/users/:id/disable', { params: { id: user.id } }),
                fmt(t.users.disabledDone, { name }),
              )
            }
          >
            {t.users.disable}
            {hidden(name)}
          </button>
        ) : null}
        {may('reset_password') ? (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={busy}
            onClick={() => void resetLink()}
          >
            {t.users.resetLink}
            {hidden(name)}
          </button>
        ) : null}
      </div>
      {editing && may('update_roles') ? (
        <form id={`roles-${user.id}`} className="user-editor" noValidate onSubmit={saveRoles}>
          <CheckboxGroup
            id={`roles-${user.id}-first`}
            legend={fmt(t.users.rolesFor, { name })}
            options={[...new Set<string>([...assignable, ...user.roles])].map((r) => ({
              value: r,
              label: label('roles', r),
            }))}
            selected={roles}
            onChange={setRoles}
          />
          <div className="row-actions">
            <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
              {t.users.saveRoles}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setEditing(false)}>
              {t.common.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
