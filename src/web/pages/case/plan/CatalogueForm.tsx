/** Adds an action to the centre's own catalogue (the shared catalogue stays as it is). */
import { type FormEvent, useState } from 'react';
import { api } from '../../../api.ts';
import { DOMAINS } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';

/** A code from the Italian label: lower case, ASCII, underscores. */
const codeFrom = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);

export function CatalogueForm({ onAdded }: { onAdded: (code: string) => void }) {
  const { t } = useI18n();
  const options = useOptions();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ code: '', domain: 'work', labelIt: '', labelEn: '' });
  const form = useVersionedForm({ target: (f) => (labels[f] ? { id: `cat-${f}`, label: labels[f] } : null) });
  const p = t.plan;
  const labels: Record<string, string> = {
    code: p.catalogueCode,
    domain: p.domain,
    labelIt: p.labelIt,
    labelEn: p.labelEn,
  };
  const code = v.code || codeFrom(v.labelIt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = [];
    if (!v.labelIt.trim()) list.push({ field: 'cat-labelIt', message: fieldMessage(p.labelIt, t.validation.required) });
    if (!v.labelEn.trim()) list.push({ field: 'cat-labelEn', message: fieldMessage(p.labelEn, t.validation.required) });
    if (!/^[a-z0-9_]{3,60}$/.test(code))
      list.push({ field: 'cat-code', message: fieldMessage(p.catalogueCode, t.validation.catalogueCode) });
    if (!form.check(list)) return;
    const added = await form.submit(() =>
      api.post('/action-catalogue', {
        body: { code, domain: v.domain, labelIt: v.labelIt.trim(), labelEn: v.labelEn.trim() },
      }),
    );
    if (!added.ok) return;
    setV({ code: '', domain: 'work', labelIt: '', labelEn: '' });
    setOpen(false);
    onAdded(code);
  }

  return (
    <section className="block-gap" aria-labelledby="catalogue-title">
      <h3 id="catalogue-title">{p.catalogueTitle}</h3>
      <p>{p.catalogueIntro}</p>
      {!open ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(true)}>
          {p.catalogueOpen}
        </button>
      ) : (
        <form noValidate onSubmit={submit}>
          <ErrorSummary errors={form.errors} attempt={form.attempt} />
          <TextField
            id="cat-labelIt"
            label={p.labelIt}
            maxLength={200}
            value={v.labelIt}
            onValueChange={(labelIt) => setV({ ...v, labelIt })}
            error={form.err('cat-labelIt')}
          />
          <TextField
            id="cat-labelEn"
            label={p.labelEn}
            maxLength={200}
            value={v.labelEn}
            onValueChange={(labelEn) => setV({ ...v, labelEn })}
            error={form.err('cat-labelEn')}
          />
          <SelectField
            id="cat-domain"
            label={p.domain}
            value={v.domain}
            onValueChange={(domain) => setV({ ...v, domain })}
            options={options('domains', DOMAINS)}
          />
          <TextField
            id="cat-code"
            label={p.catalogueCode}
            hint={p.catalogueCodeHint}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            value={code}
            onValueChange={(c) => setV({ ...v, code: c })}
            error={form.err('cat-code')}
          />
          <FormActions busy={form.busy} submitLabel={p.catalogueSubmit} onCancel={() => setOpen(false)} />
        </form>
      )}
    </section>
  );
}
