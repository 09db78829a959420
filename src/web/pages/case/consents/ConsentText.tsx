/**
 * The consent text she is read or given, in full, in the chosen language and version. The texts
 * are shared with the printed form (src/shared/consent-texts.ts, plain data): one source for what she saw.
 */
import { CONSENT_TEXTS } from '../../../../shared/consent-texts.ts';
import type { ConsentPurpose, FormLanguage } from '../../../../shared/codes/sharing.ts';
import { useI18n } from '../../../i18n/index.tsx';

export const TEXT_VERSIONS = Object.keys(CONSENT_TEXTS).sort().reverse();

export function ConsentText({ version, purpose, lang }: { version: string; purpose: string; lang: string }) {
  const { t, lang: ui } = useI18n();
  const text = CONSENT_TEXTS[version]?.[purpose as ConsentPurpose]?.[lang as FormLanguage];
  if (!text) return null;
  return (
    <section className="consent-text" lang={lang} aria-labelledby="consent-text-title">
      <p className="small text-uppercase mb-1" lang={ui}>
        {t.consents.textOf}
      </p>
      <h3 id="consent-text-title" className="h5">
        {text.title}
      </h3>
      {text.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </section>
  );
}
