import { DIRECTORY_SERVICES, WEEKDAYS } from '../../shared/codes/directory.ts';
import type { OpeningHours } from '../db/schema-directory.ts';
import { fill, type Html, html } from './html.ts';
import { type Page, pageUrl } from './layout.ts';
import type { Directory, Listed, Municipality } from './model.ts';
import type { PublicTexts } from './texts/types.ts';

/** The public pages (/aiuto). Each takes the language's texts and the directory, and returns a Page. */

const municipalityUrl = (t: PublicTexts, m: Municipality) => pageUrl(t.lang, `/comune/${m.code}`);

function searchForm(t: PublicTexts, value = ''): Html {
  return html`<form class="search" method="get" action="${pageUrl(t.lang, '/cerca')}" role="search">
<label for="q">${t.searchLabel}</label>
<p class="help" id="q-help">${t.searchHint}</p>
<div class="row"><input id="q" name="q" type="search" value="${value}" maxlength="60" autocomplete="off" aria-describedby="q-help" dir="auto"><button type="submit">${t.searchButton}</button></div>
</form>`;
}

export function homePage(t: PublicTexts): Page {
  return {
    title: t.siteTitle,
    rest: '',
    body: html`<h1>${t.siteTitle}</h1>
<p class="lead">${t.intro}</p>
${searchForm(t)}
<ul class="links">
<li><a href="${pageUrl(t.lang, '/comuni')}">${t.nav.all}</a></li>
<li><a href="${pageUrl(t.lang, '/servizi')}">${t.servicesTitle}</a></li>
<li><a href="${pageUrl(t.lang, '/percorso')}">${t.nav.path}</a></li>
<li><a href="${pageUrl(t.lang, '/sicurezza')}">${t.nav.safety}</a></li>
</ul>`,
  };
}

export function searchPage(t: PublicTexts, d: Directory, query: string): Page {
  const q = query.trim().slice(0, 60);
  const found = q ? d.search(q) : [];
  return {
    title: t.searchButton,
    rest: `/cerca?q=${encodeURIComponent(q)}`,
    body: html`<h1>${t.searchButton}</h1>
${searchForm(t, q)}
${
  found.length
    ? html`<h2>${fill(t.results, { n: found.length, q })}</h2><ul class="towns">${found.map((m) => html`<li><a href="${municipalityUrl(t, m)}">${m.name}</a></li>`)}</ul>`
    : html`<p class="empty">${t.noResults} <a href="${pageUrl(t.lang, '/comuni')}">${t.nav.all}</a></p>`
}`,
  };
}

export function allPage(t: PublicTexts, d: Directory): Page {
  return {
    title: t.allTitle,
    rest: '/comuni',
    body: html`<h1>${t.allTitle}</h1>
<ul class="towns all">${d.municipalities.map((m) => html`<li><a href="${municipalityUrl(t, m)}">${m.name}</a></li>`)}</ul>`,
  };
}

