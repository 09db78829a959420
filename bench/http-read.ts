import { randomBytes } from 'node:crypto';
import type { Role } from '../src/shared/codes/roles.ts';
import { makeUser, type TestUser, testConfig } from '../src/server/testing/harness.ts';
import { startServer } from './child.ts';
import { type LoadOptions, type LoadResult, runLoad } from './load.ts';
import { cpuMsOf } from './proc.ts';
import { type BenchDb, busiestOrganisation, createBenchDb } from './pg-setup.ts';
import { signInHttp } from './sign-in.ts';

export const LOAD = { connections: 20, warmupSeconds: 2, seconds: 10 };
export const ROLE: Role = 'centre_operator';

export interface ReadSetup {
  bench: BenchDb;
  masterKey: Buffer;
  user: TestUser;
  organisation: { id: string; name: string; networks: number; protocols: number };
  path: string;
}

export interface ReadRun {
  load: LoadResult;
  /** the body of one request made before the load, to compare with the floor's */
  sample: unknown;
  /** the session cookie signed in over HTTP */
  cookie: string;
  /** CPU time of the server process (not PostgreSQL's) per 2xx response of the measured run */
  cpuMsPerRequest: number;
}

export interface ReadOptions {
  /** the app's session cookie (the bare floor has no login of its own) */
  cookie?: string;
  /** several sessions used in turn instead of the one cookie (diagnostics) */
  cookies?: string[];
  logLevel?: string;
  /** extra environment for the server process */
  env?: Record<string, string>;
  /** extra node flags for the server process (e.g. --cpu-prof) */
  nodeArgs?: string[];
  load?: Partial<LoadOptions>;
}

/** Fresh database, the network, and a centre operator of the organisation that will be read. */
export async function prepareRead(): Promise<ReadSetup> {
  const bench = await createBenchDb();
  try {
    const organisation = await busiestOrganisation(bench.db);
    const masterKey = randomBytes(32);
    const user = await makeUser(bench.db, testConfig({ masterKey }), {
      organisationId: organisation.id,
      roles: [ROLE],
    });
    return { bench, masterKey, user, organisation, path: `/api/v1/organisations/${organisation.id}` };
  } catch (error) {
    await bench.drop();
    throw error;
  }
}

/** GETs `url` once with the cookie and insists on a 200. */
export async function sampleGet(url: string, cookie: string): Promise<unknown> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Starts `file` (the app or the floor) in its own process and loads the organisation read. */
export async function benchRead(
  file: 'app-server.ts' | 'bare-server.ts',
  setup: ReadSetup,
  o: ReadOptions = {},
): Promise<ReadRun> {
  const server = await startServer(
    file,
    {
      BENCH_OWNER_URL: setup.bench.ownerUrl,
      BENCH_APP_URL: setup.bench.appUrl,
      BENCH_MASTER_KEY: setup.masterKey.toString('base64'),
      BENCH_LOG_LEVEL: o.logLevel ?? 'warn',
      PERCORSI_TRUST_PROXY: '1',
      // proof-ops: one signed-in user makes the whole load; her own bucket would stop it
      PERCORSI_RATE_LIMIT_USER: '0',
      ...o.env,
    },
    o.nodeArgs,
  );
  try {
    // A TOTP code works once (per 30 s step and user); like the test harness, forget the last step.
    if (!o.cookie)
      await setup.bench.db.owner
        .updateTable('users')
        .set({ totp_last_step: null })
        .where('id', '=', setup.user.id)
        .execute();
    const cookie = o.cookie ?? (await signInHttp(server.baseUrl, setup.user));
    const sample = await sampleGet(server.baseUrl + setup.path, cookie);
    const headers: Record<string, string> = o.cookies?.length ? {} : { cookie };
    const options = { baseUrl: server.baseUrl, path: setup.path, headers, cookies: o.cookies, ...LOAD, ...o.load };
    if (options.warmupSeconds) await runLoad({ ...options, seconds: options.warmupSeconds, warmupSeconds: 0 });
    const cpuBefore = cpuMsOf(server.pid);
    const load = await runLoad({ ...options, warmupSeconds: 0 });
    const cpuMsPerRequest = load.ok ? (cpuMsOf(server.pid) - cpuBefore) / load.ok : Number.NaN;
    return { load, sample, cookie, cpuMsPerRequest };
  } finally {
    await server.stop();
  }
}

/** The real app: signs in over HTTP (password + TOTP), then the load. */
export const benchAppRead = (setup: ReadSetup, o: ReadOptions = {}) => benchRead('app-server.ts', setup, o);
