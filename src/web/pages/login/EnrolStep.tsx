/** First sign-in of a role that needs a second factor: set up the authenticator app. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { FormActions } from '../../forms/FormActions.tsx';

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

interface EnrolStepProps {
  onDone: (csrfToken: string | undefined, recoveryCodes: string[]) => void;
  onRestart: () => void;
}

/** Groups the base32 secret in blocks of four, easier to type. */
const groups = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();

const statusOf = (err: unknown) => (err instanceof ApiError ? err.status : 0);
/** A wrong code (it stays on this step) rather than a lost sign-in. */
const wrongCode = (err: unknown) => err instanceof ApiError && (err.code === 'invalid_code' || err.status === 400);
/** The pending sign-in is gone: start again from the password. */
const signInGone = (err: unknown) => !wrongCode(err) && (statusOf(err) === 401 || statusOf(err) === 403);

export function EnrolStep({ onDone, onRestart }: EnrolStepProps) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [code, setCode] = useState('');
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;

  useEffect(() => {
    let live = true;
    api
      .post('/auth/totp/enrolment', { authFlow: true })
      .then((e) => live && setEnrolment(e))
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) onRestart();
        else setLoadError(true);
      });
    return () => {
      live = false;
    };
  }, [onRestart]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (!value) return fail([{ field: 'enrol-code', message: t.login.totpRequired }]);
    const res = await form.submit(
      () => api.post('/auth/totp/enrolment/confirm', { body: { code: value }, authFlow: true }),
      (err) =>
        wrongCode(err)
          ? [{ field: 'enrol-code', message: t.login.invalidCode }]
          : signInGone(err)
            ? []
            : [{ message: statusOf(err) === 429 ? t.common.tooManyRequests : t.common.error }],
    );
    if (res.ok) return onDone(res.value?.csrfToken, res.value?.recoveryCodes ?? []);
    setCode('');
    if (signInGone(res.error)) onRestart();
  }

  if (loadError) return <Notice kind="danger">{t.common.error}</Notice>;
  if (!enrolment) return <Loading />;

  return (
    <form noValidate onSubmit={submit} className="mt-3">
      <ErrorSummary errors={errors} attempt={attempt} />
      <p className="lead-text">{t.login.enrolIntro}</p>
      <img className="qr-image mb-3" src={enrolment.qrDataUrl} alt={t.login.qrAlt} width={200} height={200} />
      <p className="mb-1">{t.login.manualEntry}</p>
      <p>
        <code className="secret" translate="no">
          {groups(enrolment.secret)}
        </code>
      </p>
      <TextField
        id="enrol-code"
        label={t.login.firstCode}
        value={code}
        onValueChange={setCode}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]*"
        maxLength={8}
        required
        error={errors.find((x) => x.field === 'enrol-code')?.message}
      />
      <FormActions busy={form.busy} submitLabel={t.login.confirm} />
    </form>
  );
}
