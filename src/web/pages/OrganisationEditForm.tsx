/** Edit the public profile of an organisation (optimistic locking with If-Match). */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { TextArea, TextField } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { OrganisationDetail } from '../types.ts';

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
  const [values, setValues] = useState<Values>(() => fromOrg(organisation));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<'idle' | 'saved' | 'conflict' | 'nochange'>('idle');
  const [busy, setBusy] = useState(false);

  // A new version (after saving or reloading) resets the form to the server's values.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger
  useEffect(() => {
    setValues(fromOrg(organisation));
    setStatus((s) => (s === 'conflict' ? 'idle' : s));
  }, [organisation.version]);

  const set = (k: Key) => (v: string) => {
    setValues((prev) => ({ ...prev, [k]: v }));
    setStatus('idle');
  };
  const fail = (list: SummaryError[]) => {
    setErrors(list);
    setAttempt((n) => n + 1);
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
    if (list.length) return fail(list);
    const original = fromOrg(organisation);
    const keys: Key[] = hideAddress
      ? ['description', 'helpline', 'website']
      : ['description', 'helpline', 'website', 'address'];
    const patch: Partial<Record<Key, string | null>> = {};
    for (const k of keys) {
      const v = values[k].trim();
      if (v !== original[k].trim()) patch[k] = v === '' ? null : v;
    }
    setErrors([]);
    if (!Object.keys(patch).length) return setStatus('nochange');
    setBusy(true);
    try {
      const updated = await api.patch('/organisations/:id', {
        params: { id: organisation.id },
        body: patch,
        headers: { 'If-Match': `"${organisation.version}"` },
      });
      setStatus('saved');
      onSaved(updated);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 409 || err.status === 412)) setStatus('conflict');
      else if (err instanceof ApiError && err.fields.length) {
        const messages: Record<string, string> = {
          helpline: t.organisations.helplineInvalid,
          website: t.organisations.websiteHint,
        };
        fail(
          err.fields.map((f) => ({
            field: `org-${f.field}`,
            message: messages[f.field] ?? t.organisations.invalidValue,
          })),
        );
      } else fail([{ message: t.common.error }]);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (k: Key) => errors.find((x) => x.field === `org-${k}`)?.message;

  return (
    <section className="block-gap" aria-labelledby="edit-title">
      <h2 id="edit-title">{t.organisations.editTitle}</h2>
      <p>{t.organisations.editIntro}</p>
      {status === 'saved' ? <Notice kind="success">{t.organisations.saved}</Notice> : null}
      {status === 'nochange' ? <Notice kind="info">{t.organisations.noChanges}</Notice> : null}
      {status === 'conflict' ? (
        <Notice kind="danger">
          <p>{t.organisations.conflict}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
            {t.common.reload}
          </button>
        </Notice>
      ) : null}
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} attempt={attempt} />
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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t.common.save}
          </button>
        </div>
      </form>
    </section>
  );
}
