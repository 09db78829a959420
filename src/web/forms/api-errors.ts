/** Turns the API's errors into messages of the UI language, linked to the right field. */
import { ApiError, type FieldError } from '../api.ts';
import type { SummaryError } from '../components/ErrorSummary.tsx';
import type { Messages } from '../i18n/it.ts';

/** The UI's words for why the server refused a field. */
export const reasonText = (t: Messages, f: Pick<FieldError, 'reason'>): string => t.fieldReasons[f.reason];

/** "Label: reason", the wording of every field error (summary and inline). */
export const fieldMessage = (label: string, reason: string) => `${label}: ${reason}`;

export interface FieldTarget {
  /** id of the control to focus */
  id: string;
  label: string;
}

/** A form's own words for a refused field (undefined: the usual "Label: reason"). */
export type FieldTextOf = (field: string, reason: FieldError['reason']) => string | undefined;

/**
 * The 400's field errors as summary errors, one per control; unknown fields become form errors.
 * `fieldText` lets a form say it its own way (the text is then the whole message, label included).
 */
export function serverFieldErrors(
  err: ApiError,
  t: Messages,
  target: (field: string) => FieldTarget | null,
  fieldText: FieldTextOf = () => undefined,
): SummaryError[] {
  const out = new Map<string, SummaryError>();
  for (const f of err.fields) {
    const where = target(f.field);
    const reason = reasonText(t, f);
    const own = fieldText(f.field, f.reason);
    const message = own ?? (where ? fieldMessage(where.label, reason) : reason);
    const key = where?.id ?? `form:${message}`;
    if (!out.has(key)) out.set(key, where ? { field: where.id, message } : { message });
  }
  return [...out.values()];
}

/** A message for an error that belongs to the whole form (conflict, closed case, permissions…). */
export function apiErrorText(err: unknown, t: Messages): string {
  if (!(err instanceof ApiError)) return t.common.error;
  const byCode: Record<string, string> = {
    version_conflict: t.validation.conflict,
    precondition_required: t.validation.conflict,
    case_closed: t.validation.caseClosed,
    case_open: t.validation.caseOpen,
    not_on_case_team: t.validation.notOnTeam,
    already_agreed: t.validation.alreadyAgreed,
    follow_up_done: t.validation.alreadyDone,
    consent_revoked: t.validation.consentRevoked,
    consent_refused: t.validation.consentRefused,
    team_cannot_be_empty: t.validation.teamNotEmpty,
    plan_missing: t.validation.planMissing,
    not_a_case_holder: t.validation.notCaseHolder,
    code_taken: t.validation.codeTaken,
    rate_limited: t.common.tooManyRequests,
  };
  if (byCode[err.code]) return byCode[err.code] as string;
  if (err.status === 403) return t.common.forbidden;
  if (err.status === 404) return t.common.notFound;
  if (err.status === 429) return t.common.tooManyRequests;
  return t.common.error;
}

/** Whether a write failed because someone else changed the record meanwhile. */
export const isConflict = (err: unknown) =>
  err instanceof ApiError && (err.code === 'version_conflict' || err.status === 412 || err.status === 428);
