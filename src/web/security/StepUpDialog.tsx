/**
 * The step-up dialog (issue 12): a modal <dialog> asking for the TOTP code or a passkey when the
 * server answers 403 step_up_required; the request that was refused is then sent again, so the
 * page is not lost. Registered once by the auth provider (api.ts onStepUp).
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, onStepUp } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { passkeysSupported } from './passkey.ts';
import { startAuthentication } from '@simplewebauthn/browser';

export function StepUpDialog() {
  const { t } = useI18n();
  const s = t.stepUp;
  const ref = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    onStepUp(
      () =>
        new Promise<boolean>((resolve) => {
          resolver.current = resolve;
          setCode('');
          setError(null);
          setOpen(true);
        }),
    );
    return () => onStepUp(null);
  }, []);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const finish = (ok: boolean) => {
    setOpen(false);
    resolver.current?.(ok);
    resolver.current = null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (!value) return setError(s.codeRequired);
    setBusy(true);
    try {
      await api.post('/auth/step-up/totp', { body: { code: value }, authFlow: true });
      finish(true);
    } catch {
      setCode('');
      setError(s.invalid);
    } finally {
      setBusy(false);
    }
  }

  async function withPasskey() {
    setBusy(true);
    try {
      const { options } = await api.post('/auth/step-up/passkey/options', { authFlow: true });
      const response = await startAuthentication({ optionsJSON: options });
      await api.post('/auth/step-up/passkey', { body: { response }, authFlow: true });
      finish(true);
    } catch {
      setError(s.passkeyFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="step-up-dialog p-4"
      aria-labelledby="step-up-title"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
    >
      {open ? (
        <form noValidate onSubmit={submit}>
          <h2 id="step-up-title" className="h4">
            {s.title}
          </h2>
          <p>{s.intro}</p>
          {error ? (
            <div className="alert alert-danger" role="alert">
              {error}
            </div>
          ) : null}
          {passkeysSupported() ? (
            <p>
              <button
                type="button"
                className="btn btn-outline-primary"
                disabled={busy}
                onClick={() => void withPasskey()}
              >
                {s.usePasskey}
              </button>
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="step-up-code" className="field-label">
              {s.code}
            </label>
            <input
              id="step-up-code"
              className="form-control"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={8}
            />
          </div>
          <div className="form-actions mt-3">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {s.verify}
            </button>
            <button type="button" className="btn btn-link" onClick={() => finish(false)}>
              {s.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
