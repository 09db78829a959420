/** 7. Security headers as the browser sees them; no CSP violation on the pages. */
import { describe, expect, test } from 'vitest';
import { checkProblems, it as IT, login, newSession, ready, setupBrowser, visit } from './helpers.ts';

setupBrowser();

describe('security headers and CSP', () => {
  test('the HTML pages carry a strict CSP and the other security headers', async () => {
    const { page } = await newSession();
    for (const path of ['/', '/login', '/reti/milano', '/pagina-che-non-esiste']) {
      const res = await page.goto(path);
      if (!res) throw new Error(`no response for ${path}`);
      expect(res.status(), path).toBe(200);
      const h = await res.allHeaders();
      expect(h['content-type'], path).toMatch(/^text\/html/);
      const csp = h['content-security-policy'];
      expect(csp, `CSP on ${path}`).toBeDefined();
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['x-frame-options'], path).toBe('DENY');
      expect(h['referrer-policy'], path).toBe('no-referrer');
    }
    await ready(page);
  });

  test('no CSP violation while using the app', async () => {
    const s = await newSession();
    const { page } = s;
    await page.goto('/login');
    await ready(page, IT.login.title);
    checkProblems(s, 'on the login page');
    await login(page, 'cabina.regia');
    await ready(page);
    const pages: Array<[string, string | undefined]> = [
      ['/', undefined],
      ['/reti', IT.networks.title],
      ['/reti/milano', undefined],
      ['/organizzazioni', IT.organisations.title],
      ['/protocolli', IT.protocols.title],
      ['/audit', undefined],
      ['/accessibilita', IT.legal.accessibilityTitle],
      ['/privacy', IT.legal.privacyTitle],
    ];
    for (const [path, h1] of pages) {
      await visit(page, path);
      await ready(page, h1);
      checkProblems(s, `on ${path}`);
    }
    // Detail pages reached by links, then a full reload of one of them.
    const protocol = await page.request.get('/api/v1/protocols');
    const first = ((await protocol.json()) as { items: { id: string }[] }).items[0];
    if (first) {
      await visit(page, `/protocolli/${first.id}`);
      await ready(page);
    }
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: IT.lang.en, exact: true }).click();
    await ready(page);
    checkProblems(s, 'on the detail pages');

    // The check itself works: an inline script is refused by the CSP and reported.
    await page.addScriptTag({ content: 'window.__inline = 1;' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    await page.waitForTimeout(200);
    expect(() => checkProblems(s, 'after an inline script')).toThrow(/Content Security Policy/);
  });
});
