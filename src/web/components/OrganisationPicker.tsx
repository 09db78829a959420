/**
 * Choosing an organisation: only the bodies that fit the field (the shared rule table), grouped by
 * type, sorted with the Italian collation, narrowed by a search over name and town. A native
 * <select> with <optgroup>s, so keyboards, screen readers and phones handle it as they know how.
 */
import { useId, useState } from 'react';
import { type OrganisationField, type PickableOrganisation, pickerGroups } from '../../shared/organisation-fields.ts';
import { fmt, useI18n } from '../i18n/index.tsx';

interface Props {
  id: string;
  field: OrganisationField;
  label: string;
  value: string;
  onChange: (id: string) => void;
  organisations: readonly PickableOrganisation[];
  /** the first option, for "none" or "choose…" */
  emptyLabel: string;
  hint?: string;
  error?: string;
  className?: string;
}

export function OrganisationPicker(props: Props) {
  const { id, field, label, value, onChange, organisations, emptyLabel, hint, error, className } = props;
  const { t, label: codeLabel } = useI18n();
  const [query, setQuery] = useState('');
  const statusId = useId();
  const groups = pickerGroups(field, organisations, query, value);
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const k = t.picker;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field organisation-picker ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="input-group input-group-sm picker-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {fmt(k.searchIn, { field: label })}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="form-control"
          placeholder={k.search}
          autoComplete="off"
          value={query}
          aria-controls={id}
          aria-describedby={statusId}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <small id={statusId} className="form-text d-block field-hint" aria-live="polite">
        {query ? (count ? fmt(k.matches, { n: count }) : k.noMatch) : ''}
      </small>
      <select
        id={id}
        name={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        <option value="">{emptyLabel}</option>
        {groups.map((g) => (
          <optgroup key={g.type} label={codeLabel('orgTypes', g.type)}>
            {g.items.map((o) => (
              <option key={o.id} value={o.id}>
                {o.town && !o.name.includes(o.town) ? `${o.name} — ${o.town}` : o.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {hint ? (
        <small id={`${id}-hint`} className="form-text d-block field-hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
