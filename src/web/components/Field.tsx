/** Form controls with a visible label, an optional hint and an inline error linked by aria-describedby. */
import type { ChangeEvent, InputHTMLAttributes, ReactNode } from 'react';

interface BaseProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  className?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

type TextFieldProps = BaseProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value' | 'className'> & {
    value: string;
    onValueChange: (value: string) => void;
  };

export function TextField({ id, label, error, hint, className, value, onValueChange, ...rest }: TextFieldProps) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

interface TextAreaProps extends BaseProps {
  value: string;
  onValueChange: (value: string) => void;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}

export function TextArea({ id, label, error, hint, className, value, onValueChange, ...rest }: TextAreaProps) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        name={id}
        className={`form-control field-textarea${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        rows={rest.rows ?? 4}
        required={rest.required}
        maxLength={rest.maxLength}
      />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onValueChange: (value: string) => void;
  options: { value: string; label: string }[];
}

export function SelectField({ id, label, error, hint, className, value, onValueChange, options }: SelectFieldProps) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        name={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

interface CheckboxGroupProps {
  id: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string;
  /** Options side by side (short labels such as weekdays). */
  inline?: boolean;
}

/** A fieldset of checkboxes; the first checkbox has id `${id}` so an error summary can link to it. */
export function CheckboxGroup({ id, legend, options, selected, onChange, error, inline }: CheckboxGroupProps) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-legend">{legend}</legend>
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
      <div className={inline ? 'choice-inline' : undefined}>
        {options.map((o, i) => {
          const cid = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="form-check" key={o.value}>
              <input
                id={cid}
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label htmlFor={cid}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