function formatDate(t: PublicTexts, iso: string): string {
  return new Intl.DateTimeFormat(t.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

const dayNames = new Map<string, string[]>();
/** Monday … Sunday in the page's language (1 January 2024 was a Monday). */
function days(t: PublicTexts): string[] {
  let names = dayNames.get(t.lang);
  if (!names) {
    const f = new Intl.DateTimeFormat(t.lang, { weekday: 'long', timeZone: 'UTC' });
    names = WEEKDAYS.map((_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
    dayNames.set(t.lang, names);
  }
  return names;
}

function hoursList(t: PublicTexts, hours: OpeningHours[]): Html {
  const names = days(t);
  const byDay = WEEKDAYS.map((day, i) => ({
    name: names[i] ?? day,
    spans: hours
      .filter((h) => h.day === day)
      .map((h) => `${h.opens}–${h.closes}`)
      .join(', '),
  }));
  // consecutive days with the same hours make one line: "Monday – Friday 09:00–17:00"
  const lines: Array<{ from: string; to: string; spans: string }> = [];
  byDay.forEach((d, i) => {
    const last = lines.at(-1);
    if (!d.spans) return;
    if (last && i > 0 && byDay[i - 1]?.spans === d.spans) last.to = d.name;
    else lines.push({ from: d.name, to: d.name, spans: d.spans });
  });
  return html`<ul class="hours">${lines.map((l) => html`<li><span>${l.from === l.to ? l.from : `${l.from} – ${l.to}`}</span> <span dir="ltr">${l.spans}</span></li>`)}</ul>`;
}

function languageName(t: PublicTexts, code: string): string {
  try {
    return new Intl.DisplayNames([t.lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** One body: its name (never translated), and its verified public details. */
export function body(t: PublicTexts, l: Listed, options: { full: boolean } = { full: true }): Html {
  const o = l.organisation;
  const e = l.entry;
  return html`<li class="org">
<h3><bdi lang="it">${o.name}</bdi></h3>
${o.address ? html`<p><span class="k">${t.address}:</span> <bdi lang="it">${o.address}${o.town ? `, ${o.town}` : ''}</bdi></p>` : ''}
${o.operatesShelters ? html`<p class="shelter">${t.shelterAccess}</p>` : ''}
${
  e
    ? html`${e.phone ? html`<p><span class="k">${t.phone}:</span> <a class="tel" href="tel:${e.phone.replace(/\s/g, '')}" dir="ltr">${e.phone}</a></p>` : ''}
${e.email ? html`<p><span class="k">${t.email}:</span> <a href="mailto:${e.email}" dir="ltr">${e.email}</a></p>` : ''}
${e.open24h ? html`<p><span class="k">${t.hours}:</span> ${t.open24h}</p>` : e.hours.length ? html`<p class="k">${t.hours}:</p>${hoursList(t, e.hours)}` : ''}
${
  options.full && e.services.length
    ? html`<p><span class="k">${t.services}:</span> ${e.services.map((s, i) => html`${i ? ', ' : ''}<a href="${pageUrl(t.lang, `/servizi/${s}`)}">${t.service[s as keyof PublicTexts['service']]?.name ?? s}</a>`)}</p>`
    : ''
}
${options.full && e.languages.length ? html`<p><span class="k">${t.languages}:</span> ${e.languages.map((c) => languageName(t, c)).join(', ')}</p>` : ''}
${options.full && e.accessibility.length ? html`<p><span class="k">${t.accessibility}:</span> ${e.accessibility.map((a) => t.access[a as keyof PublicTexts['access']] ?? a).join(', ')}</p>` : ''}
${e.freeOfCharge ? html`<p class="free">${t.free}</p>` : ''}
${e.verifiedOn ? html`<p class="verified">${fill(t.verifiedOn, { date: formatDate(t, e.verifiedOn) })}</p>` : ''}`
    : options.full
      ? html`<p class="unverified">${t.unverified}</p>`
      : ''
}
</li>`;
}

function section(id: string, title: string, intro: Html | string, items: Listed[], t: PublicTexts): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2><p>${intro}</p>${items.length ? html`<ul class="orgs">${items.map((l) => body(t, l))}</ul>` : ''}</section>`;
}

export function municipalityPage(t: PublicTexts, d: Directory, code: string): Page | null {
  const m = d.municipality(code);
  if (!m) return null;
  const networks = d.networksOf(m);
  return {
    title: m.name,
    rest: `/comune/${m.code}`,
    body: html`<h1><bdi lang="it">${m.name}</bdi></h1>
${
  networks.length
    ? html`<p>${fill(t.inNetwork, { town: m.name })}</p><ul class="networks">${networks.map((n) => html`<li><bdi lang="it">${n.name}</bdi></li>`)}</ul>`
    : html`<p>${t.noNetwork}</p>`
}
${section('centres', t.centresTitle, t.centresIntro, d.centresOf(m), t)}
${section('cpi', t.cpiTitle, t.cpiIntro, d.employmentCentres(m), t)}
${section('social', t.socialTitle, fill(t.socialText, { town: m.name }), d.socialServices(m), t)}
<p class="print"><a href="${pageUrl(t.lang, `/comune/${m.code}/scheda`)}">${t.print}</a></p>`,
  };
}

/** The one-page card for a waiting room: the numbers, the network's centres, the employment centre. */
export function cardPage(t: PublicTexts, d: Directory, code: string): Page | null {
  const m = d.municipality(code);
  if (!m) return null;
  const compact = { full: false };
  return {
    title: `${t.printTitle}: ${m.name}`,
    rest: `/comune/${m.code}/scheda`,
    bare: true,
    body: html`<h1>${t.printTitle}: <bdi lang="it">${m.name}</bdi></h1>
<p>${t.centresIntro}</p>
<h2>${t.centresTitle}</h2>
<ul class="orgs">${d.centresOf(m).map((l) => body(t, l, compact))}</ul>
<h2>${t.cpiTitle}</h2>
<ul class="orgs">${d.employmentCentres(m).map((l) => body(t, l, compact))}</ul>
<p class="foot-note">${t.printFoot}</p>
<p class="no-print"><button type="button" data-print hidden>${t.print}</button> <a href="${municipalityUrl(t, m)}">${m.name}</a></p>`,
  };
}

export function servicesPage(t: PublicTexts): Page {
  return {
    title: t.servicesTitle,
    rest: '/servizi',
    body: html`<h1>${t.servicesTitle}</h1>
<ul class="services">${DIRECTORY_SERVICES.map((s) => html`<li><a href="${pageUrl(t.lang, `/servizi/${s}`)}">${t.service[s].name}</a>: ${t.service[s].text}</li>`)}</ul>`,
  };
}

export function servicePage(t: PublicTexts, d: Directory, code: string): Page | null {
  const service = DIRECTORY_SERVICES.find((s) => s === code);
  if (!service) return null;
  const offering = d.offering(service);
  return {
    title: t.service[service].name,
    rest: `/servizi/${service}`,
    body: html`<h1>${t.service[service].name}</h1>
<p class="lead">${t.service[service].text}</p>
<h2>${t.whereTitle}</h2>
${offering.length ? html`<ul class="orgs">${offering.map((l) => body(t, l, { full: false }))}</ul>` : html`<p>${t.nowhere}</p>`}`,
  };
}

export function pathPage(t: PublicTexts): Page {
  return {
    title: t.pathTitle,
    rest: '/percorso',
    body: html`<h1>${t.pathTitle}</h1>
<ol class="steps">${t.pathSteps.map((s) => html`<li><h2>${s.title}</h2><p>${s.text}</p></li>`)}</ol>`,
  };
}

export function safetyPage(t: PublicTexts): Page {
  return {
    title: t.safetyTitle,
    rest: '/sicurezza',
    body: html`<h1>${t.safetyTitle}</h1>
<ul class="tips">${t.safetyTips.map((tip) => html`<li>${tip}</li>`)}</ul>`,
  };
}

export const OPEN_DATA = { hsds: '/aiuto/dati/hsds.json', csv: '/aiuto/dati/elenco.csv' };

export function dataPage(t: PublicTexts): Page {
  return {
    title: t.dataTitle,
    rest: '/dati',
    body: html`<h1>${t.dataTitle}</h1>
<p>${t.dataText}</p>
<ul class="links"><li><a href="${OPEN_DATA.hsds}" dir="ltr">HSDS 3.0 JSON</a></li><li><a href="${OPEN_DATA.csv}" dir="ltr">CSV</a></li></ul>`,
  };
}

export function notFoundPage(t: PublicTexts): Page {
  return {
    title: t.notFound,
    rest: '',
    status: 404,
    body: html`<h1>${t.notFound}</h1>${searchForm(t)}`,
  };
}
