/** Edits her safe-contact preferences (PATCH { safeContact } with If-Match). */
import { type FormEvent, useEffect } from 'react';
import { api } from '../../api.ts';
import { checkSafeContact, safeContactFrom, safeContactPayload, safeContactTarget } from '../../cases/contact-model.ts';
import { SafeContactFields } from '../../cases/fields/SafeContactFields.tsx';
import { ConflictNotice } from '../../forms/ConflictNotice.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCase } from './case-context.ts';
import { FormActions } from '../../forms/FormActions.tsx';

const PX = 'contact-';

export function SafeContactEditForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { c, setCase, reload } = useCase();
  const form = useVersionedForm({
    version: c.version,
    initial: () => safeContactFrom(c.safeContact),
    target: (f) => safeContactTarget(f, PX, t),
  });
  const { values, setValues } = form;

  useEffect(() => {
    document.getElementById(`${PX}channels`)?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = checkSafeContact(values, t, PX);
    if (!form.check(list)) return;
    const body = { safeContact: safeContactPayload(values) };
    const saved = await form.submit(() =>
      api.patch('/cases/:id', { params: { id: c.id }, body, headers: ifMatch(c.version) }),
    );
    if (!saved.ok) return;
    setCase(saved.value);
    onDone();
  }

  return (
    <form noValidate onSubmit={submit}>
      {form.conflict ? <ConflictNotice onReload={reload} /> : null}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <SafeContactFields prefix={PX} values={values} onChange={setValues} err={form.err} />
      <FormActions busy={form.busy} submitLabel={t.common.save} onCancel={onCancel} />
    </form>
  );
}
