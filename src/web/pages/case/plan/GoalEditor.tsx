/** One goal of the plan: domain, title, status, target date, and its actions. */
import { DOMAINS, GOAL_STATUSES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import type { CatalogueItem, PlanGoal, TeamMember } from '../../../cases/types.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import type { OrganisationSummary } from '../../../types.ts';
import { ActionEditor } from './ActionEditor.tsx';
import { actionId, type GoalDraft, goalId, newAction } from './plan-model.ts';

interface Props {
  i: number;
  g: GoalDraft;
  onChange: (g: GoalDraft) => void;
  onRemove: () => void;
  catalogue: CatalogueItem[];
  organisations: OrganisationSummary[];
  team: TeamMember[];
  saved: PlanGoal[];
  err: (id: string) => string | undefined;
}

const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

export function GoalEditor({ i, g, onChange, onRemove, catalogue, organisations, team, saved, err }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const p = t.plan;
  const set = (patch: Partial<GoalDraft>) => onChange({ ...g, ...patch });
  const operatorName = (actionDbId?: string) =>
    saved.flatMap((x) => x.actions).find((x) => x.id === actionDbId)?.operatorName;
  return (
    <fieldset className="goal-box">
      <legend className="h5">
        {fmt(p.goalN, { n: i + 1 })}
        {g.title ? `: ${g.title}` : ''}
      </legend>
      <div className="row">
        <div className="col-lg-6">
          <TextField
            id={goalId(i, 'title')}
            label={p.goalTitle}
            required
            aria-required="true"
            maxLength={200}
            value={g.title}
            onValueChange={(title) => set({ title })}
            error={err(goalId(i, 'title'))}
          />
        </div>
        <div className="col-lg-6">
          <SelectField
            id={goalId(i, 'domain')}
            label={p.domain}
            value={g.domain}
            onValueChange={(domain) => set({ domain })}
            options={options('domains', DOMAINS)}
            error={err(goalId(i, 'domain'))}
          />
        </div>
        <div className="col-sm-6">
          <SelectField
            id={goalId(i, 'status')}
            label={p.status}
            value={g.status}
            onValueChange={(status) => set({ status })}
            options={options('goalStatuses', GOAL_STATUSES)}
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id={goalId(i, 'targetOn')}
            type="date"
            label={p.targetOn}
            value={g.targetOn}
            onValueChange={(targetOn) => set({ targetOn })}
            error={err(goalId(i, 'targetOn'))}
          />
        </div>
      </div>
      {g.actions.length === 0 ? <p>{p.noActions}</p> : null}
      {g.actions.map((a, j) => (
        <ActionEditor
          key={a.key}
          i={i}
          j={j}
          a={a}
          domain={g.domain}
          onChange={(next) => set({ actions: g.actions.map((x) => (x.key === a.key ? next : x)) })}
          onRemove={() => {
            set({ actions: g.actions.filter((x) => x.key !== a.key) });
            focusSoon(goalId(i, 'add-action'));
          }}
          catalogue={catalogue}
          organisations={organisations}
          team={team}
          operatorName={operatorName(a.id)}
          err={err}
        />
      ))}
      <div className="form-actions">
        <button
          id={goalId(i, 'add-action')}
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => {
            set({ actions: [...g.actions, newAction()] });
            focusSoon(actionId(i, g.actions.length, 'catalogueCode'));
          }}
        >
          {fmt(p.addAction, { n: i + 1 })}
        </button>
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={onRemove}>
          {fmt(p.removeGoal, { n: i + 1 })}
        </button>
      </div>
    </fieldset>
  );
}
