import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PUBLIC_LANGUAGES } from '../../shared/codes/directory.ts';
import type { Database } from '../db/database.ts';
import { loadNetworkData, seedNetwork } from '../network/seed-network.ts';
import { openTestAppPerFile } from '../testing/harness.ts';
import { EXIT_URL } from './layout.ts';

/**
 * The public directory (/aiuto), crawled page by page in every language: no cookie, nothing from
 * another site, strict headers, light pages, the right language and direction, and no trace of a
 * shelter's location anywhere (a canary planted on shelter organisations is looked for in every
 * page, in the HSDS JSON and in the CSV).
 */
const CANARY = 'Canarino7731';
const SHELTER_NAME = `Casa rifugio ${CANARY} Segreta`;

async function plantCanaries(db: Database): Promise<void> {
  await seedNetwork(db.owner, await loadNetworkData());
  const milano = '015146';
  // A shelter operator, with the canary everywhere a location could hide; it gives no address:
  // the database refuses one (checked below).
  const shelter = await db.owner
    .insertInto('organisations')
    .values({
      name: SHELTER_NAME,
      type: 'shelter_operator',
      town: `Via ${CANARY} 3, Milano`,
      municipality_code: milano,
      description: `Sede in via ${CANARY} 3`,
      notes: `Indirizzo: via ${CANARY} 3`,
      helpline: '02 7731 7731',
      website: `https://${CANARY.toLowerCase()}.example`,
      operates_shelters: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A centre that runs shelters: listed (it gives access), but never with a town or an area.
  const centre = await db.owner
    .insertInto('organisations')
    .values({
      name: 'Centro antiviolenza di prova con case rifugio',
      type: 'cav',
      town: `${CANARY}-town`,
      municipality_code: milano,
      description: `Casa rifugio in via ${CANARY} 5`,
      notes: `via ${CANARY} 5`,
      operates_shelters: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.owner
    .insertInto('organisation_networks')
    .values([
      { organisation_id: shelter.id, network_id: 'milano', role: null },
      { organisation_id: centre.id, network_id: 'milano', role: null },
    ])
    .execute();
  const entry = {
    public_phone: '02 1234 5678',
    hours: JSON.stringify([{ day: 'mo', opens: '09:00', closes: '17:00' }]),
    services: ['listening', 'shelter_access'],
    languages: ['it', 'ar'],
    verified_on: '2026-11-20',
  };
  for (const id of [shelter.id, centre.id]) {
    await db.owner
      .insertInto('directory_entries')
      .values({ organisation_id: id, ...entry, published_version: 1 })
      .execute();
    await db.owner
      .insertInto('directory_published')
      .values({ organisation_id: id, ...entry })
      .execute();
  }
}

const t = openTestAppPerFile({ beforeApp: plantCanaries });

interface Fetched {
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: string;
  gzipBytes: number;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip', ...headers } });
  const raw = res.rawPayload;
  const gz = res.headers['content-encoding'] === 'gzip';
  return {
    url,
    status: res.statusCode,
    headers: res.headers,
    body: (gz ? gunzipSync(raw) : raw).toString('utf8'),
    gzipBytes: raw.length,
  };
}

const links = (page: string) =>
  [...page.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

let crawled: Fetched[] | null = null;
/** Every page reachable from the home pages of the eight languages. */
async function crawl(): Promise<Fetched[]> {
  if (crawled) return crawled;
  const seen = new Set<string>();
  const queue = [
    '/aiuto',
    ...PUBLIC_LANGUAGES.map((l) => `/aiuto/${l}`),
    ...PUBLIC_LANGUAGES.map((l) => `/aiuto/${l}/cerca?q=a`),
  ];
  const out: Fetched[] = [];
  while (queue.length) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const page = await get(url);
    out.push(page);
    if (!String(page.headers['content-type']).startsWith('text/html')) continue;
    for (const href of links(page.body)) {
      if (href.startsWith('/aiuto') && !seen.has(href)) queue.push(href);
    }
  }
  crawled = out;
  return out;
}

describe('the public directory, crawled', () => {
  it('reaches every municipality, card and service page in all eight languages', async () => {
    const pages = await crawl();
    const html = pages.filter((p) => String(p.headers['content-type']).startsWith('text/html'));
    const municipalities = await t.db.owner.selectFrom('municipalities').select('istat_code').execute();
    expect(municipalities.length).toBe(134);
    for (const lang of PUBLIC_LANGUAGES) {
      for (const m of municipalities) {
        expect(html.some((p) => p.url === `/aiuto/${lang}/comune/${m.istat_code}`)).toBe(true);
        expect(html.some((p) => p.url === `/aiuto/${lang}/comune/${m.istat_code}/scheda`)).toBe(true);
      }
      for (const rest of ['/percorso', '/sicurezza', '/servizi', '/servizi/shelter_access', '/comuni', '/dati']) {
        expect(html.some((p) => p.url === `/aiuto/${lang}${rest}`)).toBe(true);
      }
    }
    expect(html.length).toBeGreaterThan(8 * 2 * 134);
    expect(pages.some((p) => p.url.startsWith('/aiuto/static/aiuto.css'))).toBe(true);
    expect(pages.some((p) => p.url.startsWith('/aiuto/static/exit.js'))).toBe(true);
    expect(pages.some((p) => p.url === '/aiuto/dati/hsds.json')).toBe(true);
  });

  it('sets no cookie, and sends strict, cacheable headers on every response', async () => {
    for (const p of await crawl()) {
      expect(p.status, p.url).toBe(200);
      expect(p.headers['set-cookie'], p.url).toBeUndefined();
      expect(p.headers['referrer-policy'], p.url).toBe('no-referrer');
      expect(String(p.headers['content-security-policy']), p.url).toMatch(/^default-src 'none'; script-src 'self'/);
      expect(String(p.headers['content-security-policy'])).not.toMatch(/unsafe|https?:/);
      expect(p.headers['cache-control'], p.url).toBe('public, max-age=300');
      expect(p.headers.etag, p.url).toMatch(/^"[\w-]+"$/);
    }
  });

  it('points to nothing outside this server but the quick exit', async () => {
    for (const p of await crawl()) {
      if (!String(p.headers['content-type']).startsWith('text/')) continue;
      for (const url of links(p.body)) {
        const local = url.startsWith('/') && !url.startsWith('//');
        const dial = /^(tel|mailto):/.test(url) || url === '#main';
        expect(local || dial || url === EXIT_URL, `${p.url} → ${url}`).toBe(true);
      }
      const absolute = [...p.body.matchAll(/(?:https?:)?\/\/[\w.-]+\.[a-z]{2,}/gi)].map((m) => m[0]);
      expect(
        absolute.filter((u) => !EXIT_URL.startsWith(u)),
        p.url,
      ).toEqual([]);
      expect(p.body, p.url).not.toMatch(/localStorage|sessionStorage|document\.cookie|fetch\(|XMLHttpRequest/);
    }
  });

  it('weighs under 30 KB gzipped per page, stylesheet included', async () => {
    const pages = await crawl();
    const css = pages.find((p) => p.url.startsWith('/aiuto/static/aiuto.css'));
    expect(css?.headers['content-encoding']).toBe('gzip');
    let heaviest = 0;
    for (const p of pages.filter((x) => String(x.headers['content-type']).startsWith('text/html'))) {
      expect(p.headers['content-encoding'], p.url).toBe('gzip');
      heaviest = Math.max(heaviest, p.gzipBytes + (css?.gzipBytes ?? 0));
    }
    expect(heaviest).toBeLessThan(30 * 1024);
  });

  it('sets lang and dir in every language (Arabic right to left)', async () => {
    for (const p of (await crawl()).filter((x) => String(x.headers['content-type']).startsWith('text/html'))) {
      const lang = /^\/aiuto\/([a-z]{2})(?:\/|$|\?)/.exec(p.url)?.[1] ?? 'it';
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      expect(p.body, p.url).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(p.headers['content-language'], p.url).toBe(lang);
    }
  });

  it('never shows a shelter operator, nor any location of a body that runs shelters, in pages, HSDS or CSV', async () => {
    const outputs = [...(await crawl()), await get('/aiuto/dati/hsds.json'), await get('/aiuto/dati/elenco.csv')];
    for (const p of outputs) {
      expect(p.body, p.url).not.toContain(CANARY);
      expect(p.body.toLowerCase(), p.url).not.toContain(CANARY.toLowerCase());
      expect(p.body, p.url).not.toContain('7731');
    }
    // the centre that gives access is listed, with its phone, and says how shelters are reached
    const milano = await get('/aiuto/it/comune/015146');
    expect(milano.body).toContain('Centro antiviolenza di prova con case rifugio');
    expect(milano.body).toContain('02 1234 5678');
    expect(milano.body).toContain('si entra solo tramite il centro');
  });

  it('refuses an address for a body that runs shelters, in the database itself', async () => {
    await expect(
      t.db.owner
        .insertInto('organisations')
        .values({ name: 'Rifugio con indirizzo', type: 'shelter_operator', address: `via ${CANARY} 1` })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('search by municipality', () => {
  const found = async (q: string, lang = 'it') => {
    const p = await get(`/aiuto/${lang}/cerca?q=${encodeURIComponent(q)}`);
    expect(p.status).toBe(200);
    return [...p.body.matchAll(/<li><a href="\/aiuto\/\w+\/comune\/(\d+)">([^<]+)<\/a><\/li>/g)].map((m) =>
      (m[2] ?? '').replaceAll('&#39;', "'"),
    );
  };

  it('matches the first letters, whatever the case and accents', async () => {
    expect(await found('cini')).toEqual(['Cinisello Balsamo']);
    expect(await found('CINISÈLLO')).toEqual(['Cinisello Balsamo']);
    expect(await found('cassano d’a')).toEqual(["Cassano d'Adda"]);
    expect(await found('sesto')).toContain('Sesto San Giovanni');
  });

  it('matches a word inside the name after whole-name matches, and nothing for nonsense', async () => {
    const adda = await found('adda', 'ar');
    expect(adda).toEqual(
      expect.arrayContaining(["Cassano d'Adda", "Pozzo d'Adda", "Trezzo sull'Adda", "Vaprio d'Adda"]),
    );
    const milano = await found('mil');
    expect(milano[0]).toBe('Milano');
    expect(await found('zzzz')).toEqual([]);
  });

  it('escapes what is typed', async () => {
    const p = await get(`/aiuto/en/cerca?q=${encodeURIComponent('<script>x</script>')}`);
    expect(p.body).not.toContain('<script>x');
    expect(p.body).toContain('&lt;script&gt;x');
  });
});

describe('caching', () => {
  it('answers 304 to a client that holds the page, and 404 for an unknown language or town', async () => {
    const first = await get('/aiuto/fr/comune/015146');
    const again = await get('/aiuto/fr/comune/015146', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect((await get('/aiuto/xx')).status).toBe(404);
    expect((await get('/aiuto/it/comune/999999')).status).toBe(404);
    expect((await get('/aiuto/it/qualcosa/altro')).status).toBe(404);
    expect((await get('/aiuto/static/package.json')).status).toBe(404);
    const traversal = await get('/aiuto/static/..%2F..%2F..%2Fpackage.json');
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('"devDependencies"');
  });

  it('serves only the Arabic subset of the font, and only to pages that ask for it', async () => {
    const css = (await crawl()).find((p) => p.url.startsWith('/aiuto/static/aiuto.css'));
    const fonts = [...(css?.body ?? '').matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    expect(fonts).toEqual([
      '/aiuto/static/noto-naskh-arabic-arabic-400-normal.woff2',
      '/aiuto/static/noto-naskh-arabic-arabic-700-normal.woff2',
    ]);
    for (const f of fonts) expect((await get(f ?? '')).headers['content-type']).toBe('font/woff2');
    expect((await get('/aiuto/static/noto-naskh-arabic-latin-400-normal.woff2')).status).toBe(404);
    await sql`SELECT 1`.execute(t.db.owner);
  });
});

describe('open data', () => {
  it('the HSDS JSON validates against the HSDS 3.0 schemas kept in data/hsds', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { default: Ajv } = await import('ajv');
    const { default: addFormats } = await import('ajv-formats');
    const dir = path.resolve(import.meta.dirname, '../../../data/hsds');
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    }
    const doc = JSON.parse((await get('/aiuto/dati/hsds.json')).body);
    expect(doc.hsds_version).toBe('3.0');
    const check = (schema: string, items: unknown[]) => {
      const validate = ajv.getSchema(schema);
      if (!validate) throw new Error(schema);
      for (const item of items) expect(validate(item) ? [] : validate.errors, JSON.stringify(item)).toEqual([]);
    };
    check('organization.json', doc.organizations);
    check('service.json', doc.services);
    check('location.json', doc.locations);
    // the validator is not a rubber stamp
    expect(ajv.getSchema('location.json')?.({ id: 'x', location_type: 'secret' })).toBe(false);

    // the centre that runs shelters: its services sit at a virtual location with no address
    const centre = doc.organizations.find(
      (o: { name: string }) => o.name === 'Centro antiviolenza di prova con case rifugio',
    );
    const location = doc.locations.find((l: { organization_id: string }) => l.organization_id === centre.id);
    expect(location).toMatchObject({ location_type: 'virtual' });
    expect(location.addresses).toBeUndefined();
    expect(location.latitude).toBeUndefined();
    const shelterService = doc.services.find(
      (s: { organization_id: string; name: string }) =>
        s.organization_id === centre.id && s.name.startsWith('Casa rifugio'),
    );
    expect(shelterService.service_at_locations[0].location_id).toBe(location.id);
    expect(shelterService.phones[0].number).toBe('02 1234 5678');
    expect(shelterService.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO',
      opens_at: '09:00',
      closes_at: '17:00',
    });
    expect(shelterService.languages.map((l: { code: string }) => l.code)).toEqual(['it', 'ar']);
    expect(shelterService.service_areas[0].name).toBe('Rete Antiviolenza del Comune di Milano');
    // employment centres, public offices, are physical locations with their street
    expect(doc.locations.some((l: { location_type: string }) => l.location_type === 'physical')).toBe(true);
    const ids = [...doc.organizations, ...doc.services, ...doc.locations].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the CSV has one row per listed body, with the same public fields', async () => {
    const csv = (await get('/aiuto/dati/elenco.csv')).body;
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'organisation_id,name,type,networks,address,town,gives_access_to_shelters,phone,email,hours,services,languages,accessibility,free_of_charge,verified_on',
    );
    const centre = lines.find((l) => l.includes('Centro antiviolenza di prova con case rifugio'));
    expect(centre).toContain(
      ',milano,,,yes,02 1234 5678,,mo 09:00-17:00,listening shelter_access,it ar,,yes,2026-11-20',
    );
    expect(lines.length).toBeGreaterThan(50);
  });
});
