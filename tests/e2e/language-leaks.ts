/**
 * The language-leak scan: on every page a browser journey renders (it runs in `ready()`), no text
 * in the page's language may be a string of the other language's catalogue. An Italian page must
 * not show an English-only UI string and vice versa; on an Italian page, plain English function
 * words ("now", "the", "with"…) in data are flagged too (e.g. an English note in an organisation
 * name).
 *
 * What is scanned: visible text nodes and the accessible texts (aria-label, title, placeholder,
 * alt) of the whole document. What is not: text inside an element with `translate="no"` (codes,
 * names that must not be translated) and text whose nearest `lang` attribute differs from the
 * page's (content in another language marked as such, WCAG 3.1.2 — e.g. the other language's
 * name in the language switch, a plan's second language).
 */
import type { Page } from 'playwright-core';
import { en } from '../../src/web/i18n/en.ts';
import { it } from '../../src/web/i18n/it.ts';

type Lang = 'it' | 'en';

function leaves(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value.trim());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  return out;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What identifies a language: its exact strings, and its templates with long enough fixed text. */
interface Markers {
  exact: Set<string>;
  templates: Array<{ text: string; re: RegExp }>;
}

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length;

/** Strings of `from` that the other catalogue does not have: they identify `from`'s language. */
function markersOf(from: Set<string>, other: Set<string>): Markers {
  const out: Markers = { exact: new Set(), templates: [] };
  for (const text of from) {
    if (other.has(text)) continue;
    const fixed = text.replace(/\{\w+\}/g, '');
    if (!text.includes('{')) {
      // Too short to tell a language apart (codes, "CPI", "OK").
      if (letters(fixed) >= 4) out.exact.add(text);
    } else if (letters(fixed) >= 10) {
      // Short fixed parts ("Case {code}") would match data in the other language ("Case rifugio").
      out.templates.push({
        text,
        re: new RegExp(
          `^${text
            .split(/\{\w+\}/)
            .map(literal)
            .join('.+?')}$`,
          's',
        ),
      });
    }
  }
  return out;
}

const matches = (m: Markers, text: string) => m.exact.has(text) || m.templates.some((x) => x.re.test(text));

const IT_STRINGS = leaves(it, new Set());
const EN_STRINGS = leaves(en, new Set());
/** The markers that must not appear on a page in the given language. */
const FOREIGN: Record<Lang, Markers> = {
  it: markersOf(EN_STRINGS, IT_STRINGS),
  en: markersOf(IT_STRINGS, EN_STRINGS),
};
/** English function words that Italian text never holds (checked on Italian pages only). */
const ENGLISH_WORDS = /\b(the|now|formerly|with|your|please|and|of)\b/i;

/** Texts of the page in its own language (see the file comment); `lang` is the page's. */
async function pageTexts(page: Page): Promise<{ lang: string; texts: string[] }> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const own = (el: Element | null) =>
      !!el &&
      !el.closest('[translate="no"], script, style, noscript') &&
      (el.closest('[lang]')?.getAttribute('lang') ?? lang) === lang;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && own(n.parentElement)) texts.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!own(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.replace(/\s+/g, ' ').trim();
        if (v) texts.push(v);
      }
    }
    texts.push(document.title.trim());
    return { lang, texts };
  });
}

/** The leaks on the page as it is now, one line each ("" when the page's language is not ours). */
export async function languageLeaks(page: Page): Promise<string[]> {
  const { lang, texts } = await pageTexts(page);
  if (lang !== 'it' && lang !== 'en') return [];
  const where = new URL(page.url()).pathname;
  const leaks = new Set<string>();
  for (const text of new Set(texts)) {
    if (matches(FOREIGN[lang], text))
      leaks.add(`${where} [${lang}]: "${text}" is the ${lang === 'it' ? 'English' : 'Italian'} UI string`);
    else if (lang === 'it' && ENGLISH_WORDS.test(text))
      leaks.add(`${where} [it]: "${text.slice(0, 120)}" reads as English`);
  }
  return [...leaks];
}
