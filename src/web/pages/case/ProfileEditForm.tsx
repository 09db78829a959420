/** Edits the profile (PATCH with If-Match; only the changed fields are sent). */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { todayIso } from '../../cases/codes.ts';
import { DateFields } from '../../cases/fields/DateFields.tsx';
import { ProfileFields } from '../../cases/fields/ProfileFields.tsx';
import {
  checkDates,
  checkProfile,
  type ProfileKey,
  profileFromCase,
  profileLabels,
  profilePayload,
} from '../../cases/profile-model.ts';
import { apiErrorText, isConflict, serverFieldErrors } from '../../forms/api-errors.ts';
import type { CaseDetail } from '../../cases/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useFormErrors } from '../../useFormErrors.ts';
import { useCase } from './case-context.ts';

const PX = 'profile-';

export function ProfileEditForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { c, setCase, reload } = useCase();
  const [values, setValues] = useState(() => profileFromCase(c));
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const set = (k: ProfileKey, v: string | string[]) => setValues((p) => ({ ...p, [k]: v }));

  useEffect(() => {
    document.getElementById(`${PX}firstContactOn`)?.focus();
  }, []);
  // After a reload (conflict), start again from the server's values.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger
  useEffect(() => {
    setValues(profileFromCase(c));
    setConflict(false);
  }, [c.version]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const today = todayIso();
    const list = [...checkDates(values, c.takenInChargeOn, today, t, PX, false), ...checkProfile(values, today, t, PX)];
    if (list.length) return form.fail(list);
    const before = profilePayload(profileFromCase(c));
    const after = profilePayload(values);
    const patch = Object.fromEntries(
      Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
    );
    if (!Object.keys(patch).length) return onCancel();
    setBusy(true);
    try {
      const updated = await api<CaseDetail>(`/cases/${encodeURIComponent(c.id)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'If-Match': `"${c.version}"` },
      });
      setCase(updated);
      onDone();
    } catch (err) {
      setBusy(false);
      const labels = profileLabels(t);
      if (isConflict(err)) {
        form.clear();
        setConflict(true);
      } else if (err instanceof ApiError && err.status === 400 && err.fields.length) {
        form.fail(
          serverFieldErrors(err, t, (f) => (f in labels ? { id: `${PX}${f}`, label: labels[f as ProfileKey] } : null)),
        );
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
      <fieldset className="form-group-block">
        <legend className="h5">{t.intake.steps.dates}</legend>
        <DateFields prefix={PX} values={values} set={set} err={form.err} />
      </fieldset>
      <ProfileFields prefix={PX} values={values} set={set} err={form.err} />
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
