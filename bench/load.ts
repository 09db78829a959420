import autocannon, { type Request } from 'autocannon';

export interface LoadOptions {
  baseUrl: string;
  path: string;
  headers?: Record<string, string>;
  connections?: number;
  warmupSeconds?: number;
  seconds?: number;
  /** stop after this many requests instead of after `seconds` */
  amount?: number;
  /** cookies used in turn, one per request (instead of a cookie in `headers`) */
  cookies?: string[];
}

export interface LoadResult {
  /** 2xx responses per second over the measured run */
  rps: number;
  p50: number;
  p99: number;
  meanMs: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  statusCodes: Record<string, number>;
}

/**
 * The global rate limit (600 requests/minute per client IP) would answer 429 after the first 600
 * requests of one load generator. The servers under test trust X-Forwarded-For
 * (PERCORSI_TRUST_PROXY=1) and every request carries a client address that changes every
 * IP_BATCH requests, so no address goes over the limit and every response is a real one.
 */
export const IP_BATCH = 400;
let sent = 0;

function rotatingIp(): string {
  const n = Math.floor(sent++ / IP_BATCH) + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function requests(path: string, headers: Record<string, string>, cookies: string[] = []): Request[] {
  let handedOut = 0;
  return [
    {
      method: 'GET',
      path,
      headers,
      setupRequest: (request) => {
        const next: Record<string, string> = { ...headers, 'x-forwarded-for': rotatingIp() };
        if (cookies.length) next.cookie = cookies[handedOut++ % cookies.length] ?? '';
        return { ...request, headers: next };
      },
    },
  ];
}

async function once(o: LoadOptions, seconds: number | undefined, amount: number | undefined): Promise<LoadResult> {
  const r = await autocannon({
    url: o.baseUrl,
    connections: o.connections ?? 20,
    ...(amount ? { amount } : { duration: seconds ?? 10 }),
    timeout: 10,
    requests: requests(o.path, o.headers ?? {}, o.cookies),
  });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    rps: r.duration > 0 ? r['2xx'] / r.duration : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    meanMs: r.latency.mean,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
    statusCodes,
  };
}

/** A discarded warm-up run, then the measured one (same connections). */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  if (o.warmupSeconds) await once(o, o.warmupSeconds, undefined);
  return once(o, o.amount ? undefined : (o.seconds ?? 10), o.amount);
}
