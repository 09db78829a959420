/** The caseload's filters: a GET form (status, eligibility, due, only mine) applied to the URL. */
import { type FormEvent, useEffect, useState } from 'react';
import { Checkbox } from '../../components/Choice.tsx';
import { SelectField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';

export interface Filters {
  status: string;
  eligibility: string;
  due: string;
  mine: boolean;
}

const pick = (v: string | null, allowed: string[]) => (v && allowed.includes(v) ? v : '');

export function filtersFrom(params: URLSearchParams): Filters {
  return {
    status: pick(params.get('status'), ['open', 'closed']),
    eligibility: pick(params.get('eligibility'), ['eligible', 'not_eligible', 'closing_soon']),
    due: pick(params.get('due'), ['actions', 'follow_ups']),
    mine: params.get('mine') === '1',
  };
}

export function CaseloadFilters({ initial, onApply }: { initial: Filters; onApply: (f: Filters) => void }) {
  const { t, label } = useI18n();
  const [f, setF] = useState(initial);
  const c = t.caseload;
  const key = JSON.stringify(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL's filters are the trigger
  useEffect(() => setF(initial), [key]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  const reset = () => {
    const empty = { status: '', eligibility: '', due: '', mine: false };
    setF(empty);
    onApply(empty);
  };

  return (
    <form method="get" action="/percorsi" className="filters" aria-label={c.filters} onSubmit={submit}>
      <div className="row">
        <div className="col-md-6 col-lg-3">
          <SelectField
            id="filter-status"
            label={c.status}
            value={f.status}
            onValueChange={(status) => setF({ ...f, status })}
            options={[
              { value: '', label: c.allStatuses },
              ...['open', 'closed'].map((v) => ({ value: v, label: label('caseStatus', v) })),
            ]}
          />
        </div>
        <div className="col-md-6 col-lg-3">
          <SelectField
            id="filter-eligibility"
            label={c.eligibility}
            value={f.eligibility}
            onValueChange={(eligibility) => setF({ ...f, eligibility })}
            options={[
              { value: '', label: c.anyEligibility },
              { value: 'eligible', label: c.eligible },
              { value: 'closing_soon', label: c.closingSoon },
              { value: 'not_eligible', label: c.notEligible },
            ]}
          />
        </div>
        <div className="col-md-6 col-lg-3">
          <SelectField
            id="filter-due"
            label={c.due}
            value={f.due}
            onValueChange={(due) => setF({ ...f, due })}
            options={[
              { value: '', label: c.anyDue },
              { value: 'actions', label: c.dueActions },
              { value: 'follow_ups', label: c.dueFollowUps },
            ]}
          />
        </div>
        <div className="col-md-6 col-lg-3 filters-check">
          <Checkbox id="filter-mine" label={c.mine} checked={f.mine} onChange={(mine) => setF({ ...f, mine })} />
        </div>
      </div>
      <div className="form-actions mb-3">
        <button type="submit" className="btn btn-primary">
          {c.apply}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={reset}>
          {c.reset}
        </button>
      </div>
    </form>
  );
}
