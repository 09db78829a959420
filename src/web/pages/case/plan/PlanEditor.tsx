/** Edits the whole plan and saves it with If-Match; a 409 says someone else changed it and offers a reload. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../../api.ts';
import { SECOND_LANGUAGES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { apiErrorText, isConflict, serverFieldErrors } from '../../../forms/api-errors.ts';
import type { CatalogueItem, Plan, ProposedGoal } from '../../../cases/types.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import type { OrganisationSummary } from '../../../types.ts';
import { useFormErrors } from '../../../useFormErrors.ts';
import { useCase } from '../case-context.ts';
import { GoalEditor } from './GoalEditor.tsx';
import { checkPlan, draftsFrom, draftsFromProposals, goalId, newGoal, planBody, planTarget } from './plan-model.ts';

interface Props {
  plan: Plan;
  catalogue: CatalogueItem[];
  organisations: OrganisationSummary[];
  proposed: ProposedGoal[];
  onSaved: (plan: Plan) => void;
  onCancel: () => void;
  onReload: () => void;
}

export function PlanEditor({ plan, catalogue, organisations, proposed, onSaved, onCancel, onReload }: Props) {
  const { t, label } = useI18n();
  const { c } = useCase();
  const options = useOptions();
  const [goals, setGoals] = useState(() => draftsFrom(plan.goals));
  const [secondLanguage, setSecondLanguage] = useState(plan.secondLanguage ?? '');
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const p = t.plan;

  // A reloaded plan (after a conflict) replaces the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger
  useEffect(() => {
    setGoals(draftsFrom(plan.goals));
    setSecondLanguage(plan.secondLanguage ?? '');
    if (conflict) window.setTimeout(() => document.getElementById('plan-edit-title')?.focus(), 0);
    setConflict(false);
  }, [plan.version]);

  const known = new Set(catalogue.map((x) => x.code));
  const proposals = draftsFromProposals(proposed, goals, known, (d) => label('domains', d));
  const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = checkPlan(goals, t);
    if (list.length) return form.fail(list);
    setBusy(true);
    try {
      const saved = await api.put('/cases/:id/plan', {
        params: { id: c.id },
        body: planBody(goals, secondLanguage),
        headers: { 'If-Match': `"${plan.version}"` },
      });
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      if (isConflict(err)) {
        form.clear();
        setConflict(true);
        window.setTimeout(() => document.getElementById('plan-conflict')?.focus(), 0);
      } else if (err instanceof ApiError && err.status === 400 && err.fields.length) {
        form.fail(serverFieldErrors(err, t, (f) => planTarget(t, f)));
      } else form.fail([{ message: apiErrorText(err, t) }]);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="plan-edit-title">
      <h3 id="plan-edit-title" tabIndex={-1}>
        {plan.version ? p.editTitle : p.createTitle}
      </h3>
      {conflict ? (
        <div id="plan-conflict" tabIndex={-1} className="alert alert-danger" role="alert">
          <p>{p.conflict}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
            {p.reloadPlan}
          </button>
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {proposals.length ? (
        <Notice kind="info">
          <p>{p.proposalsAvailable}</p>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => {
              setGoals([...goals, ...proposals]);
              focusSoon(goalId(goals.length, 'title'));
            }}
          >
            {p.addProposals}
          </button>
        </Notice>
      ) : null}
      {goals.length === 0 ? <p>{p.noGoals}</p> : null}
      {goals.map((g, i) => (
        <GoalEditor
          key={g.key}
          i={i}
          g={g}
          onChange={(next) => setGoals(goals.map((x) => (x.key === g.key ? next : x)))}
          onRemove={() => {
            setGoals(goals.filter((x) => x.key !== g.key));
            focusSoon('plan-add-goal');
          }}
          catalogue={catalogue}
          organisations={organisations}
          team={c.team}
          saved={plan.goals}
          err={form.err}
        />
      ))}
      <p>
        <button
          id="plan-add-goal"
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            setGoals([...goals, newGoal()]);
            focusSoon(goalId(goals.length, 'title'));
          }}
        >
          {p.addGoal}
        </button>
      </p>
      <SelectField
        id="plan-secondLanguage"
        label={p.secondLanguage}
        hint={p.secondLanguageHint}
        value={secondLanguage}
        onValueChange={setSecondLanguage}
        options={options('printLanguages', SECOND_LANGUAGES, p.noSecondLanguage)}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {p.save}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
