/** The plan as a PDF for her: in Italian, or in Italian with the fixed labels also in her language. */
import { useState } from 'react';
import { SECOND_LANGUAGES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { Icon } from '../../../components/Icon.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';

export function PrintLinks({ caseId, secondLanguage }: { caseId: string; secondLanguage: string | null }) {
  const { t, label } = useI18n();
  const options = useOptions();
  const [lang, setLang] = useState(secondLanguage ?? 'en');
  const p = t.plan;
  const href = (l: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/plan/print?lang=${l}`;
  return (
    <section className="block-gap print-box" aria-labelledby="print-title">
      <h3 id="print-title">{p.printTitle}</h3>
      <p>{p.printIntro}</p>
      <div className="row align-items-end">
        <div className="col-md-6">
          <SelectField
            id="print-lang"
            label={p.printSecondLanguage}
            value={lang}
            onValueChange={setLang}
            options={options('printLanguages', SECOND_LANGUAGES)}
          />
        </div>
      </div>
      <p className="row-actions">
        <a className="btn btn-outline-primary" href={href('it')} target="_blank" rel="noopener noreferrer">
          <Icon name="print" size="sm" color="primary" className="me-1" />
          {p.printIt} <span className="visually-hidden">{t.consents.newTab}</span>
        </a>
        <a className="btn btn-outline-primary" href={href(lang)} target="_blank" rel="noopener noreferrer">
          <Icon name="print" size="sm" color="primary" className="me-1" />
          {fmt(p.printBilingual, { lang: label('printLanguages', lang) })}{' '}
          <span className="visually-hidden">{t.consents.newTab}</span>
        </a>
      </p>
    </section>
  );
}
