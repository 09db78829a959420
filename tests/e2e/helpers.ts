// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** Shared helpers of the browser tests: browser sessions, sign-in with TOTP, navigation, axe, screenshots. */
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { totpCode } from '../../src/server/auth/totp.ts';
import { en } from '../../src/web/i18n/en.ts';
import { it as itMessages } from '../../src/web/i18n/it.ts';
import { type DemoLogin, demoUser, e2e } from './context.ts';
import { languageLeaks } from './language-leaks.ts';

export { en, itMessages as it };

/** Replaces {name} placeholders, like the UI does. */
export const fmt = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
export type Lang = 'it' | 'en';
export const messages = { it: itMessages, en };

/** Display names of the demo users (src/server/demo/seed-demo.ts). */
export const DISPLAY_NAMES: Record<string, string> = {
  'operatrice.cadmi': 'Giulia Demo',
  'admin.cadmi': 'Paola Demo',
  'dpo.cadmi': 'Marta Demo',
  'operatrice.hara': 'Sara Demo',
  'servizi.milano': 'Franco Demo',
  'coordinatrice.milano': 'Elena Demo',
  'cabina.regia': 'Roberto Demo',
  'referente.cpi.milano': 'Luca Demo',
  'referente.cpi.rho': 'Anna Demo',
};

export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Browser and sessions
// ---------------------------------------------------------------------------------------------

let browser: Browser | null = null;

/** Things seen in the browser that fail the test that saw them. */
export interface Problems {
  /** Console messages about the Content Security Policy, and securitypolicyviolation events. */
  csp: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Requests answered 429 (rate limited): they would make the pages flaky. */
  rateLimited: string[];
  /** Text in the wrong language on a page that `ready()` waited for (language-leaks.ts). */
  languageLeaks: string[];
  /** Other console errors and HTTP errors (except the 401 of /api/v1/me when signed out): printed, not failing. */
  consoleErrors: string[];
}

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: Problems;
  close: () => Promise<void>;
}

const open = new Set<Session>();
const problemsOf = new WeakMap<Page, Problems>();

export interface SessionOptions {
  /** Start in this language (stored like the UI does, before the first page load). */
  lang?: Lang;
  viewport?: { width: number; height: number };
}

export async function newSession(options: SessionOptions = {}): Promise<Session> {
  if (!browser) throw new Error('setupBrowser() must be called in the test file');
  const { baseUrl } = e2e();
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  if (options.lang) {
    const lang = options.lang;
    await context.addInitScript((l) => {
      if (!sessionStorage.getItem('e2e.langSet')) {
        localStorage.setItem('percorsi.lang', l);
        sessionStorage.setItem('e2e.langSet', '1');
      }
    }, lang);
  }
  // Every CSP violation also becomes a console message, whatever the browser prints by itself.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `[securitypolicyviolation] Content Security Policy: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const problems: Problems = { csp: [], pageErrors: [], rateLimited: [], languageLeaks: [], consoleErrors: [] };
  problemsOf.set(page, problems);
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy/i.test(text)) problems.csp.push(`${page.url()}: ${text}`);
    // "Failed to load resource" duplicates the HTTP errors recorded below, with less detail.
    else if (msg.type() === 'error' && !text.startsWith('Failed to load resource'))
      problems.consoleErrors.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(`${page.url()}: ${err.message}`));
  page.on('response', (res) => {
    const status = res.status();
    const what = `${res.request().method()} ${new URL(res.url()).pathname} → ${status} (page ${new URL(page.url()).pathname})`;
    if (status === 429) problems.rateLimited.push(what);
    else if (status >= 400 && !(status === 401 && new URL(res.url()).pathname === '/api/v1/me'))
      problems.consoleErrors.push(`HTTP ${what}`);
  });
  const session: Session = {
    context,
    page,
    problems,
    close: async () => {
      open.delete(session);
      await context.close().catch(() => undefined);
    },
  };
  open.add(session);
  return session;
}

