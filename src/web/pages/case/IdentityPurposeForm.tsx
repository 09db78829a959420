/** Asks why her identity is needed, then reads it (the purpose is audited with the read). */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { IDENTITY_PURPOSES } from '../../cases/codes.ts';
import { useOptions } from '../../cases/options.ts';
import { fieldMessage } from '../../forms/api-errors.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import type { Identity } from '../../cases/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { itCaseLabels } from '../../i18n/it-case-labels.ts';

interface Props {
  caseId: string;
  onShown: (identity: Identity & { version: number }) => void;
  onCancel: () => void;
}

export function IdentityPurposeForm({ caseId, onShown, onCancel }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const [purpose, setPurpose] = useState('');
  const [details, setDetails] = useState('');
  const form = useVersionedForm();
  const first = useRef<HTMLDivElement>(null);
  const h = t.identity;

  useEffect(() => {
    first.current?.querySelector('select')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!purpose) list.push({ field: 'identity-purpose', message: fieldMessage(h.purpose, t.validation.required) });
    if (purpose === 'other' && details.trim().length < 3)
      list.push({
        field: 'identity-purpose-details',
        message: fieldMessage(h.purposeDetails, t.validation.purposeDetails),
      });
    if (list.length) return form.fail(list);
    // The audit keeps the Italian wording of the purpose, whatever the interface language.
    const base = (itCaseLabels.identityPurposes as Record<string, string>)[purpose] ?? purpose;
    const text = (details.trim() ? `${base}: ${details.trim()}` : base).slice(0, 200);
    const shown = await form.submit(
      () => api.get('/cases/:id/identity', { params: { id: caseId }, query: { purpose: text } }),
      (err) => (err instanceof ApiError && err.status === 403 ? [{ message: t.validation.notOnTeam }] : undefined),
    );
    if (shown.ok) onShown(shown.value);
  }

  return (
    <form noValidate onSubmit={submit} className="panel-form">
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <p>{h.purposeIntro}</p>
      <div ref={first}>
        <SelectField
          id="identity-purpose"
          label={h.purpose}
          value={purpose}
          onValueChange={setPurpose}
          options={options('identityPurposes', IDENTITY_PURPOSES, h.choosePurpose)}
          error={form.err('identity-purpose')}
        />
      </div>
      <TextField
        id="identity-purpose-details"
        label={h.purposeDetails}
        hint={h.purposeDetailsHint}
        maxLength={150}
        autoComplete="off"
        value={details}
        onValueChange={setDetails}
        error={form.err('identity-purpose-details')}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={form.busy}>
          {h.showSubmit}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
