/** Ask for a password reset: the answer is always the same neutral message. */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) {
      setErrors([{ field: 'username', message: t.login.usernameRequired }]);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/password-reset', { body: { username: username.trim() }, authFlow: true });
      setSent(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setErrors([{ message: t.common.tooManyRequests }]);
        setAttempt((n) => n + 1);
      } else setSent(true); // never reveal whether the account exists
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row">
      <div className="col-lg-8">
        <PageTitle title={t.password.forgotTitle} />
        {sent ? (
          <Notice kind="info">{t.password.forgotSent}</Notice>
        ) : (
          <form noValidate onSubmit={submit}>
            <ErrorSummary errors={errors} attempt={attempt} />
            <p>{t.password.forgotIntro}</p>
            <TextField
              id="username"
              label={t.login.username}
              value={username}
              onValueChange={setUsername}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={errors.find((x) => x.field === 'username')?.message}
            />
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t.common.send}
              </button>
            </div>
          </form>
        )}
        <p className="mt-4">
          <Link to="/login">{t.password.backToLogin}</Link>
        </p>
      </div>
    </div>
  );
}
