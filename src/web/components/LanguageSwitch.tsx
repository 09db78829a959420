/** IT/EN toggle: two real buttons, the current one marked with aria-pressed. */
import { type Lang, useI18n } from '../i18n/index.tsx';

const LANGS: Lang[] = ['it', 'en'];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled button group, not a form fieldset
    <div className="lang-switch" role="group" aria-label={t.lang.label}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-switch-btn"
          aria-pressed={lang === l}
          lang={l}
          onClick={() => setLang(l)}
        >
          <span aria-hidden="true">{l === 'it' ? t.lang.itShort : t.lang.enShort}</span>
          <span className="visually-hidden">{l === 'it' ? t.lang.it : t.lang.en}</span>
        </button>
      ))}
    </div>
  );
}
