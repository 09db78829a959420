/** Her identity as read: never stored anywhere but the panel's state. */
import { useEffect, useRef } from 'react';
import type { IdentityValues } from '../../cases/contact-model.ts';
import { useI18n } from '../../i18n/index.tsx';

export function IdentityView({
  values: v,
  onHide,
  onEdit,
}: {
  values: IdentityValues;
  onHide: () => void;
  onEdit?: () => void;
}) {
  const { t, date } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const f = t.caseFields;
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const rows: [string, string][] = [
    [f.firstName, v.firstName],
    [f.lastName, v.lastName],
    [f.birthDate, v.birthDate ? date(v.birthDate) : ''],
    [f.taxCode, v.taxCode],
    [f.phone, v.phone],
    [f.email, v.email],
    [f.address, v.address],
    [f.languages, v.languages],
    [f.codeWord, v.codeWord],
  ];
  return (
    <section ref={ref} tabIndex={-1} className="identity-shown" aria-label={t.identity.shownLabel}>
      <p className="small">{t.identity.shownNote}</p>
      <dl className="detail-list identity-list">
        {rows.map(([k, value]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{value || t.common.none}</dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        <button type="button" className="btn btn-primary btn-sm" onClick={onHide}>
          {t.identity.hide}
        </button>
        {onEdit ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onEdit}>
            {t.identity.edit}
          </button>
        ) : null}
      </div>
    </section>
  );
}
