/** One organisation's public entry: edit the draft, preview it as the public site shows it, publish it. */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  ACCESSIBILITY_FEATURES,
  DIRECTORY_SERVICES,
  SPOKEN_LANGUAGES,
  WEEKDAYS,
} from '../../../shared/codes/directory.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Checkbox } from '../../components/Choice.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ConflictNotice } from '../../forms/ConflictNotice.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import type { DirectoryEntry, EntryFields } from '../../types.ts';
import { useApi } from '../../useApi.ts';

type Values = EntryFields;
type Hours = EntryFields['hours'][number];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

export function EntryEditorPage() {
  const { organisationId = '' } = useParams();
  const { t } = useI18n();
  const resource = useApi('/directory/entries/:organisationId', { params: { organisationId } });
  const [entry, setEntry] = useState<DirectoryEntry | null>(null);
  const current = entry ?? resource.data;
  return (
    <>
      <PageTitle title={current ? current.organisationName : t.directory.title} />
      <p>
        <Link to="/elenco-pubblico">{t.directory.back}</Link>
      </p>
      <ResourceState loading={resource.loading} error={resource.error} />
      {current ? (
        <EntryForm
          entry={current}
          onSaved={setEntry}
          onReload={() => {
            setEntry(null);
            resource.reload();
          }}
        />
      ) : null}
    </>
  );
}

