/** The action catalogue as a select grouped by domain (the goal's domain first), with the centre's own additions. */
import type { CatalogueItem } from '../../../cases/types.ts';
import { DOMAINS } from '../../../cases/codes.ts';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  catalogue: CatalogueItem[];
  domain: string;
  error?: string;
}

export function CatalogueSelect({ id, label, value, onChange, catalogue, domain, error }: Props) {
  const { t, label: codeLabel, lang } = useI18n();
  const order = [domain, ...DOMAINS.filter((d) => d !== domain)];
  const name = (x: CatalogueItem) =>
    `${lang === 'it' ? x.labelIt : x.labelEn}${x.shared ? '' : ` (${t.plan.ownAction})`}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t.plan.chooseAction}</option>
        {order.map((d) => {
          const items = catalogue.filter((x) => x.domain === d);
          return items.length ? (
            <optgroup key={d} label={codeLabel('domains', d)}>
              {items.map((x) => (
                <option key={x.code} value={x.code}>
                  {name(x)}
                </option>
              ))}
            </optgroup>
          ) : null;
        })}
      </select>
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
