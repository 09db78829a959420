/** Step 1 of sign-in: username and password. */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, setCsrfToken, api } from '../../api.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';

export type LoginOutcome = 'totp' | 'enrol';

export function PasswordStep({ onNext }: { onNext: (next: LoginOutcome) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    if (!username.trim()) list.push({ field: 'username', message: t.login.usernameRequired });
    if (!password) list.push({ field: 'password', message: t.login.passwordRequired });
    if (list.length) return fail(list);
    setCsrfToken(null);
    const res = await form.submit(
      () => api.post('/auth/login', { body: { username: username.trim(), password }, authFlow: true }),
      (err) => {
        const code = err instanceof ApiError ? err.code : '';
        const status = err instanceof ApiError ? err.status : 0;
        if (status === 401 || code === 'invalid_credentials')
          return [{ field: 'username', message: t.login.invalidCredentials }];
        if (status === 423 || code === 'account_locked') return [{ message: t.login.locked }];
        return [{ message: status === 429 ? t.common.tooManyRequests : t.common.error }];
      },
    );
    if (!res.ok) return setPassword('');
    setCsrfToken(null);
    onNext('mfaEnrolmentRequired' in res.value ? 'enrol' : 'totp');
  }

  const fieldError = (f: string) => errors.find((x) => x.field === f)?.message;

  return (
    <form noValidate onSubmit={submit} className="mt-3">
      <ErrorSummary errors={errors} attempt={attempt} />
      <TextField
        id="username"
        label={t.login.username}
        value={username}
        onValueChange={setUsername}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={fieldError('username')}
      />
      <TextField
        id="password"
        label={t.login.password}
        type="password"
        value={password}
        onValueChange={setPassword}
        autoComplete="current-password"
        required
        error={fieldError('password')}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          {t.login.submit}
        </button>
        <Link to="/password-dimenticata">{t.login.forgot}</Link>
      </div>
    </form>
  );
}
