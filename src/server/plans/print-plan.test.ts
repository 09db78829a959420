import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../shared/codes/needs.ts';
import { pdfText } from '../testing/pdf-text.ts';
import { TRANSLATED_ACTION_CODES } from './print-action-labels.ts';
import { DICTIONARIES } from './print-labels.ts';
import { printableGoals, renderPlanPdf } from './print-plan.ts';
import { directionOf, faceOf, visualRuns } from './print-writer.ts';
import { sfntFromWoff } from './woff.ts';
import { PRINT_LANGUAGES } from '../../shared/codes/plans.ts';
import type { Goal } from './schemas.ts';

const goals: Goal[] = [
  {
    id: 'g1',
    domain: 'work',
    title: 'Trovare un lavoro part-time nella ristorazione',
    status: 'open',
    targetOn: '2026-09-30',
    actions: [
      {
        id: 'a1',
        catalogueCode: 'cpi_registration',
        label: 'Iscrizione al CPI e patto di servizio',
        labelEn: 'CPI registration and service agreement',
        responsibleOrganisationId: 'o1',
        responsibleOrganisationName: 'AFOL Metropolitana',
        operatorUserId: 'u1',
        operatorName: 'Operatrice Riservatissima',
        startsOn: '2026-03-10',
        dueOn: '2026-04-10',
        status: 'planned',
        notes: 'NOTA-INTERNA: ha paura del marito',
      },
    ],
  },
  { id: 'g2', domain: 'housing', title: 'Casa in autonomia', status: 'reached', targetOn: null, actions: [] },
];
const input = {
  caseCode: 'MI-2026-00042',
  printedOn: '2026-03-04',
  version: 3,
  agreed: { version: 2, agreedOn: '2026-03-01', method: 'signed' as const },
  goals: printableGoals(goals),
};

