/** One-time links: accept an invitation or complete a password reset by choosing a password. */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { FormActions } from '../forms/FormActions.tsx';

const MIN_LENGTH = 12;

export function SetPasswordPage({ mode }: { mode: 'invite' | 'reset' }) {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    if (password.length < MIN_LENGTH) list.push({ field: 'new-password', message: t.password.tooShort });
    if (password !== confirm) list.push({ field: 'confirm-password', message: t.password.mismatch });
    if (list.length) return fail(list);
    const path = mode === 'invite' ? '/auth/invitations/accept' : '/auth/password-reset/complete';
    const res = await form.submit(
      () => api.post(path, { body: { token, password }, authFlow: true }),
      (err) => {
        if (!(err instanceof ApiError)) return [{ message: t.common.error }];
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
          return [{ field: 'new-password', message }];
        }
        if (err.status === 429) return [{ message: t.common.tooManyRequests }];
        if ([400, 401, 404, 410].includes(err.status)) return [{ message: t.password.invalidLink }];
        return [{ message: t.common.error }];
      },
    );
    if (res.ok) setDone(true);
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
            <FormActions busy={form.busy} submitLabel={t.common.save} />
          </form>
        )}
      </div>
    </div>
  );
}
