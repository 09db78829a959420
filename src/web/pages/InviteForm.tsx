/** Invite a person into the organisation: returns a single-use link. */
import { type FormEvent, useState } from 'react';
import type { Role } from '../../shared/codes/roles.ts';
import { ApiError, api } from '../api.ts';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { FormActions } from '../forms/FormActions.tsx';

export interface Invitation {
  inviteUrl: string;
  expiresAt: string;
  name: string;
}

const FIELD_IDS = {
  username: 'invite-username',
  displayName: 'invite-name',
  email: 'invite-email',
  roles: 'invite-roles',
} as const;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fieldIdOf = (field: string): string | undefined => (FIELD_IDS as Record<string, string>)[field];

export function InviteForm({ roles, onInvited }: { roles: readonly Role[]; onInvited: (i: Invitation) => void }) {
  const { t, label } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    if (!username.trim()) list.push({ field: FIELD_IDS.username, message: t.users.usernameRequired });
    else if (!USERNAME.test(username.trim()))
      list.push({ field: FIELD_IDS.username, message: t.users.usernameInvalid });
    if (displayName.trim().length < 2)
      list.push({ field: FIELD_IDS.displayName, message: t.users.displayNameRequired });
    if (email.trim() && !EMAIL.test(email.trim())) list.push({ field: FIELD_IDS.email, message: t.users.emailInvalid });
    if (!selected.length) list.push({ field: FIELD_IDS.roles, message: t.users.rolesRequired });
    if (list.length) return fail(list);
    const body = {
      username: username.trim(),
      displayName: displayName.trim(),
      roles: selected,
      ...(email.trim() ? { email: email.trim() } : {}),
    };
    const res = await form.submit(
      () => api.post('/users/invitations', { body }),
      (err) => {
        if (err instanceof ApiError && (err.code === 'username_taken' || err.status === 409))
          return [{ field: FIELD_IDS.username, message: t.users.usernameTaken }];
        if (err instanceof ApiError && err.fields.length) {
          const messages: Record<string, string> = {
            username: t.users.usernameInvalid,
            displayName: t.users.displayNameRequired,
            email: t.users.emailInvalid,
            roles: t.users.rolesRequired,
          };
          return err.fields.map((f) => ({
            field: fieldIdOf(f.field),
            message: messages[f.field] ?? t.organisations.invalidValue,
          }));
        }
        return [{ message: err instanceof ApiError && err.status === 403 ? t.common.forbidden : t.common.error }];
      },
    );
    if (!res.ok) return;
    onInvited({ ...res.value, name: body.displayName });
    setUsername('');
    setDisplayName('');
    setEmail('');
    setSelected([]);
  }

  const fieldError = (id: string | undefined) => errors.find((x) => x.field === id)?.message;

  return (
    <section className="block-gap" aria-labelledby="invite-title">
      <h2 id="invite-title">{t.users.inviteTitle}</h2>
      <p>{t.users.inviteIntro}</p>
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} attempt={attempt} />
        <div className="row">
          <div className="col-md-6">
            <TextField
              id={FIELD_IDS.username}
              label={t.users.username}
              value={username}
              onValueChange={setUsername}
              hint={t.users.usernameHint}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={fieldError(FIELD_IDS.username)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id={FIELD_IDS.displayName}
              label={t.users.displayName}
              value={displayName}
              onValueChange={setDisplayName}
              autoComplete="off"
              required
              error={fieldError(FIELD_IDS.displayName)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id={FIELD_IDS.email}
              label={t.users.emailOptional}
              type="email"
              value={email}
              onValueChange={setEmail}
              autoComplete="off"
              error={fieldError(FIELD_IDS.email)}
            />
          </div>
        </div>
        <CheckboxGroup
          id={FIELD_IDS.roles}
          legend={t.users.rolesLegend}
          options={roles.map((r) => ({ value: r, label: label('roles', r) }))}
          selected={selected}
          onChange={setSelected}
          error={fieldError(FIELD_IDS.roles)}
        />
        <FormActions busy={form.busy} submitLabel={t.users.inviteSubmit} />
      </form>
    </section>
  );
}
