/** The plan being edited: drafts of goals and actions, their checks, and the PUT body. */
import type { SummaryError } from '../../../components/ErrorSummary.tsx';
import type { Messages } from '../../../i18n/it.ts';
import { fmt } from '../../../i18n/index.tsx';
import { fieldMessage } from '../../../forms/api-errors.ts';
import type { Plan, PlanGoal, ProposedGoal } from '../../../cases/types.ts';

export interface ActionDraft {
  key: string;
  id?: string;
  catalogueCode: string;
  responsibleOrganisationId: string;
  operatorUserId: string;
  startsOn: string;
  dueOn: string;
  status: string;
  notes: string;
}

export interface GoalDraft {
  key: string;
  id?: string;
  domain: string;
  title: string;
  status: string;
  targetOn: string;
  actions: ActionDraft[];
}

let seq = 0;
export const newKey = () => `k${++seq}`;

export const newAction = (catalogueCode = ''): ActionDraft => ({
  key: newKey(),
  catalogueCode,
  responsibleOrganisationId: '',
  operatorUserId: '',
  startsOn: '',
  dueOn: '',
  status: 'planned',
  notes: '',
});
export const newGoal = (domain = 'work', title = ''): GoalDraft => ({
  key: newKey(),
  domain,
  title,
  status: 'open',
  targetOn: '',
  actions: [],
});

export function draftsFrom(goals: PlanGoal[]): GoalDraft[] {
  return goals.map((g) => ({
    key: newKey(),
    id: g.id,
    domain: g.domain,
    title: g.title,
    status: g.status,
    targetOn: g.targetOn ?? '',
    actions: g.actions.map((a) => ({
      key: newKey(),
      id: a.id,
      catalogueCode: a.catalogueCode,
      responsibleOrganisationId: a.responsibleOrganisationId ?? '',
      operatorUserId: a.operatorUserId ?? '',
      startsOn: a.startsOn ?? '',
      dueOn: a.dueOn ?? '',
      status: a.status,
      notes: a.notes ?? '',
    })),
  }));
}

/** Goals proposed by a needs analysis, for the domains the plan does not cover yet. */
export function draftsFromProposals(
  proposed: ProposedGoal[],
  existing: GoalDraft[],
  known: Set<string>,
  title: (domain: string) => string,
): GoalDraft[] {
  const covered = new Set(existing.map((g) => g.domain));
  return proposed
    .filter((p) => !covered.has(p.domain))
    .map((p) => ({
      ...newGoal(p.domain, title(p.domain)),
      actions: p.suggestedActions.filter((c) => known.has(c)).map((c) => newAction(c)),
    }));
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

export function planBody(goals: GoalDraft[], secondLanguage: string) {
  return {
    secondLanguage: secondLanguage || null,
    goals: goals.map((g) => ({
      ...(g.id ? { id: g.id } : {}),
      domain: g.domain,
      title: g.title.trim(),
      status: g.status,
      targetOn: orNull(g.targetOn),
      actions: g.actions.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        catalogueCode: a.catalogueCode,
        responsibleOrganisationId: orNull(a.responsibleOrganisationId),
        operatorUserId: orNull(a.operatorUserId),
        startsOn: orNull(a.startsOn),
        dueOn: orNull(a.dueOn),
        status: a.status,
        notes: orNull(a.notes),
      })),
    })),
  };
}

export const goalId = (i: number, field: string) => `plan-g${i}-${field}`;
export const actionId = (i: number, j: number, field: string) => `plan-g${i}-a${j}-${field}`;

/** The label of a plan field in messages: "Obiettivo 1, azione 2: Scadenza". */
export function planFieldLabel(t: Messages, i: number, j: number | null, field: string): string {
  const p = t.plan;
  const names: Record<string, string> = {
    domain: p.domain,
    title: p.goalTitle,
    status: p.status,
    targetOn: p.targetOn,
    catalogueCode: p.action,
    id: p.action,
    responsibleOrganisationId: p.responsible,
    operatorUserId: p.operator,
    startsOn: p.startsOn,
    dueOn: p.dueOn,
    notes: p.notes,
  };
  const where =
    j === null
      ? fmt(p.goalN, { n: i + 1 })
      : `${fmt(p.goalN, { n: i + 1 })}, ${fmt(p.actionN, { n: j + 1 }).toLowerCase()}`;
  return `${where} — ${names[field] ?? field}`;
}

/** Maps a server field (`goals.0.actions.1.dueOn`) to the control's id and label. */
export function planTarget(t: Messages, field: string): { id: string; label: string } | null {
  const m = /^goals\.(\d+)(?:\.actions\.(\d+))?\.?(\w+)?/.exec(field);
  if (!m) return null;
  const i = Number(m[1]);
  const j = m[2] === undefined ? null : Number(m[2]);
  const f = m[3] === 'id' || !m[3] ? (j === null ? 'title' : 'catalogueCode') : m[3];
  return { id: j === null ? goalId(i, f) : actionId(i, j, f), label: planFieldLabel(t, i, j, f) };
}

export function checkPlan(goals: GoalDraft[], t: Messages): SummaryError[] {
  const out: SummaryError[] = [];
  goals.forEach((g, i) => {
    if (!g.title.trim())
      out.push({
        field: goalId(i, 'title'),
        message: fieldMessage(planFieldLabel(t, i, null, 'title'), t.validation.required),
      });
    g.actions.forEach((a, j) => {
      const add = (f: string, reason: string) =>
        out.push({ field: actionId(i, j, f), message: fieldMessage(planFieldLabel(t, i, j, f), reason) });
      if (!a.catalogueCode) add('catalogueCode', t.validation.required);
      if (a.startsOn && a.dueOn && a.dueOn < a.startsOn) add('dueOn', t.validation.dueBeforeStart);
      if (a.notes.length > 1000) add('notes', t.validation.tooLong);
    });
  });
  return out;
}

export const isEmptyPlan = (p: Plan) => p.version === 0 && p.goals.length === 0;
