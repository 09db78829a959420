import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './child.ts';
import { diagnose, printDiagnostics } from './diagnose.ts';
import { prepareRead } from './http-read.ts';
import { busyness } from './proc.ts';

/** `npm run bench -- --diagnose` (about 90 s): the variants of diagnose.ts on a fresh database. */
const started = performance.now();
const say = (text: string) => console.log(`[diagnose ${((performance.now() - started) / 1000).toFixed(1)} s] ${text}`);
const atStart = busyness();
say('creating, migrating and seeding a fresh PostgreSQL database…');
const setup = await prepareRead();
try {
  const list = await diagnose(setup, say);
  printDiagnostics(list);
  const machine = { start: atStart, end: busyness() };
  console.log(
    `load average (1 min) at start / end: ${machine.start.loadAverage} / ${machine.end.loadAverage} on ${machine.start.cores} cores`,
  );
  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'diagnose.json');
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, organisation: setup.organisation, runs: list }, null, 2)}\n`,
  );
  console.log(`written ${path.relative(process.cwd(), file)}`);
} finally {
  await setup.bench.drop();
}