/** Fails (with details) when the session saw CSP violations, page errors or 429s; then forgets them. */
export function checkProblems(session: Session, label = ''): void {
  const { csp, pageErrors, rateLimited, languageLeaks: leaks, consoleErrors } = session.problems;
  if (consoleErrors.length)
    console.warn(`[e2e] console/HTTP errors (not failing) ${label}:\n  ${consoleErrors.join('\n  ')}`);
  const lines = [
    ...csp.map((x) => `CSP: ${x}`),
    ...pageErrors.map((x) => `page error: ${x}`),
    ...rateLimited.map((x) => `429 Too Many Requests: ${x}`),
    ...leaks.map((x) => `language leak: ${x}`),
  ];
  leaks.length = 0;
  csp.length = 0;
  pageErrors.length = 0;
  rateLimited.length = 0;
  consoleErrors.length = 0;
  if (lines.length) throw new Error(`Browser problems ${label}:\n  ${lines.join('\n  ')}`);
}

/**
 * Registers the hooks of a test file: connect to the shared Chromium, check every open session
 * for problems after each test, close everything at the end.
 */
export function setupBrowser(): void {
  beforeAll(async () => {
    browser = await chromium.connect(e2e().wsEndpoint);
  });
  afterEach((ctx) => {
    const failures: string[] = [];
    for (const s of open) {
      try {
        checkProblems(s, `in "${ctx.task.name}"`);
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
    if (failures.length) throw new Error(failures.join('\n'));
  });
  afterAll(async () => {
    for (const s of [...open]) await s.close();
    await browser?.close();
    browser = null;
  });
}

// ---------------------------------------------------------------------------------------------
// Navigation and waiting
// ---------------------------------------------------------------------------------------------

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/**
 * Goes to a path of the app. When the app is already loaded in the page the navigation is
 * client side (like following a link: no reload, fewer requests); otherwise a full page load.
 */
export async function visit(page: Page, to: string, { reload = false } = {}): Promise<void> {
  const { baseUrl } = e2e();
  const loaded =
    !reload &&
    page.url().startsWith(baseUrl) &&
    (await page.evaluate(() => (document.getElementById('root')?.childElementCount ?? 0) > 0).catch(() => false));
  if (loaded) {
    await page.evaluate((p) => {
      window.history.pushState(
        { usr: null, key: `e2e${Date.now()}`, idx: (window.history.state?.idx ?? 0) + 1 },
        '',
        p,
      );
      window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    }, to);
  } else {
    await page.goto(to);
  }
}

export const currentPath = (page: Page) => pathOf(page.url());

export async function waitForPath(page: Page, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await page.waitForURL(
    (url) => (typeof expected === 'string' ? url.pathname === expected : expected.test(url.pathname + url.search)),
    {
      timeout,
    },
  );
}

/**
 * Waits until the page is rendered: the <h1> is there (with the expected text, if given), no
 * "loading" indicator is left, fonts are loaded. Then scans it for text in the wrong language
 * (a leak fails the test after it ends, with the others of its session: checkProblems).
 */
export async function ready(page: Page, h1?: string | RegExp): Promise<string> {
  const heading = page.locator('main h1').first();
  await heading.waitFor({ state: 'visible' });
  const text = async () => ((await heading.textContent()) ?? '').trim();
  if (h1 !== undefined) {
    const want = typeof h1 === 'string' ? new RegExp(`^${escapeRegExp(h1)}`) : h1;
    await poll(text, (t) => want.test(t), `page heading matching ${want}`);
  }
  await poll(
    () => page.locator('main .loading').count(),
    (n) => n === 0,
    'no loading indicator left',
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const problems = problemsOf.get(page);
  if (problems) for (const leak of await languageLeaks(page)) problems.languageLeaks.push(leak);
  return text();
}

/** Polls `read` until `ok` holds (usable in hooks too, unlike expect.poll). */
export async function poll<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Visible text of the <main> element, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').innerText()) ?? '').replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------

const STEP_MS = 30_000;

/**
 * A TOTP code for the user that the server has not seen yet. A code is accepted once per user
 * (the server refuses any time step not greater than the last one used), with one step of
 * tolerance either side: each call claims a new, increasing step (a directory in the shared
 * state dir, so the test files agree), using the next step at once if needed and waiting for
 * the clock otherwise.
 */
export async function claimTotp(user: DemoLogin): Promise<string> {
  const dir = path.join(e2e().stateDir, 'totp', user.username);
  mkdirSync(dir, { recursive: true });
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / STEP_MS);
    const claimed = readdirSync(dir).map(Number).filter(Number.isFinite);
    const step = Math.max(current, claimed.length ? Math.max(...claimed) + 1 : current);
    if (step > current + 1) {
      await sleep((step - 1) * STEP_MS - now + 250);
      continue;
    }
    try {
      mkdirSync(path.join(dir, String(step)));
    } catch {
      continue; // claimed meanwhile by another file
    }
    return totpCode(user.totpSecret, step * STEP_MS + 1_000);
  }
}

/**
 * Runs `fn` while holding a per-user lock shared by the test files: sign-ins of the same user
 * happen one at a time, so the TOTP steps reach the server in the order they were claimed.
 */
export async function withUserLock<T>(username: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(e2e().stateDir, 'locks', username);
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`sign-in lock of ${username} still held after 90 s`);
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmdirSync(lock);
  }
}

