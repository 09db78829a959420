/** Records her decision on one purpose: the text she saw, how she gave it, when, to whom. */
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import { queryString } from '../../../api-path.ts';
import { useAuth } from '../../../auth.tsx';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  NEEDS_RECIPIENT,
  todayIso,
  UUID,
} from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { Consent } from '../../../cases/types.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../useApi.ts';
import { useCase } from '../case-context.ts';
import { ConsentText, TEXT_VERSIONS } from './ConsentText.tsx';
import { RecipientFields, type RecipientValues } from './RecipientFields.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';

const OTHER = 'other';

export function ConsentForm({ onSaved, onCancel }: { onSaved: (c: Consent) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { c } = useCase();
  const options = useOptions();
  const orgs = useApi('/organisations');
  const [purpose, setPurpose] = useState('');
  const [version, setVersion] = useState(TEXT_VERSIONS[0] ?? '');
  const [textLang, setTextLang] = useState('it');
  const [decision, setDecision] = useState('');
  const [method, setMethod] = useState('signed_form');
  const [witness, setWitness] = useState('');
  const [witnessId, setWitnessId] = useState('');
  const [givenOn, setGivenOn] = useState(todayIso);
  const [expiresOn, setExpiresOn] = useState('');
  const [recipient, setRecipient] = useState<RecipientValues>({
    kind: 'organisation',
    organisationId: '',
    type: '',
    sharingPurpose: '',
    includesIdentity: false,
  });
  const form = useVersionedForm({
    target: (f) => {
      const labels: Record<string, string> = {
        purpose: k.purpose,
        decision: k.decision,
        method: k.method,
        givenOn: k.givenOn,
        expiresOn: k.expiresOn,
        textVersion: k.textVersion,
        witnessUserId: k.witness,
        recipientOrganisationId: k.recipientOrganisation,
        recipientType: k.recipientType,
        sharingPurpose: k.sharingPurpose,
        includesIdentity: k.includesIdentity,
      };
      const id = f === 'witnessUserId' ? (witness === OTHER ? 'consent-witnessId' : 'consent-witness') : `consent-${f}`;
      return labels[f] ? { id, label: labels[f] } : null;
    },
  });
  const k = t.consents;
  const needsRecipient = NEEDS_RECIPIENT.includes(purpose);
  const colleagues = c.team.filter((m) => m.userId !== me?.user.id);
  const witnessUser = witness === OTHER ? witnessId.trim() : witness;

  useEffect(() => {
    document.getElementById('consent-purpose')?.focus();
  }, []);

  const recipientFields = needsRecipient
    ? {
        recipientOrganisationId: recipient.kind === 'organisation' ? recipient.organisationId || null : null,
        recipientType: recipient.kind === 'type' ? recipient.type || null : null,
        sharingPurpose: recipient.sharingPurpose || null,
        includesIdentity: recipient.includesIdentity,
      }
    : {};
  const printable =
    purpose &&
    (!needsRecipient ||
      ((recipient.kind === 'organisation' ? recipient.organisationId : recipient.type) && recipient.sharingPurpose));
  const printHref = (lang: string) =>
    `/api/v1/cases/${encodeURIComponent(c.id)}/consents/form${queryString({
      purpose,
      lang,
      textVersion: version,
      expiresOn: expiresOn || undefined,
      ...Object.fromEntries(
        Object.entries(recipientFields).map(([key, val]) => [
          key,
          val === null || val === false ? undefined : String(val),
        ]),
      ),
    })}`;

  function check(): SummaryError[] {
    const out: SummaryError[] = [];
    const add = (id: string, label: string, reason: string) =>
      out.push({ field: id, message: fieldMessage(label, reason) });
    if (!purpose) add('consent-purpose', k.purpose, t.validation.required);
    if (!decision) add('consent-decision', k.decision, t.validation.required);
    if (!givenOn) add('consent-givenOn', k.givenOn, t.validation.required);
    else if (givenOn > todayIso()) add('consent-givenOn', k.givenOn, t.validation.future);
    if (expiresOn && givenOn && expiresOn < givenOn) add('consent-expiresOn', k.expiresOn, t.validation.beforeGiven);
    if (method === 'verbal_with_witness') {
      if (!witnessUser)
        add(witness === OTHER ? 'consent-witnessId' : 'consent-witness', k.witness, t.validation.witnessNeeded);
      else if (!UUID.test(witnessUser)) add('consent-witnessId', k.witnessId, t.validation.uuid);
    }
    if (needsRecipient) {
      if (recipient.kind === 'organisation' && !recipient.organisationId)
        add('consent-recipientOrganisationId', k.recipientOrganisation, t.validation.required);
      if (recipient.kind === 'type' && !recipient.type)
        add('consent-recipientType', k.recipientType, t.validation.required);
      if (!recipient.sharingPurpose) add('consent-sharingPurpose', k.sharingPurpose, t.validation.required);
    }
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = check();
    if (!form.check(list)) return;
    const created = await form.submit(() =>
      api.post('/cases/:id/consents', {
        params: { id: c.id },
        body: {
          purpose,
          decision,
          textVersion: version,
          method,
          givenOn,
          witnessUserId: method === 'verbal_with_witness' ? witnessUser : null,
          expiresOn: decision === 'granted' && expiresOn ? expiresOn : null,
          ...recipientFields,
        },
      }),
    );
    if (created.ok) onSaved(created.value);
  }

  return (
    <form noValidate onSubmit={submit} className="panel-form" aria-labelledby="consent-form-title">
      <h3 id="consent-form-title">{k.formTitle}</h3>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <SelectField
        id="consent-purpose"
        label={k.purpose}
        value={purpose}
        onValueChange={setPurpose}
        options={options('consentPurposes', CONSENT_PURPOSES, k.choosePurpose)}
        error={form.err('consent-purpose')}
      />
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="consent-textVersion"
            label={k.textVersion}
            value={version}
            onValueChange={setVersion}
            options={TEXT_VERSIONS.map((v) => ({ value: v, label: v }))}
          />
        </div>
        <div className="col-md-6">
          <RadioGroup
            id="consent-textLang"
            legend={k.textLang}
            inline
            value={textLang}
            onChange={setTextLang}
            options={[
              { value: 'it', label: t.lang.it },
              { value: 'en', label: t.lang.en },
            ]}
          />
        </div>
      </div>
      {purpose ? (
        <ConsentText version={version} purpose={purpose} lang={textLang} />
      ) : (
        <p className="field-hint">{k.chooseToRead}</p>
      )}
      {needsRecipient ? (
        <RecipientFields
          values={recipient}
          onChange={setRecipient}
          organisations={(orgs.data?.items ?? []).filter((o) => o.id !== c.organisationId)}
          err={form.err}
        />
      ) : null}
      {printable ? (
        <p className="row-actions">
          <a
            className="btn btn-outline-primary btn-sm"
            href={printHref('it')}
            target="_blank"
            rel="noopener noreferrer"
          >
            {k.printIt} <span className="visually-hidden">{k.newTab}</span>
          </a>
          <a
            className="btn btn-outline-primary btn-sm"
            href={printHref('en')}
            target="_blank"
            rel="noopener noreferrer"
          >
            {k.printEn} <span className="visually-hidden">{k.newTab}</span>
          </a>
        </p>
      ) : null}
      <RadioGroup
        id="consent-decision"
        legend={k.decision}
        hint={k.refusalNote}
        value={decision}
        onChange={setDecision}
        options={options('consentDecisions', CONSENT_DECISIONS)}
        error={form.err('consent-decision')}
      />
      <RadioGroup
        id="consent-method"
        legend={k.method}
        value={method}
        onChange={setMethod}
        options={options('consentMethods', CONSENT_METHODS)}
        error={form.err('consent-method')}
      />
      {method === 'verbal_with_witness' ? (
        <>
          <SelectField
            id="consent-witness"
            label={k.witness}
            hint={k.witnessHint}
            value={witness}
            onValueChange={setWitness}
            options={[
              { value: '', label: k.chooseWitness },
              ...colleagues.map((m) => ({ value: m.userId, label: m.displayName })),
              { value: OTHER, label: k.otherColleague },
            ]}
            error={form.err('consent-witness')}
          />
          {witness === OTHER ? (
            <TextField
              id="consent-witnessId"
              label={k.witnessId}
              hint={k.witnessIdHint}
              autoComplete="off"
              spellCheck={false}
              value={witnessId}
              onValueChange={setWitnessId}
              error={form.err('consent-witnessId')}
            />
          ) : null}
        </>
      ) : null}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="consent-givenOn"
            type="date"
            label={k.givenOn}
            max={todayIso()}
            value={givenOn}
            onValueChange={setGivenOn}
            error={form.err('consent-givenOn')}
          />
        </div>
        {decision !== 'refused' ? (
          <div className="col-md-6">
            <TextField
              id="consent-expiresOn"
              type="date"
              label={k.expiresOnOptional}
              hint={needsRecipient ? k.expiryDefault12 : k.expiryDefaultNone}
              value={expiresOn}
              onValueChange={setExpiresOn}
              error={form.err('consent-expiresOn')}
            />
          </div>
        ) : null}
      </div>
      <FormActions busy={form.busy} submitLabel={k.submit} onCancel={onCancel} />
    </form>
  );
}
