/** One action of a goal: catalogue entry, responsible organisation, operator, dates, status, notes. */
import { ACTION_STATUSES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import type { CatalogueItem, TeamMember } from '../../../cases/types.ts';
import { SelectField, TextArea, TextField } from '../../../components/Field.tsx';
import { OrganisationPicker } from '../../../components/OrganisationPicker.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import type { OrganisationSummary } from '../../../types.ts';
import { CatalogueSelect } from './CatalogueSelect.tsx';
import { type ActionDraft, actionId } from './plan-model.ts';

interface Props {
  i: number;
  j: number;
  a: ActionDraft;
  domain: string;
  onChange: (a: ActionDraft) => void;
  onRemove: () => void;
  catalogue: CatalogueItem[];
  organisations: OrganisationSummary[];
  team: TeamMember[];
  /** the operator's name when she is not on the team any more */
  operatorName?: string | null;
  err: (id: string) => string | undefined;
}

export function ActionEditor({
  i,
  j,
  a,
  domain,
  onChange,
  onRemove,
  catalogue,
  organisations,
  team,
  operatorName,
  err,
}: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const p = t.plan;
  const id = (f: string) => actionId(i, j, f);
  const set = (patch: Partial<ActionDraft>) => onChange({ ...a, ...patch });
  const operators = [
    { value: '', label: p.noOperator },
    ...team.map((m) => ({ value: m.userId, label: m.displayName })),
    ...(a.operatorUserId && !team.some((m) => m.userId === a.operatorUserId)
      ? [{ value: a.operatorUserId, label: operatorName ?? p.formerColleague }]
      : []),
  ];
  return (
    <fieldset className="action-box">
      <legend className="field-legend">{fmt(p.actionN, { n: j + 1 })}</legend>
      <div className="row">
        <div className="col-lg-6">
          <CatalogueSelect
            id={id('catalogueCode')}
            label={p.action}
            value={a.catalogueCode}
            onChange={(catalogueCode) => set({ catalogueCode })}
            catalogue={catalogue}
            domain={domain}
            error={err(id('catalogueCode'))}
          />
        </div>
        <div className="col-lg-6">
          <SelectField
            id={id('status')}
            label={p.status}
            value={a.status}
            onValueChange={(status) => set({ status })}
            options={options('actionStatuses', ACTION_STATUSES)}
          />
        </div>
        <div className="col-lg-6">
          <OrganisationPicker
            id={id('responsibleOrganisationId')}
            field="plan_action.responsible"
            label={p.responsible}
            value={a.responsibleOrganisationId}
            onChange={(responsibleOrganisationId) => set({ responsibleOrganisationId })}
            organisations={organisations}
            emptyLabel={p.noResponsible}
            error={err(id('responsibleOrganisationId'))}
          />
        </div>
        <div className="col-lg-6">
          <SelectField
            id={id('operatorUserId')}
            label={p.operator}
            value={a.operatorUserId}
            onValueChange={(operatorUserId) => set({ operatorUserId })}
            options={operators}
            error={err(id('operatorUserId'))}
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id={id('startsOn')}
            type="date"
            label={p.startsOn}
            value={a.startsOn}
            onValueChange={(startsOn) => set({ startsOn })}
            error={err(id('startsOn'))}
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id={id('dueOn')}
            type="date"
            label={p.dueOn}
            value={a.dueOn}
            onValueChange={(dueOn) => set({ dueOn })}
            error={err(id('dueOn'))}
          />
        </div>
      </div>
      <TextArea
        id={id('notes')}
        label={p.notes}
        hint={p.notesHint}
        rows={2}
        maxLength={1000}
        value={a.notes}
        onValueChange={(notes) => set({ notes })}
        error={err(id('notes'))}
        className="field-wide"
      />
      <button type="button" className="btn btn-outline-danger btn-sm" onClick={onRemove}>
        {fmt(p.removeAction, { n: j + 1 })}
      </button>
    </fieldset>
  );
}
