/** Edits her safe-contact preferences (PATCH { safeContact } with If-Match). */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { checkSafeContact, safeContactFrom, safeContactPayload, safeContactTarget } from '../../cases/contact-model.ts';
import { SafeContactFields } from '../../cases/fields/SafeContactFields.tsx';
import { apiErrorText, isConflict, serverFieldErrors } from '../../forms/api-errors.ts';
import type { CaseDetail } from '../../cases/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useFormErrors } from '../../useFormErrors.ts';
import { useCase } from './case-context.ts';

const PX = 'contact-';

export function SafeContactEditForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { c, setCase, reload } = useCase();
  const [values, setValues] = useState(() => safeContactFrom(c.safeContact));
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  useEffect(() => {
    document.getElementById(`${PX}channels`)?.focus();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger
  useEffect(() => {
    setValues(safeContactFrom(c.safeContact));
    setConflict(false);
  }, [c.version]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = checkSafeContact(values, t, PX);
    if (list.length) return form.fail(list);
    setBusy(true);
    try {
      const body = { safeContact: safeContactPayload(values) };
      const updated = await api<CaseDetail>(`/cases/${encodeURIComponent(c.id)}`, {
        method: 'PATCH',
        body,
        headers: { 'If-Match': `"${c.version}"` },
      });
      setCase(updated);
      onDone();
    } catch (err) {
      setBusy(false);
      if (isConflict(err)) {
        form.clear();
        setConflict(true);
      } else if (err instanceof ApiError && err.status === 400 && err.fields.length) {
        form.fail(serverFieldErrors(err, t, (f) => safeContactTarget(f, PX, t)));
      } else form.fail([{ message: apiErrorText(err, t) }]);
    }
  }

  return (
    <form noValidate onSubmit={submit}>
      {conflict ? (
        <Notice kind="danger">
          <p>{t.validation.conflict}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={reload}>
            {t.common.reload}
          </button>
        </Notice>
      ) : null}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <SafeContactFields prefix={PX} values={values} onChange={setValues} err={form.err} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.common.save}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
