/** Edits the whole plan and saves it with If-Match; a 409 says someone else changed it and offers a reload. */
import type { FormEvent } from 'react';
import { api } from '../../../api.ts';
import { SECOND_LANGUAGES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { ConflictNotice } from '../../../forms/ConflictNotice.tsx';
import { ifMatch } from '../../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../../forms/useVersionedForm.ts';
import type { CatalogueItem, Plan, ProposedGoal } from '../../../cases/types.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { it } from '../../../i18n/it.ts';
import type { OrganisationSummary } from '../../../types.ts';
import { useCase } from '../case-context.ts';
import { GoalEditor } from './GoalEditor.tsx';
import { checkPlan, draftsFrom, draftsFromProposals, goalId, newGoal, planBody, planTarget } from './plan-model.ts';
import { FormActions } from '../../../forms/FormActions.tsx';

interface Props {
  plan: Plan;
  catalogue: CatalogueItem[];
  organisations: OrganisationSummary[];
  proposed: ProposedGoal[];
  onSaved: (plan: Plan) => void;
  onCancel: () => void;
  onReload: () => void;
}

const italianDomain = (d: string) => (it.labels.domains as Record<string, string>)[d] ?? d;

export function PlanEditor({ plan, catalogue, organisations, proposed, onSaved, onCancel, onReload }: Props) {
  const { t } = useI18n();
  const { c } = useCase();
  const options = useOptions();
  // A reloaded plan (after a conflict) replaces the draft, and focus goes back to the title.
  const form = useVersionedForm({
    version: plan.version,
    initial: () => ({ goals: draftsFrom(plan.goals), secondLanguage: plan.secondLanguage ?? '' }),
    target: (f) => planTarget(t, f),
    focusAfterReload: 'plan-edit-title',
  });
  const { goals, secondLanguage } = form.values;
  const setGoals = (next: typeof goals) => form.setValues((v) => ({ ...v, goals: next }));
  const setSecondLanguage = (next: string) => form.setValues((v) => ({ ...v, secondLanguage: next }));
  const p = t.plan;

  const known = new Set(catalogue.map((x) => x.code));
  // a proposed goal is titled in Italian whatever the screen's language: the plan is her record,
  // printed in Italian first (and its title is what she and the centre wrote, not translated)
  const proposals = draftsFromProposals(proposed, goals, known, (d) => italianDomain(d));
  const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = checkPlan(goals, t);
    if (!form.check(list)) return;
    const saved = await form.submit(() =>
      api.put('/cases/:id/plan', {
        params: { id: c.id },
        body: planBody(goals, secondLanguage),
        headers: ifMatch(plan.version),
      }),
    );
    if (saved.ok) onSaved(saved.value);
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="plan-edit-title">
      <h3 id="plan-edit-title" tabIndex={-1}>
        {plan.version ? p.editTitle : p.createTitle}
      </h3>
      {form.conflict ? (
        <ConflictNotice id="plan-conflict" focus text={p.conflict} reloadLabel={p.reloadPlan} onReload={onReload} />
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
      <FormActions busy={form.busy} submitLabel={p.save} onCancel={onCancel} />
    </form>
  );
}
