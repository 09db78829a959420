/** Wizard step 1: to whom (her consent, her plan, her town first), for which plan action, why, how urgently, a note. */
import { SHARING_PURPOSES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import type { PlanGoal } from '../../../cases/types.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { SelectField, TextArea } from '../../../components/Field.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { OrganisationPicker } from '../../../components/OrganisationPicker.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { URGENCIES } from '../../../referrals/codes.ts';
import type { Destinations, ShareCheck } from '../../../referrals/types.ts';
import { actionFor, type Draft, NOTE_MAX, recipientOf, servableActions } from './referral-draft.ts';

interface Props {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  destinations: Destinations;
  /** her plan's goals, for the action the referral serves */
  goals: PlanGoal[];
  check: ShareCheck | undefined;
  err: (id: string) => string | undefined;
}

export function DestinationStep({ draft, set, destinations: d, goals, check, err }: Props) {
  const { t, lang, label } = useI18n();
  const options = useOptions();
  const w = t.referralNew;
  const k = t.referralPlan;
  const recipient = recipientOf(draft, d);
  const actions = servableActions(goals, recipient?.id);
  /** A new recipient: nothing shared yet, its one open plan action preselected. */
  const toRecipient = (patch: Partial<Draft>, id: string | undefined) =>
    set({ ...patch, referentId: '', fields: [], planActionId: actionFor(goals, id) });
  const because = (reasons: readonly string[]) =>
    fmt(t.suggest.because, { reasons: reasons.map((r) => label('suggestionReasons', r)).join('; ') });
  return (
    <>
      {d.suggestions.length ? (
        <RadioGroup
          id="ref-recipient"
          legend={w.recipient}
          hint={t.suggest.hint}
          value={draft.choice}
          onChange={(choice) => toRecipient({ choice }, choice === 'other' ? draft.organisationId : choice)}
          options={[
            ...d.suggestions.map((s) => ({
              value: s.id,
              label: `${s.name} (${because(s.reasons)})`,
            })),
            { value: 'other', label: w.otherOrganisation },
          ]}
          error={err('ref-recipient')}
        />
      ) : (
        <Notice kind="info">{t.suggest.noSuggestion}</Notice>
      )}
      {draft.choice === 'other' ? (
        <OrganisationPicker
          id="ref-organisation"
          field="referral.recipient"
          label={w.organisation}
          value={draft.organisationId}
          onChange={(organisationId) => toRecipient({ organisationId }, organisationId)}
          organisations={d.organisations}
          emptyLabel={w.chooseOrganisation}
          error={err('ref-organisation')}
        />
      ) : null}
      {recipient ? (
        actions.length ? (
          <SelectField
            id="ref-planAction"
            label={k.action}
            hint={fmt(k.actionHint, { recipient: recipient.name })}
            value={draft.planActionId}
            onValueChange={(planActionId) => set({ planActionId })}
            options={[
              { value: '', label: k.none },
              ...actions.map((a) => ({
                value: a.id,
                label: `${lang === 'it' ? a.label : a.labelEn} (${label('actionStatuses', a.status)})`,
              })),
            ]}
            error={err('ref-planAction')}
          />
        ) : (
          <p className="field-hint">{fmt(k.noActions, { recipient: recipient.name })}</p>
        )
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
