/** Registers or replaces her identity (PUT; If-Match with the version when one exists). */
import { type FormEvent, useEffect } from 'react';
import { api } from '../../api.ts';
import { todayIso } from '../../cases/codes.ts';
import {
  checkIdentity,
  emptyIdentity,
  type IdentityKey,
  type IdentityValues,
  identityLabels,
  identityPayload,
} from '../../cases/contact-model.ts';
import { IdentityFields } from '../../cases/fields/IdentityFields.tsx';
import { isConflict } from '../../forms/api-errors.ts';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/index.tsx';

const PX = 'idedit-';

interface Props {
  caseId: string;
  initial: IdentityValues | null;
  version: number | null;
  onSaved: (values: IdentityValues, version: number) => void;
  onCancel: () => void;
}

export function IdentityEditForm({ caseId, initial, version, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const labels = identityLabels(t);
  const form = useVersionedForm<IdentityValues>({
    initial: () => initial ?? emptyIdentity(),
    target: (f) => {
      const key = f.replace(/^identity\./, '').split('.')[0] as IdentityKey;
      return key in labels ? { id: `${PX}${key}`, label: labels[key] } : null;
    },
  });
  const { values, setValues } = form;
  const set = (k: IdentityKey, v: string) => setValues((p) => ({ ...p, [k]: v }));

  useEffect(() => {
    document.getElementById(`${PX}firstName`)?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = checkIdentity(values, todayIso(), t, PX);
    if (!form.check(list)) return;
    const saved = await form.submit(
      () =>
        api.put('/cases/:id/identity', {
          params: { id: caseId },
          body: identityPayload(values),
          headers: version === null ? {} : ifMatch(version),
        }),
      (err) => (isConflict(err) ? [{ message: t.identity.conflict }] : undefined),
    );
    if (saved.ok) onSaved(values, saved.value.version);
  }

  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="identity-form-title">
      <h3 id="identity-form-title" className="h6">
        {initial ? t.identity.editTitle : t.identity.registerTitle}
      </h3>
      <p className="small">{t.intake.identityNote}</p>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <IdentityFields prefix={PX} values={values} set={set} err={form.err} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={form.busy}>
          {t.common.save}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
