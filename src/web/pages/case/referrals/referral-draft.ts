/** The send-referral wizard's draft: its checks per step, the request body, the server's refusals. */
import { ApiError, type FieldError } from '../../../api.ts';
import type { BodyInput } from '../../../api-contract.ts';
import { fieldMessage, reasonText } from '../../../forms/api-errors.ts';
import type { SummaryError } from '../../../components/ErrorSummary.tsx';
import type { Messages } from '../../../i18n/it.ts';
import type { Destinations, ReferralCreate, ShareCheck } from '../../../referrals/types.ts';
import type { PlanAction, PlanGoal } from '../../../cases/types.ts';

export interface Draft {
  /** the id of a suggested recipient (her consent, her plan, her town), or 'other': chosen from the list */
  choice: string;
  organisationId: string;
  /** the plan action the referral serves ('' for none) */
  planActionId: string;
  search: string;
  referentId: string;
  purpose: string;
  urgency: string;
  note: string;
  fields: string[];
}

export const emptyDraft = (d: Destinations | undefined): Draft => ({
  choice: d?.suggestions[0]?.id ?? 'other',
  organisationId: '',
  planActionId: '',
  search: '',
  referentId: '',
  purpose: '',
  urgency: 'routine',
  note: '',
  fields: [],
});

export const NOTE_MAX = 1000;
/** id of a share-set checkbox (no dots: ids are used in links and selectors). */
export const fieldId = (field: string) => `ref-field-${field.replace('.', '-')}`;

export function recipientOf(draft: Draft, d: Destinations | undefined): { id: string; name: string } | null {
  if (draft.choice !== 'other') return d?.suggestions.find((s) => s.id === draft.choice) ?? null;
  const org = d?.organisations.find((o) => o.id === draft.organisationId);
  return org ? { id: org.id, name: org.name } : null;
}

export function checkDestination(draft: Draft, d: Destinations | undefined, t: Messages): SummaryError[] {
  const w = t.referralNew;
  const out: SummaryError[] = [];
  if (!recipientOf(draft, d))
    out.push({
      field: draft.choice === 'other' ? 'ref-organisation' : 'ref-recipient',
      message: fieldMessage(w.recipient, t.validation.required),
    });
  if (!draft.purpose) out.push({ field: 'ref-purpose', message: fieldMessage(w.purpose, t.validation.required) });
  if (!draft.urgency) out.push({ field: 'ref-urgency', message: fieldMessage(w.urgency, t.validation.required) });
  if (draft.note.length > NOTE_MAX)
    out.push({ field: 'ref-note', message: fieldMessage(w.note, t.validation.tooLong) });
  return out;
}

export function checkShare(
  draft: Draft,
  check: ShareCheck | undefined,
  t: Messages,
  label: (code: string) => string,
): SummaryError[] {
  if (!check) return [{ message: t.common.loading }];
  if (!check.sharingConsentId) return [{ message: t.labels.refusals.no_sharing_consent ?? t.common.error }];
  return draft.fields.flatMap((f) => {
    const option = check.fields.find((o) => o.field === f);
    if (option?.allowed) return [];
    return [
      {
        field: fieldId(f),
        message: fieldMessage(
          label(f),
          (t.labels.refusals as Record<string, string>)[option?.refusal ?? 'unknown_field'] ?? t.validation.invalid,
        ),
      },
    ];
  });
}

export function bodyOf(caseId: string, draft: Draft, recipientId: string): BodyInput<ReferralCreate> {
  return {
    caseId,
    recipientOrganisationId: recipientId,
    recipientUserId: draft.referentId || null,
    purpose: draft.purpose,
    urgency: draft.urgency,
    note: draft.note.trim() || null,
    shareFields: draft.fields,
    planActionId: draft.planActionId || null,
  };
}

/** The open actions of her plan a referral to this recipient can serve. */
export function servableActions(goals: PlanGoal[], recipientId: string | undefined): PlanAction[] {
  if (!recipientId) return [];
  return goals.flatMap((g) =>
    g.actions.filter(
      (a) => a.responsibleOrganisationId === recipientId && (a.status === 'planned' || a.status === 'in_progress'),
    ),
  );
}

/** A new recipient: its one open action is preselected, otherwise none. */
export function actionFor(goals: PlanGoal[], recipientId: string | undefined): string {
  const open = servableActions(goals, recipientId);
  return open.length === 1 ? (open[0]?.id ?? '') : '';
}

/**
 * A 400 of preview or send, as errors of the step they belong to: 0 (destination) or 1 (share
 * set). `consent_missing` names `consent` or `shareFields.<field>`.
 */
export function serverErrors(
  err: ApiError,
  draft: Draft,
  t: Messages,
  label: (code: string) => string,
): { step: number; errors: SummaryError[] } {
  const w = t.referralNew;
  const refusals: Record<string, string> = t.labels.refusals;
  const refusal = (f: FieldError) => refusals[f.reason] ?? reasonText(t, f);
  if (err.code === 'consent_missing') {
    return {
      step: 1,
      errors: err.fields.map((f) =>
        f.field.startsWith('shareFields.')
          ? {
              field: fieldId(f.field.slice('shareFields.'.length)),
              message: fieldMessage(label(f.field.slice('shareFields.'.length)), refusal(f)),
            }
          : { message: refusal(f) },
      ),
    };
  }
  const at: Record<string, [string, string]> = {
    recipientOrganisationId: [draft.choice === 'other' ? 'ref-organisation' : 'ref-recipient', w.recipient],
    planActionId: ['ref-planAction', t.referralPlan.serves],
    recipientUserId: ['ref-referent', w.referent],
    purpose: ['ref-purpose', w.purpose],
    urgency: ['ref-urgency', w.urgency],
    note: ['ref-note', w.note],
  };
  const errors = err.fields.map((f) => {
    const hit = at[f.field];
    return hit ? { field: hit[0], message: fieldMessage(hit[1], t.validation.invalid) } : { message: t.common.error };
  });
  return { step: 0, errors: errors.length ? errors : [{ message: t.common.error }] };
}

export const isClientError = (err: unknown): err is ApiError => err instanceof ApiError && err.status === 400;
