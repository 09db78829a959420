/** Filters of the audit viewer; applied to the URL on submit. */
import { type FormEvent, useState } from 'react';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/Field.tsx';
import { AUDIT_ACTIONS } from '../../shared/codes/audit.ts';
import { useI18n } from '../i18n/index.tsx';
import type { User } from '../types.ts';

export interface AuditFilterValues {
  actor: string;
  action: string;
  caseCode: string;
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Props {
  initial: AuditFilterValues;
  /** Null when the user only sees their own actions (no actor filter). */
  users: User[] | null;
  showActor: boolean;
  onApply: (values: AuditFilterValues) => void;
}

export function AuditFilters({ initial, users, showActor, onApply }: Props) {
  const { t, label } = useI18n();
  const known = users?.some((u) => u.id === initial.actor) ?? false;
  const [actorSelect, setActorSelect] = useState(known ? initial.actor : '');
  const [actorId, setActorId] = useState(known ? '' : initial.actor);
  const [action, setAction] = useState(initial.action);
  const [caseCode, setCaseCode] = useState(initial.caseCode);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);

  function submit(e: FormEvent) {
    e.preventDefault();
    const list: SummaryError[] = [];
    const free = actorId.trim();
    if (free && !UUID.test(free)) list.push({ field: 'audit-actor-id', message: t.audit.invalidUuid });
    if (from && to && from > to) list.push({ field: 'audit-from', message: t.audit.invalidRange });
    if (caseCode.trim() && !/^[A-Za-z0-9-]+$/.test(caseCode.trim()))
      list.push({ field: 'audit-case-code', message: t.audit.invalidCaseCode });
    setErrors(list);
    setAttempt((n) => n + 1);
    if (list.length) return;
    onApply({ actor: showActor ? free || actorSelect : '', action, caseCode: caseCode.trim().toUpperCase(), from, to });
  }

  function reset() {
    setActorSelect('');
    setActorId('');
    setAction('');
    setCaseCode('');
    setFrom('');
    setTo('');
    setErrors([]);
    onApply({ actor: '', action: '', caseCode: '', from: '', to: '' });
  }

  const err = (f: string) => errors.find((x) => x.field === f)?.message;
  const actionOptions = [
    { value: '', label: t.audit.anyAction },
    ...AUDIT_ACTIONS.map((a) => ({ value: a, label: label('actions', a) })).sort((a, b) =>
      a.label.localeCompare(b.label, 'it'),
    ),
  ];
  const userOptions = [
    { value: '', label: t.audit.anyActor },
    ...(users ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
  ];

  return (
    <form className="filters" aria-label={t.audit.filters} noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <div className="row">
        {showActor && users ? (
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="audit-actor"
              label={t.audit.actor}
              value={actorSelect}
              onValueChange={setActorSelect}
              options={userOptions}
            />
          </div>
        ) : null}
        {showActor ? (
          <div className="col-md-6 col-lg-4">
            <TextField
              id="audit-actor-id"
              label={users ? t.audit.actorId : t.audit.actorIdOnly}
              value={actorId}
              onValueChange={setActorId}
              autoComplete="off"
              spellCheck={false}
              error={err('audit-actor-id')}
            />
          </div>
        ) : null}
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="audit-action"
            label={t.audit.action}
            value={action}
            onValueChange={setAction}
            options={actionOptions}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField
            id="audit-case-code"
            label={t.audit.caseCode}
            hint={t.audit.caseCodeHint}
            value={caseCode}
            onValueChange={setCaseCode}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            error={err('audit-case-code')}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField
            id="audit-from"
            type="date"
            label={t.audit.from}
            value={from}
            onValueChange={setFrom}
            error={err('audit-from')}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <TextField id="audit-to" type="date" label={t.audit.to} value={to} onValueChange={setTo} />
        </div>
      </div>
      <div className="form-actions mb-3">
        <button type="submit" className="btn btn-primary">
          {t.audit.apply}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={reset}>
          {t.audit.reset}
        </button>
      </div>
    </form>
  );
}
