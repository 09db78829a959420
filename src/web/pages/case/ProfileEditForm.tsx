/** Edits the profile (PATCH with If-Match; only the changed fields are sent). */
import { type FormEvent, useEffect } from 'react';
import { api } from '../../api.ts';
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
import { ConflictNotice } from '../../forms/ConflictNotice.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCase } from './case-context.ts';
import { FormActions } from '../../forms/FormActions.tsx';

const PX = 'profile-';

export function ProfileEditForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { c, setCase, reload } = useCase();
  const labels = profileLabels(t);
  const form = useVersionedForm({
    version: c.version,
    initial: () => profileFromCase(c),
    target: (f) => (f in labels ? { id: `${PX}${f}`, label: labels[f as ProfileKey] } : null),
  });
  const { values, setValues } = form;
  const set = (k: ProfileKey, v: string | string[]) => setValues((p) => ({ ...p, [k]: v }));

  useEffect(() => {
    document.getElementById(`${PX}firstContactOn`)?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const today = todayIso();
    const list = [...checkDates(values, c.takenInChargeOn, today, t, PX, false), ...checkProfile(values, today, t, PX)];
    if (!form.check(list)) return;
    const before = profilePayload(profileFromCase(c));
    const after = profilePayload(values);
    const patch = Object.fromEntries(
      Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
    );
    if (!Object.keys(patch).length) return onCancel();
    const saved = await form.submit(() =>
      api.patch('/cases/:id', { params: { id: c.id }, body: patch, headers: ifMatch(c.version) }),
    );
    if (!saved.ok) return;
    setCase(saved.value);
    onDone();
  }

  return (
    <form noValidate onSubmit={submit}>
      {form.conflict ? <ConflictNotice onReload={reload} /> : null}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <fieldset className="form-group-block">
        <legend className="h5">{t.intake.steps.dates}</legend>
        <DateFields prefix={PX} values={values} set={set} err={form.err} />
      </fieldset>
      <ProfileFields prefix={PX} values={values} set={set} err={form.err} />
      <FormActions busy={form.busy} submitLabel={t.common.save} onCancel={onCancel} />
    </form>
  );
}
