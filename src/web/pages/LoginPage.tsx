/** Sign-in: password, then TOTP, passkey or recovery code, or first-time TOTP enrolment; or a passkey alone. */
import { useCallback, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api.ts';
import { type LoginState, useAuth } from '../auth.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import { CodeStep } from './login/CodeStep.tsx';
import { EnrolStep } from './login/EnrolStep.tsx';
import { PasswordStep } from './login/PasswordStep.tsx';
import { RecoveryCodes } from './login/RecoveryCodes.tsx';

type Step = 'password' | 'totp' | 'recovery' | 'enrol' | 'codes';

export function LoginPage() {
  const { t } = useI18n();
  const { me, refresh, signedOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const reason = signedOut ?? (state.expired ? 'expired' : state.loggedOut ? 'loggedOut' : null);
  const expired = reason === 'expired';
  const loggedOut = reason === 'loggedOut';
  const [step, setStep] = useState<Step>('password');
  const [restarted, setRestarted] = useState(false);
  const [codes, setCodes] = useState<string[]>([]);
  const [passkey, setPasskey] = useState(false);

  const finish = useCallback(async () => {
    await refresh();
    const from = state.from && state.from !== '/login' ? state.from : '/';
    navigate(from, { replace: true });
  }, [refresh, navigate, state.from]);

  const restart = useCallback(() => {
    setCsrfToken(null);
    setRestarted(true);
    setStep('password');
  }, []);

  if (me && step === 'password') return <Navigate to="/" replace />;

  const titles: Record<Step, string> = {
    password: t.login.title,
    totp: t.login.totpTitle,
    recovery: t.login.recoveryTitle,
    enrol: t.login.enrolTitle,
    codes: t.login.recoveryCodesTitle,
  };

  return (
    <div className="row">
      <div className="col-lg-8">
        <PageTitle title={titles[step]} focusKey={step} />
        {step === 'password' ? (
          <>
            {restarted ? <Notice kind="warning">{t.login.restart}</Notice> : null}
            {!restarted && expired ? <Notice kind="warning">{t.login.sessionExpired}</Notice> : null}
            {!restarted && loggedOut ? <Notice kind="info">{t.login.loggedOut}</Notice> : null}
            <p>{t.login.intro}</p>
            <PasswordStep
              onNext={(next, hasPasskey) => {
                setRestarted(false);
                setPasskey(hasPasskey);
                setStep(next);
              }}
              onPasskey={(token) => {
                setCsrfToken(token);
                void finish();
              }}
            />
          </>
        ) : null}
        {step === 'totp' || step === 'recovery' ? (
          <CodeStep
            key={step}
            mode={step}
            passkey={passkey}
            onSwitch={() => setStep(step === 'totp' ? 'recovery' : 'totp')}
            onSuccess={(token) => {
              setCsrfToken(token ?? null);
              void finish();
            }}
            onRestart={restart}
          />
        ) : null}
        {step === 'enrol' ? (
          <EnrolStep
            onDone={(token, recoveryCodes) => {
              setCsrfToken(token ?? null);
              setCodes(recoveryCodes);
              setStep('codes');
            }}
            onRestart={restart}
          />
        ) : null}
        {step === 'codes' ? <RecoveryCodes codes={codes} onDone={() => void finish()} /> : null}
      </div>
    </div>
  );
}
