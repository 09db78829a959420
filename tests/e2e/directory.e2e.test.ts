// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * The public directory (/aiuto) in the browser: the quick exit with JavaScript (Esc, Shift three
 * times, the button: the page is blanked and replaced, so Back does not return to it) and without
 * (a plain link); the search as a plain form with JavaScript off; axe on pages in several
 * languages; lang/dir in all eight; screenshots (Arabic, right to left, on a phone); and the
 * editors' screen in Percorsi (draft, preview, publish).
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLIC_LANGUAGES } from '../../src/shared/codes/directory.ts';
import { EXIT_URL } from '../../src/server/directory/layout.ts';
import { TEXTS } from '../../src/server/directory/texts/index.ts';
import { e2e } from './context.ts';
import {
  expectNoAxeViolations,
  it as IT,
  login,
  newSession,
  ready,
  type Session,
  screenshot,
  setupBrowser,
  visit,
} from './helpers.ts';

setupBrowser();

const MILANO = '015146';
const NEUTRAL = '<!doctype html><html lang="it"><head><title>Meteo</title></head><body><h1>Meteo</h1></body></html>';

/** The neutral site is stood in for (no network in tests). */
async function standInForExit(context: BrowserContext) {
  await context.route(`${EXIT_URL}**`, async (route: Route) => {
    await route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL });
  });
}

async function leftFor(page: Page) {
  await page.waitForURL((u) => u.toString().startsWith(EXIT_URL));
  expect(await page.title()).toBe('Meteo');
}

describe('quick exit, JavaScript on', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await standInForExit(s.context);
  });
  afterAll(() => s.close());

  test('Esc blanks the page, leaves, and Back does not return to it', async () => {
    const { page } = s;
    await page.goto('/aiuto/it');
    await page.goto(`/aiuto/it/comune/${MILANO}`);
    await page.locator('h1', { hasText: 'Milano' }).waitFor();
    await page.keyboard.press('Escape');
    await leftFor(page);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/aiuto/it');
  });

  test('Shift pressed three times leaves; twice does not', async () => {
    const { page } = s;
    await page.goto('/aiuto/en');
    await page.goto('/aiuto/en/sicurezza');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/aiuto/en/sicurezza');
    await page.keyboard.press('Shift');
    await leftFor(page);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/aiuto/en');
  });

  test('the button blanks the page first, then replaces it', async () => {
    const session = await newSession();
    try {
      await standInForExit(session.context);
      // Records, in the tab's own storage for this origin, the page that was blanked (title and
      // body emptied after it had loaded) before it was left; read again after Back.
      await session.context.addInitScript(() => {
        new MutationObserver(() => {
          if (document.readyState === 'complete' && document.title === '' && document.body?.innerHTML === '')
            sessionStorage.setItem('e2e.blanked', location.pathname);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const { page } = session;
      await page.goto('/aiuto/fr');
      await page.goto(`/aiuto/fr/comune/${MILANO}`);
      await page.getByRole('link', { name: TEXTS.fr.exit }).click();
      await leftFor(page);
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/aiuto/fr');
      expect(await page.evaluate(() => sessionStorage.getItem('e2e.blanked'))).toBe(`/aiuto/fr/comune/${MILANO}`);
    } finally {
      await session.close();
    }
  });

  test('keyboard first: skip link, then the exit link', async () => {
    const { page } = s;
    await page.goto('/aiuto/it');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(TEXTS.it.skip);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('exit');
  });
});

describe('JavaScript off', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    const browser = await chromium.connect(e2e().wsEndpoint);
    context = await browser.newContext({ baseURL: e2e().baseUrl, javaScriptEnabled: false, locale: 'ar' });
    await standInForExit(context);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  test('in Arabic, the first letters of her town as a plain form give who to call', async () => {
    await page.goto('/aiuto/ar');
    await page.locator('#q').fill('cini');
    await page.locator('#q').press('Enter');
    await page.waitForURL(/\/aiuto\/ar\/cerca\?q=cini/);
    await page.getByRole('link', { name: 'Cinisello Balsamo' }).click();
    await page.waitForURL(/\/aiuto\/ar\/comune\/\d+$/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('main').innerText()).toContain(TEXTS.ar.centresTitle);
    expect(await page.locator('.always').innerText()).toContain('1522');
  });

  test('the exit link is a plain link that works', async () => {
    await page.goto('/aiuto/it/percorso');
    await page.getByRole('link', { name: TEXTS.it.exit }).click();
    await leftFor(page);
  });
});

describe('languages and accessibility', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
  });
  afterAll(() => s.close());

  test('lang and dir are right in all eight languages', async () => {
    for (const lang of PUBLIC_LANGUAGES) {
      await s.page.goto(`/aiuto/${lang}/comune/${MILANO}`);
      const got = await s.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
      expect(got).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
      expect(await s.page.locator('.exit').innerText()).toBe(TEXTS[lang].exit);
    }
  });

  const pages: Array<[string, string]> = [
    ['/aiuto/it', 'home-it'],
    [`/aiuto/ar/comune/${MILANO}`, 'municipality-ar'],
    ['/aiuto/zh/cerca?q=se', 'search-zh'],
    ['/aiuto/uk/sicurezza', 'safety-uk'],
    [`/aiuto/en/comune/${MILANO}/scheda`, 'card-en'],
    ['/aiuto/fr/percorso', 'path-fr'],
    ['/aiuto/es/servizi/shelter_access', 'service-es'],
    ['/aiuto/ro/comuni', 'all-ro'],
  ];
  for (const [url, shot] of pages) {
    test(`axe: ${url}`, async () => {
      await s.page.goto(url);
      await s.page.locator('main h1').waitFor();
      await expectNoAxeViolations(s.page, url);
      await screenshot(s.page, `directory-${shot}`);
      expect(s.problems.csp).toEqual([]);
      expect(s.problems.pageErrors).toEqual([]);
    });
  }

  test('the Arabic page on a phone, right to left (screenshot)', async () => {
    const phone = await newSession({ viewport: { width: 390, height: 844 } });
    try {
      await phone.page.goto(`/aiuto/ar/comune/${MILANO}`);
      await phone.page.locator('main h1').waitFor();
      // right to left: the title starts on the right, the exit button follows it on the left, and
      // the numbers' box has its bar on the right (border-inline-start)
      const box = await phone.page.locator('.exit').boundingBox();
      const brand = await phone.page.locator('.brand').boundingBox();
      expect(box && brand && brand.x > box.x).toBe(true);
      const bar = await phone.page.locator('.always').evaluate((el) => getComputedStyle(el).borderRightWidth);
      expect(bar).toBe('6px');
      const font = await phone.page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(font).toContain('Noto Naskh Arabic');
      await screenshot(phone.page, 'directory-municipality-ar-phone', false);
    } finally {
      await phone.close();
    }
  });
});

