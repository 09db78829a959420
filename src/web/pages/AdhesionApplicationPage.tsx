/**
 * The public adhesion form (/adesione/:token), reached through a single-use invitation link: no
 * session; the token goes to the API in the body. Sending it spends the link and leaves a pending
 * request that the protocol's control room decides.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ORGANISATION_TYPES } from '../../shared/codes/organisations.ts';
import type { AdhesionFormState } from '../../server/network/schemas.ts';
import { ApiError, api } from '../api.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../components/Field.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../i18n/index.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTPS = /^https:\/\/\S{3,}$/;
const IDS = {
  name: 'adh-name',
  type: 'adh-type',
  municipalityCode: 'adh-municipality',
  website: 'adh-website',
  motivation: 'adh-motivation',
  adminDisplayName: 'adh-admin-name',
  adminEmail: 'adh-admin-email',
} as const;

export function AdhesionApplicationPage() {
  const { t, label } = useI18n();
  const p = t.protocols;
  const { token = '' } = useParams();
  const [state, setState] = useState<AdhesionFormState | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [website, setWebsite] = useState('');
  const [motivation, setMotivation] = useState('');
  const [adminName, setAdminName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;

  useEffect(() => {
    let live = true;
    api
      .post('/adhesion-form/state', { body: { token }, authFlow: true })
      .then((s) => {
        if (!live) return;
        setState(s);
        if (s.invitedName) setName(s.invitedName);
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 400)
          setState({ state: 'unknown', protocolName: null, invitedName: null, expiresAt: null, municipalities: [] });
        else setLoadError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err), []));
      });
    return () => {
      live = false;
    };
  }, [token]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    if (name.trim().length < 2) list.push({ field: IDS.name, message: p.invitedNameRequired });
    if (!type) list.push({ field: IDS.type, message: p.bodyTypeRequired });
    if (!municipality) list.push({ field: IDS.municipalityCode, message: p.municipalityRequired });
    if (website.trim() && !HTTPS.test(website.trim())) list.push({ field: IDS.website, message: p.websiteInvalid });
    if (!motivation.trim()) list.push({ field: IDS.motivation, message: p.motivationRequired });
    if (adminName.trim().length < 2) list.push({ field: IDS.adminDisplayName, message: p.adminNameRequired });
    if (!EMAIL.test(adminEmail.trim())) list.push({ field: IDS.adminEmail, message: p.adminEmailInvalid });
    if (list.length) return fail(list);
    const res = await form.submit(
      () =>
        api.post('/adhesion-form', {
          authFlow: true,
          body: {
            token,
            name: name.trim(),
            type: type as (typeof ORGANISATION_TYPES)[number],
            municipalityCode: municipality,
            ...(website.trim() ? { website: website.trim() } : {}),
            motivation: motivation.trim(),
            adminDisplayName: adminName.trim(),
            adminEmail: adminEmail.trim(),
          },
        }),
      (err) => {
        if (err instanceof ApiError && err.status === 410) return [{ message: p.linkUnknown }];
        if (err instanceof ApiError && err.status === 429) return [{ message: t.common.tooManyRequests }];
        if (err instanceof ApiError && err.fields.length)
          return err.fields.map((f) => ({
            field: (IDS as Record<string, string>)[f.field],
            message: t.fieldReasons[f.reason],
          }));
        return [{ message: t.common.error }];
      },
    );
    if (res.ok) setSent(true);
  }

  const fieldError = (id: string) => errors.find((x) => x.field === id)?.message;
  const closed =
    state?.state === 'used'
      ? p.linkUsed
      : state?.state === 'expired'
        ? p.linkExpired
        : state?.state === 'unknown'
          ? p.linkUnknown
          : null;

  return (
    <div className="row">
      <div className="col-lg-9">
        <PageTitle title={p.formTitle} />
        <ResourceState loading={!state && !loadError} error={loadError} />
        {sent ? <Notice kind="success">{p.formSent}</Notice> : null}
        {!sent && closed ? <Notice kind="warning">{closed}</Notice> : null}
        {!sent && state?.state === 'open' ? (
          <form noValidate onSubmit={submit}>
            <ErrorSummary errors={errors} attempt={attempt} />
            <p className="lead-text">
              {fmt(p.formIntro, { name: state.invitedName ?? '', protocol: state.protocolName ?? '' })}
            </p>
            <p>{p.formExplain}</p>
            <Notice kind="info">{p.formNoWomenData}</Notice>
            <div className="row">
              <div className="col-md-8">
                <TextField
                  id={IDS.name}
                  label={p.bodyName}
                  value={name}
                  onValueChange={setName}
                  maxLength={300}
                  autoComplete="organization"
                  required
                  error={fieldError(IDS.name)}
                />
              </div>
              <div className="col-md-6">
                <SelectField
                  id={IDS.type}
                  label={p.bodyType}
                  value={type}
                  onValueChange={setType}
                  options={[
                    { value: '', label: p.chooseOne },
                    ...ORGANISATION_TYPES.map((o) => ({ value: o, label: label('orgTypes', o) })),
                  ]}
                  error={fieldError(IDS.type)}
                />
              </div>
              <div className="col-md-6">
                <SelectField
                  id={IDS.municipalityCode}
                  label={p.municipality}
                  value={municipality}
                  onValueChange={setMunicipality}
                  options={[
                    { value: '', label: p.chooseOne },
                    ...state.municipalities.map((m) => ({ value: m.istatCode, label: m.name })),
                  ]}
                  error={fieldError(IDS.municipalityCode)}
                />
              </div>
              <div className="col-md-8">
                <TextField
                  id={IDS.website}
                  label={p.website}
                  type="url"
                  value={website}
                  onValueChange={setWebsite}
                  maxLength={290}
                  hint={p.websiteHint}
                  autoComplete="url"
                  error={fieldError(IDS.website)}
                />
              </div>
            </div>
            <TextArea
              id={IDS.motivation}
              label={p.motivation}
              value={motivation}
              onValueChange={setMotivation}
              rows={4}
              maxLength={2000}
              required
              className="field-wide"
              error={fieldError(IDS.motivation)}
            />
            <fieldset className="block-gap">
              <legend className="h5">{p.adminLegend}</legend>
              <div className="row">
                <div className="col-md-6">
                  <TextField
                    id={IDS.adminDisplayName}
                    label={p.adminName}
                    value={adminName}
                    onValueChange={setAdminName}
                    maxLength={120}
                    autoComplete="name"
                    required
                    error={fieldError(IDS.adminDisplayName)}
                  />
                </div>
                <div className="col-md-6">
                  <TextField
                    id={IDS.adminEmail}
                    label={p.adminEmail}
                    type="email"
                    value={adminEmail}
                    onValueChange={setAdminEmail}
                    maxLength={200}
                    autoComplete="email"
                    required
                    error={fieldError(IDS.adminEmail)}
                  />
                </div>
              </div>
            </fieldset>
            <FormActions busy={form.busy} submitLabel={p.formSubmit} />
          </form>
        ) : null}
      </div>
    </div>
  );
}
