import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerChild {
  port: number;
  pid: number;
  baseUrl: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended */
  stop(graceMs?: number): Promise<Exited>;
}

export interface Exited {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  forced: boolean;
}

/** Resolves when the child exits; a SIGKILL follows SIGTERM after `graceMs`. */
export function terminate(child: ChildProcess, graceMs = 10_000): Promise<Exited> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ ms: 0, code: child.exitCode, signal: child.signalCode, forced: false });
      return;
    }
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, signal, forced });
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs a bench server (a .ts file under bench/servers) in its own Node process, as the app runs in
 * production, so that the load generator does not share its event loop. The child sends
 * { port } over IPC once it listens on 127.0.0.1.
 */
export function startServer(
  file: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
  timeoutMs = 120_000,
): Promise<ServerChild> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'bench', 'servers', file)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // stdout (pino's log lines) goes to /dev/null: what logging costs is the serialising, kept;
    // stderr stays visible for crashes.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited early with code ${code}`));
    });
    child.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      const port = Number(message.port);
      resolve({
        port,
        pid: child.pid ?? -1,
        baseUrl: `http://127.0.0.1:${port}`,
        stop: (graceMs) => terminate(child, graceMs),
      });
    });
  });
}
