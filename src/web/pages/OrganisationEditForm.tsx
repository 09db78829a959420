/** Edit the public profile of an organisation (optimistic locking with If-Match). */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { TextArea, TextField } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { isConflict } from '../forms/api-errors.ts';
import { ConflictNotice } from '../forms/ConflictNotice.tsx';
import { ifMatch } from '../forms/submit-outcome.ts';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { OrganisationDetail } from '../types.ts';
import { FormActions } from '../forms/FormActions.tsx';

type Key = 'description' | 'helpline' | 'website' | 'address';
type Values = Record<Key, string>;

const fromOrg = (o: OrganisationDetail): Values => ({
  description: o.description ?? '',
  helpline: o.helpline ?? '',
  website: o.website ?? '',
  address: o.address ?? '',
});

interface Props {
  organisation: OrganisationDetail;
  hideAddress: boolean;
  onSaved: (o: OrganisationDetail) => void;
  onReload: () => void;
}

export function OrganisationEditForm({ organisation, hideAddress, onSaved, onReload }: Props) {
  const { t } = useI18n();
  // A new version (after saving or reloading) resets the form to the server's values.
  const form = useVersionedForm({
    version: organisation.version,
    initial: () => fromOrg(organisation),
    // Every refused field is named on its control, in the form's own words.
    target: (f) => ({ id: `org-${f}`, label: f }),
    fieldText: (f) =>
      ({ helpline: t.organisations.helplineInvalid, website: t.organisations.websiteHint })[f] ??
      t.organisations.invalidValue,
  });
  const { values, setValues } = form;
  const [status, setStatus] = useState<'idle' | 'saved' | 'nochange'>('idle');

  const set = (k: Key) => (v: string) => {
    setValues((prev) => ({ ...prev, [k]: v }));
    setStatus('idle');
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const website = values.website.trim();
    const list: SummaryError[] = [];
    if (values.description.trim().length > 2000) {
      list.push({ field: 'org-description', message: fmt(t.organisations.tooLong, { max: 2000 }) });
    }
    if (!/^[0-9+()./ -]*$/.test(values.helpline.trim()))
      list.push({ field: 'org-helpline', message: t.organisations.helplineInvalid });
    if (website && !/^https?:\/\/\S+$/i.test(website))
      list.push({ field: 'org-website', message: t.organisations.websiteHint });
    if (!form.check(list)) return;
    const original = fromOrg(organisation);
    const keys: Key[] = hideAddress
      ? ['description', 'helpline', 'website']
      : ['description', 'helpline', 'website', 'address'];
    const patch: Partial<Record<Key, string | null>> = {};
    for (const k of keys) {
      const v = values[k].trim();
      if (v !== original[k].trim()) patch[k] = v === '' ? null : v;
    }
    form.clear();
    if (!Object.keys(patch).length) return setStatus('nochange');
    const saved = await form.submit(
      () =>
        api.patch('/organisations/:id', {
          params: { id: organisation.id },
          body: patch,
          headers: ifMatch(organisation.version),
        }),
      (err) =>
        isConflict(err) || (err instanceof ApiError && err.fields.length) ? undefined : [{ message: t.common.error }],
    );
    if (!saved.ok) return;
    setStatus('saved');
    onSaved(saved.value);
  }

  const fieldError = (k: Key) => form.err(`org-${k}`);

  return (
    <section className="block-gap" aria-labelledby="edit-title">
      <h2 id="edit-title">{t.organisations.editTitle}</h2>
      <p>{t.organisations.editIntro}</p>
      {status === 'saved' ? <Notice kind="success">{t.organisations.saved}</Notice> : null}
      {status === 'nochange' ? <Notice kind="info">{t.organisations.noChanges}</Notice> : null}
      {form.conflict ? <ConflictNotice text={t.organisations.conflict} onReload={onReload} /> : null}
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={form.errors} attempt={form.attempt} />
        <TextArea
          id="org-description"
          label={t.organisations.description}
          value={values.description}
          onValueChange={set('description')}
          rows={5}
          maxLength={2000}
          error={fieldError('description')}
          className="field-wide"
        />
        <TextField
          id="org-helpline"
          label={t.organisations.helpline}
          type="tel"
          autoComplete="off"
          value={values.helpline}
          onValueChange={set('helpline')}
          error={fieldError('helpline')}
        />
        <TextField
          id="org-website"
          label={t.organisations.website}
          type="url"
          autoComplete="off"
          hint={t.organisations.websiteHint}
          value={values.website}
          onValueChange={set('website')}
          error={fieldError('website')}
        />
        {hideAddress ? null : (
          <TextField
            id="org-address"
            label={t.organisations.address}
            autoComplete="off"
            value={values.address}
            onValueChange={set('address')}
            error={fieldError('address')}
          />
        )}
        <FormActions busy={form.busy} submitLabel={t.common.save} />
      </form>
    </section>
  );
}