describe('printed plan', () => {
  it('keeps internal notes and operators out of what reaches the renderer', () => {
    const json = JSON.stringify(printableGoals(goals));
    expect(json).not.toContain('NOTA-INTERNA');
    expect(json).not.toContain('Riservatissima');
    expect(json).toContain('AFOL Metropolitana');
  });

  it.each(PRINT_LANGUAGES)(
    'is a PDF in Italian and %s, with the case code, goals and actions and nothing internal',
    async (lang) => {
      const pdf = await renderPlanPdf({ ...input, lang });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      for (const s of [
        'Il mio piano',
        'Codice del percorso: MI-2026-00042',
        'Trovare un lavoro part-time',
        'Iscrizione al CPI e patto di servizio',
        'AFOL Metropolitana',
        '10/04/2026',
        'Versione concordata con me: 2',
        'Lavoro',
        'Casa',
      ]) {
        expect(text).toContain(s);
      }
      expect(text).not.toContain('NOTA-INTERNA');
      expect(text).not.toContain('Riservatissima');
      const second = DICTIONARIES[lang].labels.title;
      if (lang === 'it') expect(text).not.toContain('My plan');
      else if (lang === 'ar') expect(text).toMatch(/[\u0600-\u06ff]{2}/u);
      else expect(text).toContain(second);
      if (lang === 'uk') expect(text).toContain('Робота');
      if (lang === 'fr') expect(text).toContain('Travail');
    },
  );

  it('carries the values in the second column too: dates in that language, bodies, statuses, actions', async () => {
    const lines = (text: string) => text.split('\n').map((l) => l.trim());
    const count = (text: string, s: string) => text.split(s).length - 1;
    // a long line wraps: read the text as one
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const fr = flat(pdfText(await renderPlanPdf({ ...input, lang: 'fr' })));
    for (const s of [
      '1 mars 2026',
      '10 avril 2026',
      '30 septembre 2026',
      '4 mars 2026',
      'Statut: Prévue',
      'Statut: En cours',
    ])
      expect(fr).toContain(s);
    expect(fr).toContain('Inscription au centre pour l’emploi (CPI)');
    expect(count(fr, 'AFOL Metropolitana')).toBe(2);
    expect(fr).toContain('Code du parcours: MI-2026-00042');
    const uk = flat(pdfText(await renderPlanPdf({ ...input, lang: 'uk' })));
    for (const s of ['10 квітня 2026', '1 березня 2026']) expect(uk).toContain(s);
    expect(count(uk, 'AFOL Metropolitana')).toBe(2);
    // Arabic is drawn right to left in runs, so the extracted text holds each run in visual order:
    // "مارس" (March) reads "سرام"; digit runs and Latin names stay as they are
    const ar = pdfText(await renderPlanPdf({ ...input, lang: 'ar' }));
    expect(count(flat(ar), 'AFOL Metropolitana')).toBe(2);
    expect(lines(ar)).toContain('MI-2026-00042');
    expect(ar).toContain([...'مارس'].reverse().join(''));
    expect(lines(ar).filter((l) => l === '2026').length).toBeGreaterThanOrEqual(5);
  });

  it('says when there are no goals and when she has not agreed yet', async () => {
    const text = pdfText(await renderPlanPdf({ ...input, lang: 'en', version: 0, agreed: null, goals: [] }));
    expect(text).toContain('Il piano non ha ancora obiettivi.');
    expect(text).toContain('The plan has no goals yet.');
    expect(text).toContain('Non ancora concordato');
  });

  it('has every fixed label in every language, in its own script', () => {
    const keys = Object.keys(DICTIONARIES.it.labels);
    for (const lang of PRINT_LANGUAGES) {
      const d = DICTIONARIES[lang];
      expect(Object.keys(d.labels).sort(), lang).toEqual([...keys].sort());
      for (const v of [
        ...Object.values(d.labels),
        ...Object.values(d.domains),
        ...Object.values(d.goalStatus),
        ...Object.values(d.actionStatus),
      ]) {
        expect(v.trim(), lang).not.toBe('');
      }
      expect(Object.keys(d.domains).sort()).toEqual([...DOMAINS].sort());
      if (lang !== 'it') expect(d.labels.title).not.toBe(DICTIONARIES.it.labels.title);
    }
    // Arabic: Arabic letters, spaces, the Arabic comma and digits only (no brackets to mirror)
    for (const v of Object.values(DICTIONARIES.ar.labels)) expect(v).toMatch(/^[\u0600-\u06ff 0-9]+$/u);
    for (const v of Object.values(DICTIONARIES.uk.domains)) expect(v).toMatch(/^[\u0400-\u04ff\s’]+$/u);
  });

  it('translates every action of the shared catalogue', () => {
    const codes = new Set<string>();
    for (const file of ['003_cases.sql', '005_plans.sql']) {
      const sqlText = readFileSync(new URL(`../db/migrations/${file}`, import.meta.url), 'utf8');
      const block = sqlText.slice(sqlText.indexOf('INSERT INTO action_catalogue'));
      for (const m of block.slice(0, block.indexOf(';')).matchAll(/\('([a-z0-9_]+)', '/g)) codes.add(m[1] ?? '');
    }
    expect([...TRANSLATED_ACTION_CODES].sort()).toEqual([...codes].sort());
  });
});

describe('right-to-left layout', () => {
  const show = (text: string, dir: 'ltr' | 'rtl') => visualRuns(text, dir).map((r) => `${r.face}:${r.text}`);

  it('picks the font subset by script', () => {
    expect(['a', 'è', 'Ł', 'Ж', 'ї', 'ب', '،', '1'].map((c) => faceOf(c.codePointAt(0) ?? 0))).toEqual([
      'lat',
      'lat',
      'latx',
      'cyr',
      'cyr',
      'ar',
      'ar',
      'lat',
    ]);
    expect(directionOf('12 خطتي')).toBe('rtl');
    expect(directionOf('Piano 1 خطتي')).toBe('ltr');
  });

  it('places numbers and their punctuation inside Arabic in reading order', () => {
    expect(show('الهدف 1: العمل', 'rtl')).toEqual(['ar:العمل', 'lat: :', 'lat:1', 'ar:الهدف ']);
    expect(show('بالرقم 112 أو 1522', 'rtl')).toEqual(['lat:1522', 'ar:أو ', 'lat: ', 'lat:112', 'ar:بالرقم ']);
    expect(show('مسار (CPI)', 'rtl')).toEqual(['lat:(', 'lat:CPI', 'lat:)', 'ar:مسار ']);
  });

  it('keeps an Arabic phrase whole inside an Italian line', () => {
    expect(show('Titolo: خطتي الشخصية, fine', 'ltr')).toEqual(['lat:Titolo: ', 'ar:خطتي الشخصية', 'lat:, fine']);
    expect(show('Мій план 2026', 'ltr')).toEqual(['cyr:Мій план ', 'lat:2026']);
  });
});

describe('fonts', () => {
  it('unpacks a WOFF into the TrueType font it wraps', () => {
    const woff = readFileSync(
      createRequire(import.meta.url).resolve(
        '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff',
      ),
    );
    const ttf = sfntFromWoff(woff);
    expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const tables = ttf.readUInt16BE(4);
    expect(tables).toBe(woff.readUInt16BE(12));
    const dir = Array.from({ length: tables }, (_, i) => ({
      tag: ttf.toString('latin1', 12 + i * 16, 16 + i * 16),
      offset: ttf.readUInt32BE(20 + i * 16),
    }));
    const head = dir.find((t) => t.tag === 'head');
    expect(head && ttf.readUInt32BE(head.offset + 12)).toBe(0x5f0f3cf5);
    expect(dir.map((t) => t.tag)).toEqual(expect.arrayContaining(['GSUB', 'GPOS', 'cmap', 'glyf']));
    expect(() => sfntFromWoff(Buffer.from('not a font'))).toThrow();
  });
});
