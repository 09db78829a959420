/** Step 2 of sign-in: a TOTP code, or a recovery code. */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface CodeStepProps {
  mode: 'totp' | 'recovery';
  onSwitch: () => void;
  onSuccess: (csrfToken: string | undefined) => void;
  /** The pending sign-in is gone: start again from the password. */
  onRestart: () => void;
}

export function CodeStep({ mode, onSwitch, onSuccess, onRestart }: CodeStepProps) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = mode === 'totp' ? 'totp-code' : 'recovery-code';

  const fail = (list: SummaryError[]) => {
    setErrors(list);
    setAttempt((n) => n + 1);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = mode === 'totp' ? code.replace(/\s+/g, '') : code.trim();
    if (!value) return fail([{ field: id, message: t.login.totpRequired }]);
    setBusy(true);
    try {
      const res = await api.post(mode === 'totp' ? '/auth/totp' : '/auth/recovery', {
        body: { code: value },
        authFlow: true,
      });
      onSuccess(res?.csrfToken);
    } catch (err) {
      setCode('');
      const status = err instanceof ApiError ? err.status : 0;
      const errCode = err instanceof ApiError ? err.code : '';
      if (errCode === 'invalid_code' || (status === 400 && errCode !== 'csrf_invalid')) {
        fail([{ field: id, message: t.login.invalidCode }]);
      } else if (status === 401 || status === 403) onRestart();
      else if (status === 429) fail([{ message: t.common.tooManyRequests }]);
      else fail([{ message: t.common.error }]);
    } finally {
      setBusy(false);
    }
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
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.login.verify}
        </button>
        <button type="button" className="btn btn-link" onClick={onSwitch}>
          {mode === 'totp' ? t.login.useRecovery : t.login.useTotp}
        </button>
      </div>
    </form>
  );
}
