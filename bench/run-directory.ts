import autocannon, { type Request, type Result } from 'autocannon';
import { PUBLIC_LANGUAGES } from '../src/shared/codes/directory.ts';
import { startServer } from './child.ts';
import { IP_BATCH } from './load.ts';
import { busyness } from './proc.ts';

/**
 * `npm run bench:directory`: the public directory (/aiuto) under 100 concurrent clients, on the
 * embedded database, the server in its own process. Each request asks for another page (a
 * municipality, its print card, a search, a service page, in the eight languages), gzip accepted,
 * as phones do. Reports the response time percentiles (p95 computed from every response: for pages
 * of a few kilobytes the whole response arrives with its first byte). Figures, not assertions.
 * BENCH_DIRECTORY_SECONDS (default 10), BENCH_DIRECTORY_CONNECTIONS (default 100).
 */
const seconds = Number(process.env.BENCH_DIRECTORY_SECONDS ?? 10);
const connections = Number(process.env.BENCH_DIRECTORY_CONNECTIONS ?? 100);
const CODES = ['015146', '015077', '015192', '015182', '015118', '018110', '015002', '015146'];

const paths = PUBLIC_LANGUAGES.flatMap((lang) => [
  `/aiuto/${lang}`,
  ...CODES.map((c) => `/aiuto/${lang}/comune/${c}`),
  `/aiuto/${lang}/comune/${CODES[0]}/scheda`,
  `/aiuto/${lang}/cerca?q=ces`,
  `/aiuto/${lang}/servizi/listening`,
]);

let sent = 0;
const next = (): Request => {
  const n = Math.floor(sent / IP_BATCH) + 1;
  const path = paths[sent++ % paths.length] as string;
  return {
    method: 'GET',
    path,
    headers: { 'accept-encoding': 'gzip', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
  };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function run(baseUrl: string, duration: number) {
  const times: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    timeout: 10,
    requests: [{ setupRequest: () => next() }],
  }) as unknown as Promise<Result> & {
    on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  return { result, times };
}

const machine = busyness();
// migrating and seeding the embedded database takes a while on a busy machine
const server = await startServer('directory-server.ts', { PERCORSI_TRUST_PROXY: '1' }, [], 240_000);
try {
  await run(server.baseUrl, 2); // warm-up: every page rendered and cached once
  const { result, times } = await run(server.baseUrl, seconds);
  const report = {
    at: new Date().toISOString(),
    connections,
    seconds: result.duration,
    pages: paths.length,
    requests: times.length,
    rps: Math.round(result['2xx'] / (result.duration || 1)),
    non2xx: result.non2xx,
    errors: result.errors,
    ms: {
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      p99: percentile(times, 0.99),
      max: Math.round(times.at(-1) ?? 0),
    },
    goal: 'p95 < 50 ms at 100 concurrent clients',
    machine: { start: machine, end: busyness() },
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `[bench directory] ${report.requests} responses in ${report.seconds} s at ${connections} clients: ` +
      `p50 ${report.ms.p50} ms, p95 ${report.ms.p95} ms, p99 ${report.ms.p99} ms, ${report.rps} req/s` +
      `${machine.busy ? ' (the machine was busy: figures are pessimistic)' : ''}`,
  );
} finally {
  await server.stop();
}
