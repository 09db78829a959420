/** One-time links: accept an invitation or complete a password reset by choosing a password. */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';

const MIN_LENGTH = 12;

export function SetPasswordPage({ mode }: { mode: 'invite' | 'reset' }) {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const fail = (list: SummaryError[]) => {
    setErrors(list);
    setAttempt((n) => n + 1);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    if (password.length < MIN_LENGTH) list.push({ field: 'new-password', message: t.password.tooShort });
    if (password !== confirm) list.push({ field: 'confirm-password', message: t.password.mismatch });
    if (list.length) return fail(list);
    setBusy(true);
    try {
      const path = mode === 'invite' ? '/auth/invitations/accept' : '/auth/password-reset/complete';
      await api.post(path, { body: { token, password }, authFlow: true });
      setDone(true);
    } catch (err) {
      if (!(err instanceof ApiError)) return fail([{ message: t.common.error }]);
      const pwd = err.fields.find((f) => f.field === 'password');
      if (err.status === 400 && (pwd || err.code.startsWith('password_'))) {
        const message =
          pwd?.reason === 'too_common' || err.code === 'password_common'
            ? t.password.common
            : pwd?.reason === 'too_short' || err.code === 'password_too_short'
              ? t.password.tooShort
              : pwd
                ? t.fieldReasons[pwd.reason]
                : t.common.error;
        fail([{ field: 'new-password', message }]);
      } else if (err.status === 429) fail([{ message: t.common.tooManyRequests }]);
      else if ([400, 401, 404, 410].includes(err.status)) fail([{ message: t.password.invalidLink }]);
      else fail([{ message: t.common.error }]);
    } finally {
      setBusy(false);
    }
  }

  const title = mode === 'invite' ? t.password.inviteTitle : t.password.resetTitle;
  const fieldError = (f: string) => errors.find((x) => x.field === f)?.message;

  return (
    <div className="row">
      <div className="col-lg-8">
        <PageTitle title={title} />
        {done ? (
          <>
            <Notice kind="success">{mode === 'invite' ? t.password.inviteDone : t.password.resetDone}</Notice>
            <Link to="/login" className="btn btn-primary">
              {t.password.goToLogin}
            </Link>
          </>
        ) : (
          <form noValidate onSubmit={submit}>
            <ErrorSummary errors={errors} attempt={attempt} />
            <p>{mode === 'invite' ? t.password.inviteIntro : t.password.resetIntro}</p>
            <TextField
              id="new-password"
              label={t.password.newPassword}
              type="password"
              value={password}
              onValueChange={setPassword}
              autoComplete="new-password"
              minLength={MIN_LENGTH}
              required
              hint={t.password.hint}
              error={fieldError('new-password')}
            />
            <TextField
              id="confirm-password"
              label={t.password.confirmPassword}
              type="password"
              value={confirm}
              onValueChange={setConfirm}
              autoComplete="new-password"
              required
              error={fieldError('confirm-password')}
            />
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t.common.save}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
