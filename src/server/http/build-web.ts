import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST } from './web.ts';

/** `npm start` on a fresh clone builds the UI once; later starts reuse dist/web. */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(path.join(WEB_DIST, 'index.html')) || process.env.PERCORSI_SKIP_WEB_BUILD === '1') return;
  const { build } = await import('vite');
  const configFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/vite.config.ts');
  console.log('Building the web interface (first start only)…');
  await build({ configFile, logLevel: 'warn' });
}
