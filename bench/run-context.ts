import os from 'node:os';
import { ADMIN_URL } from './pg-setup.ts';
import { busyness } from './proc.ts';

/** What a benchmark run starts with: a timed log, the machine's state, where errors are kept. */
export function runContext(tag: string) {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const environment: Record<string, string | number> = {
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    postgresUrl: ADMIN_URL.replace(/\/\/[^@]*@/, '//…@'),
  };
  return {
    say: (text: string) => console.log(`[${tag} ${seconds().toFixed(1)} s] ${text}`),
    message: (error: unknown) => (error instanceof Error ? error.message : String(error)),
    seconds,
    machineAtStart: busyness(),
    errors: [] as string[],
    environment,
  };
}
