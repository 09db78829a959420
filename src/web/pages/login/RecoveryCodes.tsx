/** The recovery codes, shown once right after enrolment. */
import { useI18n } from '../../i18n/index.tsx';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="mt-3">
      <div className="alert alert-warning" role="status">
        {t.login.recoveryCodesIntro}
      </div>
      <ul className="recovery-codes" aria-label={t.login.recoveryCodesLabel} translate="no">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          {t.login.savedThem}
        </button>
      </div>
    </div>
  );
}
