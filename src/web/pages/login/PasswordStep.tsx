/** Step 1 of sign-in: username and password. */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, setCsrfToken, api } from '../../api.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Notice } from '../../components/Notice.tsx';
import { passkeysSupported, signInWithPasskey } from '../../security/passkey.ts';

export type LoginOutcome = 'totp' | 'enrol';

interface PasswordStepProps {
  /** next step; `passkey` when she has enrolled one (offered beside the TOTP code) */
  onNext: (next: LoginOutcome, passkey: boolean) => void;
  /** a passwordless sign-in with a passkey opened the session */
  onPasskey: (csrfToken: string) => void;
}

export function PasswordStep({ onNext, onPasskey }: PasswordStepProps) {
  const { t } = useI18n();
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyFailed, setPasskeyFailed] = useState(false);

  async function withPasskey() {
    setPasskeyBusy(true);
    setPasskeyFailed(false);
    setCsrfToken(null);
    try {
      onPasskey(await signInWithPasskey());
    } catch {
      setPasskeyFailed(true);
    } finally {
      setPasskeyBusy(false);
    }
  }
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
    const answer = res.value;
    onNext('mfaEnrolmentRequired' in answer ? 'enrol' : 'totp', 'passkey' in answer && answer.passkey === true);
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
      {passkeysSupported() ? (
        <div className="mt-4">
          <p className="mb-2">{t.passkeyLogin.or}</p>
          {passkeyFailed ? <Notice kind="danger">{t.passkeyLogin.failed}</Notice> : null}
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={passkeyBusy}
            onClick={() => void withPasskey()}
          >
            {t.passkeyLogin.signIn}
          </button>
        </div>
      ) : null}
    </form>
  );
}