describe('the editors in Percorsi', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
  });
  afterAll(() => s.close());

  test('an administrator edits, previews and publishes her entry', async () => {
    await login(s.page, 'admin.cadmi');
    await visit(s.page, '/elenco-pubblico');
    await ready(s.page, IT.directory.title);
    await expectNoAxeViolations(s.page, 'directory list');
    await screenshot(s.page, 'directory-editors-list');
    await s.page.locator('main table tbody a').first().click();
    await s.page.locator('#entry-publicPhone').waitFor();
    await s.page.locator('#entry-publicPhone').fill('02 5501 5519');
    await s.page.getByRole('button', { name: IT.directory.verifiedToday }).click();
    await s.page.getByRole('button', { name: IT.common.save }).click();
    await s.page.getByText(IT.directory.saved).waitFor();
    // axe before the preview: axe injects its script into every frame, and the preview frame is
    // sandboxed without scripts (it would wait for it forever); the previewed public page has its
    // own axe checks above.
    await expectNoAxeViolations(s.page, 'directory entry editor');
    await s.page.getByRole('button', { name: IT.directory.preview }).click();
    await s.page.locator('iframe.directory-preview').waitFor();
    const frame = s.page.frameLocator('iframe.directory-preview');
    await expect.poll(() => frame.locator('body').innerText()).toContain('02 5501 5519');
    await screenshot(s.page, 'directory-editor-preview');
    await s.page.getByRole('button', { name: IT.directory.publish }).click();
    await s.page.getByText(IT.directory.published).waitFor();
    const publicPage = await s.context.newPage();
    await expect
      .poll(async () => {
        await publicPage.goto('/aiuto/it/servizi/listening');
        return publicPage.locator('main').innerText();
      })
      .toContain('02 5501 5519');
    await publicPage.close();
  });
});
