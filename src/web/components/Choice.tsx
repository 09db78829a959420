/** Radio groups in a fieldset with a legend, an optional hint and an inline error. */
import type { ReactNode } from 'react';

interface RadioGroupProps {
  id: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  inline?: boolean;
  className?: string;
}

/** The first radio has id `${id}` so that an error summary can link to it. */
export function RadioGroup({ id, legend, options, value, onChange, error, hint, inline, className }: RadioGroupProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field ${className ?? ''}`} aria-describedby={described}>
      <legend className="field-legend">{legend}</legend>
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
      <div className={inline ? 'choice-inline' : undefined}>
        {options.map((o, i) => {
          const rid = i === 0 ? id : `${id}-${o.value || 'none'}`;
          return (
            <div className="form-check" key={o.value}>
              <input
                id={rid}
                type="radio"
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label htmlFor={rid}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
  className?: string;
}

/** A single checkbox with its label (and an optional hint and error). */
export function Checkbox({ id, label, checked, onChange, hint, error, disabled, className }: CheckboxProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <div className="form-check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={described}
        />
        <label htmlFor={id}>{label}</label>
      </div>
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
