/** A tiny i18n: the language lives in context and localStorage, and drives <html lang>. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { it, type Messages } from './it.ts';

export type Lang = 'it' | 'en';
const STORAGE_KEY = 'percorsi.lang';
/**
 * Italian is in the entry bundle; English is its own chunk, fetched when chosen (or before the
 * first render when it was the saved choice): the sign-in page does not carry both languages.
 */
const catalogues: Partial<Record<Lang, Messages>> = { it };

export async function loadCatalogue(lang: Lang): Promise<Messages> {
  const known = catalogues[lang];
  if (known) return known;
  const { en } = await import('./en.ts');
  catalogues.en = en;
  return en;
}

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'it' || saved === 'en') return saved;
  } catch {
    // storage unavailable: fall back to Italian
  }
  return 'it';
}

/** Replaces {name} placeholders. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Messages;
  /** Date only, e.g. 12/03/2023. */
  date: (iso: string | null | undefined) => string;
  /** Date and time to the second. */
  dateTime: (iso: string | null | undefined) => string;
  /** Label for a code, or the code itself when unknown. */
  label: (group: keyof Messages['labels'], code: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (catalogues[initialLang()] ? initialLang() : 'it'));

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    void loadCatalogue(next).then(
      () => setLangState(next),
      () => undefined, // chunk not reachable (offline): stay in the current language
    );
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const t = catalogues[lang] ?? it;
    const locale = lang === 'it' ? 'it-IT' : 'en-GB';
    const day = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
    const dateFmt = new Intl.DateTimeFormat(locale, day);
    const dateTimeFmt = new Intl.DateTimeFormat(locale, {
      ...day,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const safe = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return t.common.none;
      // A bare date (YYYY-MM-DD) is a calendar day: read it as local midnight, not UTC.
      const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      lang,
      setLang,
      t,
      date: (iso) => safe(dateFmt, iso),
      dateTime: (iso) => safe(dateTimeFmt, iso),
      label: (group, code) => (t.labels[group] as Record<string, string>)[code] ?? code,
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