function EntryForm({
  entry,
  onSaved,
  onReload,
}: {
  entry: DirectoryEntry;
  onSaved: (e: DirectoryEntry) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const d = t.directory;
  const form = useVersionedForm<Values>({
    version: entry.version,
    initial: () => entry.draft,
    target: (f) => ({ id: `entry-${f}`, label: f }),
    fieldText: () => d.invalid,
  });
  const { values, setValues } = form;
  const [status, setStatus] = useState<'idle' | 'saved' | 'published'>('idle');
  const [preview, setPreview] = useState<string | null>(null);
  const set =
    <K extends keyof Values>(k: K) =>
    (v: Values[K]) => {
      setValues((prev) => ({ ...prev, [k]: v }));
      setStatus('idle');
    };
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const setHours = (i: number, patch: Partial<Hours>) =>
    set('hours')(values.hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));

  async function save(e: FormEvent) {
    e.preventDefault();
    const body: Values = {
      ...values,
      publicPhone: values.publicPhone?.trim() || null,
      publicEmail: values.publicEmail?.trim() || null,
      verifiedOn: values.verifiedOn || null,
    };
    const saved = await form.submit(() =>
      api.put('/directory/entries/:organisationId', {
        params: { organisationId: entry.organisationId },
        body,
        headers: ifMatch(entry.version),
      }),
    );
    if (!saved.ok) return;
    setPreview(null);
    setStatus('saved');
    onSaved(saved.value);
  }

  async function showPreview() {
    const answer = await form.submit(() =>
      api.get('/directory/entries/:organisationId/preview', { params: { organisationId: entry.organisationId } }),
    );
    if (answer.ok) setPreview(answer.value.html);
  }

  async function publish() {
    const published = await form.submit(() =>
      api.post('/directory/entries/:organisationId/publish', {
        params: { organisationId: entry.organisationId },
        headers: ifMatch(entry.version),
      }),
    );
    if (!published.ok) return;
    setStatus('published');
    onSaved(published.value);
  }

  const canEdit = entry.allowedActions.includes('edit');
  return (
    <section aria-labelledby="entry-edit-title" className="block-gap">
      <h2 id="entry-edit-title">{d.editTitle}</h2>
      <p>
        {d.statuses[entry.status]}
        {entry.stale ? ` — ${d.staleHint}` : ''}
      </p>
      <p>{d.editIntro}</p>
      {entry.operatesShelters ? <Notice kind="info">{d.shelterNote}</Notice> : null}
      {status === 'saved' ? <Notice kind="success">{d.saved}</Notice> : null}
      {status === 'published' ? <Notice kind="success">{d.published}</Notice> : null}
      {form.conflict ? <ConflictNotice text={d.conflict} onReload={onReload} /> : null}
      <form noValidate onSubmit={save}>
        <ErrorSummary errors={form.errors} attempt={form.attempt} />
        <TextField
          id="entry-publicPhone"
          label={d.phone}
          hint={d.phoneHint}
          type="tel"
          autoComplete="off"
          value={values.publicPhone ?? ''}
          onValueChange={set('publicPhone')}
          error={form.err('entry-publicPhone')}
        />
        <TextField
          id="entry-publicEmail"
          label={d.email}
          type="email"
          autoComplete="off"
          value={values.publicEmail ?? ''}
          onValueChange={set('publicEmail')}
          error={form.err('entry-publicEmail')}
        />
        <Checkbox id="entry-open24h" label={d.open24h} checked={values.open24h} onChange={set('open24h')} />
        {values.open24h ? null : (
          <fieldset className="field" id="entry-hours">
            <legend className="field-legend">{d.hours}</legend>
            {form.err('entry-hours') ? <div className="field-error">{form.err('entry-hours')}</div> : null}
            {values.hours.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: hour rows have no identity and are never reordered
              <div className="d-flex flex-wrap gap-3 align-items-end" key={`${h.day}-${i}`}>
                <SelectField
                  id={`entry-hours-${i}-day`}
                  label={d.day}
                  value={h.day}
                  onValueChange={(v) => setHours(i, { day: v as Hours['day'] })}
                  options={WEEKDAYS.map((w) => ({ value: w, label: d.days[w] }))}
                />
                <TextField
                  id={`entry-hours-${i}-opens`}
                  label={d.opens}
                  type="time"
                  value={h.opens}
                  onValueChange={(v) => setHours(i, { opens: v })}
                />
                <TextField
                  id={`entry-hours-${i}-closes`}
                  label={d.closes}
                  type="time"
                  value={h.closes}
                  onValueChange={(v) => setHours(i, { closes: v })}
                />
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm mb-3"
                  onClick={() => set('hours')(values.hours.filter((_, j) => j !== i))}
                >
                  {fmt(d.removeHours, { day: d.days[h.day] })}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => set('hours')([...values.hours, { day: 'mo', opens: '09:00', closes: '13:00' }])}
            >
              {d.addHours}
            </button>
          </fieldset>
        )}
        <CheckboxGroup
          id="entry-services"
          legend={d.services}
          options={DIRECTORY_SERVICES.map((s) => ({ value: s, label: d.serviceLabels[s] }))}
          selected={values.services}
          onChange={(v) => set('services')(v as Values['services'])}
          error={form.err('entry-services')}
        />
        <CheckboxGroup
          id="entry-languages"
          legend={d.languages}
          inline
          options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
          selected={values.languages}
          onChange={(v) => set('languages')(v as Values['languages'])}
        />
        <CheckboxGroup
          id="entry-accessibility"
          legend={d.accessibility}
          options={ACCESSIBILITY_FEATURES.map((a) => ({ value: a, label: d.accessLabels[a] }))}
          selected={values.accessibility}
          onChange={(v) => set('accessibility')(v as Values['accessibility'])}
        />
        <Checkbox id="entry-freeOfCharge" label={d.free} checked={values.freeOfCharge} onChange={set('freeOfCharge')} />
        <div className="d-flex flex-wrap gap-3 align-items-end">
          <TextField
            id="entry-verifiedOn"
            label={d.verified}
            type="date"
            value={values.verifiedOn ?? ''}
            onValueChange={(v) => set('verifiedOn')(v || null)}
            error={form.err('entry-verifiedOn')}
          />
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            onClick={() => set('verifiedOn')(today())}
          >
            {d.verifiedToday}
          </button>
        </div>
        {canEdit ? <FormActions busy={form.busy} submitLabel={t.common.save} /> : null}
      </form>
      <div className="form-actions">
        <button type="button" className="btn btn-outline-primary" disabled={form.busy} onClick={showPreview}>
          {d.preview}
        </button>
        {entry.allowedActions.includes('publish') ? (
          <button type="button" className="btn btn-primary" disabled={form.busy} onClick={publish}>
            {d.publish}
          </button>
        ) : null}
      </div>
      {preview ? (
        <section aria-labelledby="entry-preview-title" className="block-gap">
          <h2 id="entry-preview-title">{d.previewTitle}</h2>
          <p>{d.previewNote}</p>
          {/* no scripts in the frame; same origin only so that the public stylesheet loads */}
          <iframe title={d.previewTitle} srcDoc={preview} sandbox="allow-same-origin" className="directory-preview" />
        </section>
      ) : null}
    </section>
  );
}
