/** What the global setup hands to the browser tests (vitest provide/inject). */
import { inject } from 'vitest';

export interface DemoLogin {
  username: string;
  password: string;
  totpSecret: string;
  role: string;
  organisationId: string;
  organisationName: string;
}

export interface E2EContext {
  /** http://localhost:<port> — "localhost", so Chromium keeps the Secure __Host- cookies. */
  baseUrl: string;
  /** Playwright browser server: every test file connects to the same Chromium. */
  wsEndpoint: string;
  /** Scratch directory shared by the test files (TOTP step claims). */
  stateDir: string;
  logins: DemoLogin[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

export function e2e(): E2EContext {
  const ctx = inject('e2e');
  if (!ctx) throw new Error('e2e context missing: run with vitest.e2e.config.ts (npm run test:e2e)');
  return ctx;
}

export function demoUser(username: string): DemoLogin {
  const user = e2e().logins.find((l) => l.username === username);
  if (!user) throw new Error(`demo user ${username} not found in demo-logins.json`);
  return user;
}