export interface LoginOptions {
  /** Runs on the TOTP step, before the code is typed (e.g. an accessibility check). */
  atTotpStep?: (page: Page) => Promise<void>;
}

/** Signs in through the UI with password and TOTP; ends on the page the app lands on. */
export async function login(page: Page, username: string, options: LoginOptions = {}): Promise<DemoLogin> {
  const user = demoUser(username);
  await withUserLock(username, () => signIn(page, user, options));
  return user;
}

async function signIn(page: Page, user: DemoLogin, options: LoginOptions): Promise<void> {
  const { username } = user;
  if (!currentPath(page).startsWith('/login')) await visit(page, '/login');
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('main form button[type="submit"]').click();
  const code = page.locator('#totp-code');
  try {
    await code.waitFor({ state: 'visible', timeout: 15_000 });
  } catch (err) {
    throw new Error(`password step failed for ${username}: ${await alerts(page)} (${(err as Error).message})`);
  }
  if (options.atTotpStep) await options.atTotpStep(page);
  await code.fill(await claimTotp(user));
  await page.locator('main form button[type="submit"]').click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
  } catch (err) {
    throw new Error(`TOTP step failed for ${username}: ${await alerts(page)} (${(err as Error).message})`);
  }
}

async function alerts(page: Page): Promise<string> {
  const texts = await page
    .locator('main .alert, main .field-error')
    .allInnerTexts()
    .catch(() => []);
  return texts.length ? texts.join(' | ') : '(no message shown)';
}

// ---------------------------------------------------------------------------------------------
// Accessibility and screenshots
// ---------------------------------------------------------------------------------------------

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe (WCAG 2.1 A/AA) and fails with a readable list of the violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (!results.violations.length) return;
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const summary = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
          return `      - ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
      return `  ✗ ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} element${v.nodes.length > 1 ? 's' : ''})\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
  throw new Error(`axe: ${results.violations.length} violation(s) on ${label} (${page.url()})\n${report}`);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Goes to a page, waits for it, runs axe; optionally takes a screenshot. */
export async function axeCheck(page: Page, to: string, h1: string | RegExp | undefined, label: string, shot?: string) {
  await visit(page, to);
  await ready(page, h1);
  await expectNoAxeViolations(page, label);
  if (shot) await screenshot(page, shot);
}

/** The href of the first link in the <main> table captioned `caption`. */
export async function firstLinkIn(page: Page, caption: string): Promise<string> {
  const table = page.locator('main table', { has: page.locator('caption', { hasText: caption }) });
  const href = await table.locator('tbody a').first().getAttribute('href');
  if (!href) throw new Error(`no link in the table "${caption}"`);
  return href;
}

/** The JSON API with the page's session (and its CSRF token for writes). */
export function apiOf(page: Page) {
  let csrf = '';
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: object, headers = {}) => {
    if (method !== 'GET' && !csrf)
      csrf = ((await (await page.request.get('/api/v1/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    const res = await page.request.fetch(`/api/v1${path}`, {
      method,
      headers: { ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrf }), ...headers },
      ...(body ? { data: body } : {}),
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return call;
}
