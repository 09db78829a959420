/** Wizard step 1: to whom (the CPI of her municipality first), why, how urgently, a short note. */
import { SHARING_PURPOSES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { SelectField, TextArea, TextField } from '../../../components/Field.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { URGENCIES } from '../../../referrals/codes.ts';
import type { Destinations, ShareCheck } from '../../../referrals/types.ts';
import { type Draft, NOTE_MAX } from './referral-draft.ts';

interface Props {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  destinations: Destinations;
  check: ShareCheck | undefined;
  err: (id: string) => string | undefined;
}

export function DestinationStep({ draft, set, destinations: d, check, err }: Props) {
  const { t, lang, label } = useI18n();
  const options = useOptions();
  const w = t.referralNew;
  const q = draft.search.trim().toLocaleLowerCase(lang);
  const matches = d.organisations.filter(
    (o) => o.id === draft.organisationId || !q || `${o.name} ${o.town ?? ''}`.toLocaleLowerCase(lang).includes(q),
  );
  const orgOptions = [
    { value: '', label: matches.length ? w.chooseOrganisation : w.noMatch },
    ...matches.map((o) => ({
      value: o.id,
      label: `${o.name}${o.town ? ` — ${o.town}` : ''} (${label('orgTypes', o.type)})`,
    })),
  ];
  return (
    <>
      {d.suggestedCpi ? (
        <RadioGroup
          id="ref-recipient"
          legend={w.recipient}
          hint={w.suggestedHint}
          value={draft.choice}
          onChange={(v) => set({ choice: v as Draft['choice'], referentId: '', fields: [] })}
          options={[
            { value: 'suggested', label: `${d.suggestedCpi.name} (${w.suggested})` },
            { value: 'other', label: w.otherOrganisation },
          ]}
          error={err('ref-recipient')}
        />
      ) : (
        <Notice kind="info">{w.noSuggestion}</Notice>
      )}
      {draft.choice === 'other' ? (
        <div className="form-group-block">
          <TextField
            id="ref-search"
            label={w.search}
            hint={w.searchHint}
            type="search"
            autoComplete="off"
            value={draft.search}
            onValueChange={(search) => set({ search })}
          />
          <SelectField
            id="ref-organisation"
            label={w.organisation}
            value={draft.organisationId}
            onValueChange={(organisationId) => set({ organisationId, referentId: '', fields: [] })}
            options={orgOptions}
            error={err('ref-organisation')}
          />
        </div>
      ) : null}
      <SelectField
        id="ref-purpose"
        label={w.purpose}
        value={draft.purpose}
        onValueChange={(purpose) => set({ purpose, fields: [] })}
        options={options('sharingPurposes', SHARING_PURPOSES, w.choosePurpose)}
        error={err('ref-purpose')}
      />
      {check?.referents.length ? (
        <SelectField
          id="ref-referent"
          label={w.referent}
          hint={w.referentHint}
          value={draft.referentId}
          onValueChange={(referentId) => set({ referentId })}
          options={[
            { value: '', label: w.noReferent },
            ...check.referents.map((r) => ({ value: r.id, label: r.name })),
          ]}
          error={err('ref-referent')}
        />
      ) : null}
      <RadioGroup
        id="ref-urgency"
        legend={w.urgency}
        inline
        value={draft.urgency}
        onChange={(urgency) => set({ urgency })}
        options={options('urgencies', URGENCIES)}
        error={err('ref-urgency')}
      />
      <TextArea
        id="ref-note"
        label={w.note}
        hint={w.noteHint}
        maxLength={NOTE_MAX}
        rows={3}
        value={draft.note}
        onValueChange={(note) => set({ note })}
        error={err('ref-note')}
      />
    </>
  );
}
