import { benchRead, type ReadOptions, type ReadSetup } from './http-read.ts';

/**
 * The same read on the bare floor (servers/bare-server.ts: node:http + pg, the app's statements),
 * with the session cookie the app handed out.
 */
export function benchBareRead(setup: ReadSetup, cookie: string, o: Omit<ReadOptions, 'cookie'> = {}) {
  return benchRead('bare-server.ts', setup, { ...o, cookie });
}
