/** Step 2 of sign-in: a TOTP code, or a recovery code. */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Notice } from '../../components/Notice.tsx';
import { passkeysSupported, secondFactorWithPasskey } from '../../security/passkey.ts';

interface CodeStepProps {
  mode: 'totp' | 'recovery';
  onSwitch: () => void;
  onSuccess: (csrfToken: string | undefined) => void;
  /** The pending sign-in is gone: start again from the password. */
  onRestart: () => void;
  /** she has enrolled a passkey: offer it in place of the code */
  passkey?: boolean;
}

const statusOf = (err: unknown) => (err instanceof ApiError ? err.status : 0);
/** A wrong code (it stays on this step) rather than a lost sign-in. */
const wrongCode = (err: unknown) =>
  err instanceof ApiError && (err.code === 'invalid_code' || (err.status === 400 && err.code !== 'csrf_invalid'));
/** The pending sign-in is gone: start again from the password. */
const signInGone = (err: unknown) => !wrongCode(err) && (statusOf(err) === 401 || statusOf(err) === 403);

export function CodeStep({ mode, onSwitch, onSuccess, onRestart, passkey = false }: CodeStepProps) {
  const { t } = useI18n();
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyFailed, setPasskeyFailed] = useState(false);

  async function withPasskey() {
    setPasskeyBusy(true);
    setPasskeyFailed(false);
    try {
      onSuccess(await secondFactorWithPasskey());
    } catch (err) {
      if (signInGone(err)) return onRestart();
      setPasskeyFailed(true);
    } finally {
      setPasskeyBusy(false);
    }
  }
  const [code, setCode] = useState('');
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;
  const id = mode === 'totp' ? 'totp-code' : 'recovery-code';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = mode === 'totp' ? code.replace(/\s+/g, '') : code.trim();
    if (!value) return fail([{ field: id, message: t.login.totpRequired }]);
    const res = await form.submit(
      () => api.post(mode === 'totp' ? '/auth/totp' : '/auth/recovery', { body: { code: value }, authFlow: true }),
      (err) =>
        wrongCode(err)
          ? [{ field: id, message: t.login.invalidCode }]
          : signInGone(err)
            ? []
            : [{ message: statusOf(err) === 429 ? t.common.tooManyRequests : t.common.error }],
    );
    if (res.ok) return onSuccess(res.value?.csrfToken);
    setCode('');
    if (signInGone(res.error)) onRestart();
  }

  return (
    <form noValidate onSubmit={submit} className="mt-3">
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{mode === 'totp' ? t.login.totpIntro : t.login.recoveryIntro}</p>
      {mode === 'totp' ? (
        <TextField
          id={id}
          label={t.login.totpCode}
          value={code}
          onValueChange={setCode}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={8}
          required
          error={errors.find((x) => x.field === id)?.message}
        />
      ) : (
        <TextField
          id={id}
          label={t.login.recoveryCode}
          value={code}
          onValueChange={setCode}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.find((x) => x.field === id)?.message}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          {t.login.verify}
        </button>
        <button type="button" className="btn btn-link" onClick={onSwitch}>
          {mode === 'totp' ? t.login.useRecovery : t.login.useTotp}
        </button>
      </div>
      {passkey && passkeysSupported() ? (
        <div className="mt-3">
          {passkeyFailed ? <Notice kind="danger">{t.passkeyLogin.secondFailed}</Notice> : null}
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={passkeyBusy}
            onClick={() => void withPasskey()}
          >
            {t.passkeyLogin.useInstead}
          </button>
        </div>
      ) : null}
    </form>
  );
}
