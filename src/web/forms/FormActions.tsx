import { useI18n } from '../i18n/index.tsx';

/** A form's buttons: submit (disabled while the request runs) and, when the form can be left, cancel. */
export function FormActions({
  busy,
  submitLabel,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t.common.cancel}
        </button>
      ) : null}
    </div>
  );
}
