import { PUBLIC_LANGUAGES } from '../../shared/codes/directory.ts';
import { type Html, html } from './html.ts';
import { ASSETS } from './assets.ts';
import { TEXTS } from './texts/index.ts';
import type { PublicTexts } from './texts/types.ts';

/** Where the quick exit goes: a neutral page, the same for every language. */
export const EXIT_URL = 'https://www.google.it/';

/** `/aiuto/{lang}{rest}`: every page exists in every language under the same rest of the path. */
export const pageUrl = (lang: string, rest = '') => `/aiuto/${lang}${rest}`;

export interface Page {
  title: string;
  body: Html;
  /** the path after `/aiuto/{lang}`, for the links to the same page in the other languages */
  rest: string;
  /** the print card has no navigation */
  bare?: boolean;
  status?: number;
}

/** The frame of every public page: quick exit, languages, the numbers that always answer, the calm notice. */
export function layout(t: PublicTexts, page: Page): string {
  const title = page.title === t.siteTitle ? page.title : `${page.title} — ${t.siteTitle}`;
  return html`<!doctype html>
<html lang="${t.lang}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="${ASSETS.css.url}">
<script src="${ASSETS.js.url}" defer></script>
</head>
<body${page.bare ? html` class="card"` : ''}>
<a class="skip" href="#main">${t.skip}</a>
<header class="top">
<a class="exit" id="exit" href="${EXIT_URL}" rel="noreferrer">${t.exit}</a>
<p class="brand"><a href="${pageUrl(t.lang)}">${t.siteTitle}</a></p>
${page.bare ? '' : languageLinks(t, page.rest)}
</header>
${always(t)}
<main id="main">
${page.body}
</main>
${page.bare ? '' : footer(t)}
</body>
</html>
`.value;
}

function languageLinks(t: PublicTexts, rest: string): Html {
  return html`<nav class="langs" aria-label="${t.nav.languages}"><ul>${PUBLIC_LANGUAGES.map((lang) => {
    const other = TEXTS[lang];
    return lang === t.lang
      ? html`<li><a href="${pageUrl(lang, rest)}" aria-current="page" lang="${lang}" dir="${other.dir}">${other.name}</a></li>`
      : html`<li><a href="${pageUrl(lang, rest)}" hreflang="${lang}" lang="${lang}" dir="${other.dir}">${other.name}</a></li>`;
  })}</ul></nav>`;
}

function always(t: PublicTexts): Html {
  return html`<section class="always" aria-labelledby="always-title">
<h2 id="always-title">${t.alwaysTitle}</h2>
<p><a class="num" href="tel:1522" dir="ltr">1522</a> <span>${t.call1522}</span></p>
<p><a class="num" href="tel:112" dir="ltr">112</a> <span>${t.call112}</span></p>
</section>`;
}

function footer(t: PublicTexts): Html {
  const nav: Array<[string, string]> = [
    ['', t.nav.home],
    ['/comuni', t.nav.all],
    ['/servizi', t.servicesTitle],
    ['/percorso', t.nav.path],
    ['/sicurezza', t.nav.safety],
    ['/dati', t.nav.data],
  ];
  return html`<footer class="foot">
<p class="notice">${t.notice} <a href="${pageUrl(t.lang, '/sicurezza')}">${t.noticeLink}</a></p>
<p class="hint">${t.exitHint}</p>
<nav aria-label="${t.siteTitle}"><ul>${nav.map(([rest, label]) => html`<li><a href="${pageUrl(t.lang, rest)}">${label}</a></li>`)}</ul></nav>
</footer>`;
}
