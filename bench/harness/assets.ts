import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * What a browser transfers for the UI, from the build (dist/web): the login page is index.html's
 * scripts, stylesheets and module preloads with their static imports; a route is a lazy page chunk
 * (`…Page-<hash>.js`) with its static imports not already loaded and the stylesheets named after
 * it. Sizes are the Brotli files the build writes beside each asset (`x.br`), or the asset
 * compressed here the same way (quality 11) when there is none; index.html itself is not counted.
 */
export interface AssetSizes {
  loginKb: number;
  loginFiles: string[];
  largestRoute: { name: string; kb: number; files: string[] } | null;
  routes: number;
  precompressed: boolean;
}

const staticImports = (code: string): string[] =>
  [...code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1] as string);

export function compressedBytes(file: string): { bytes: number; precompressed: boolean } {
  if (existsSync(`${file}.br`)) return { bytes: readFileSync(`${file}.br`).length, precompressed: true };
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return { bytes: Math.min(br.length, raw.length), precompressed: false };
}

/** The file and every file it imports statically, transitively (paths relative to `root`). */
export function closure(root: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(path.join(root, entry))) return seen;
  seen.add(entry);
  if (!entry.endsWith('.js')) return seen;
  const code = readFileSync(path.join(root, entry), 'utf8');
  for (const spec of staticImports(code)) closure(root, path.posix.join(path.posix.dirname(entry), spec), seen);
  return seen;
}

/** The assets index.html loads: scripts, stylesheets, module preloads (paths relative to the build root). */
export function indexAssets(html: string): string[] {
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\bhref="\/?([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g),
  ].map((m) => m[1] as string);
  return [...new Set(refs)].filter((r) => !/^https?:/.test(r));
}

export function measureAssets(root: string): AssetSizes {
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  let precompressed = true;
  const size = (files: Iterable<string>) => {
    let bytes = 0;
    for (const f of files) {
      const c = compressedBytes(path.join(root, f));
      bytes += c.bytes;
      precompressed &&= c.precompressed;
    }
    return bytes / 1024;
  };
  const login = new Set<string>();
  for (const a of indexAssets(html)) closure(root, a, login);
  const assets = readdirSync(path.join(root, 'assets'));
  const pages = assets.filter((f) => /Page-[\w-]+\.js$/.test(f));
  let largest: AssetSizes['largestRoute'] = null;
  for (const page of pages) {
    const files = [...closure(root, `assets/${page}`)].filter((f) => !login.has(f));
    const stem = page.replace(/-[\w]+\.js$/, '');
    files.push(...assets.filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.css')).map((f) => `assets/${f}`));
    const kb = size(files);
    if (!largest || kb > largest.kb) largest = { name: stem, kb, files };
  }
  const loginKb = size(login);
  return {
    loginKb,
    loginFiles: [...login],
    largestRoute: largest ? { ...largest, kb: loginKb + largest.kb } : null,
    routes: pages.length,
    precompressed,
  };
}
