/** Ask for a password reset: the answer is always the same neutral message. */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { FormActions } from '../forms/FormActions.tsx';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const form = useVersionedForm();
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) return form.fail([{ field: 'username', message: t.login.usernameRequired }]);
    const res = await form.submit(
      () => api.post('/auth/password-reset', { body: { username: username.trim() }, authFlow: true }),
      // never reveal whether the account exists: only "too many requests" is told
      (err) => (err instanceof ApiError && err.status === 429 ? [{ message: t.common.tooManyRequests }] : []),
    );
    if (res.ok || !(res.error instanceof ApiError && res.error.status === 429)) setSent(true);
  }

  return (
    <div className="row">
      <div className="col-lg-8">
        <PageTitle title={t.password.forgotTitle} />
        {sent ? (
          <Notice kind="info">{t.password.forgotSent}</Notice>
        ) : (
          <form noValidate onSubmit={submit}>
            <ErrorSummary errors={form.errors} attempt={form.attempt} />
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
              error={form.err('username')}
            />
            <FormActions busy={form.busy} submitLabel={t.common.send} />
          </form>
        )}
        <p className="mt-4">
          <Link to="/login">{t.password.backToLogin}</Link>
        </p>
      </div>
    </div>
  );
}
