/**
 * The centre's one-click answer to a partner's report: mark the plan action it serves as in progress
 * or done. A new plan version like any save (If-Match on the plan's version); the centre decides.
 */
import { useState } from 'react';
import { ApiError, api } from '../../../api.ts';
import type { Plan } from '../../../cases/types.ts';
import { apiErrorText } from '../../../forms/api-errors.ts';
import { ifMatch } from '../../../forms/submit-outcome.ts';
import { useI18n } from '../../../i18n/index.tsx';

export interface MarkableAction {
  id: string;
  label: string;
  labelEn: string;
  status: string;
}

interface Props {
  caseId: string;
  action: MarkableAction;
  planVersion: number;
  onDone: (plan: Plan, status: 'in_progress' | 'done') => void;
  /** the plan moved on: the caller reloads */
  onStale: (message: string) => void;
}

export function MarkAction({ caseId, action, planVersion, onDone, onStale }: Props) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const k = t.partnerReports;
  const name = lang === 'it' ? action.label : action.labelEn;
  const next = (['in_progress', 'done'] as const).filter(
    (s) => action.status !== 'done' && action.status !== 'cancelled' && action.status !== s,
  );
  if (!next.length) return null;

  async function mark(status: 'in_progress' | 'done') {
    setBusy(true);
    setError(null);
    try {
      const plan = await api.put('/cases/:id/plan/actions/:actionId/status', {
        params: { id: caseId, actionId: action.id },
        body: { status },
        headers: ifMatch(planVersion),
      });
      onDone(plan, status);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') onStale(k.stale);
      else setError(apiErrorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="mark-action d-inline-flex flex-wrap gap-1">
      {next.map((status) => (
        <button
          key={status}
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={busy}
          onClick={() => void mark(status)}
        >
          {status === 'done' ? k.markDone : k.markInProgress}
          <span className="visually-hidden"> — {name}</span>
        </button>
      ))}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
