import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** A file of the public pages, read once at start: its bytes, gzip, ETag and a versioned URL. */
export interface Asset {
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@fontsource/noto-naskh-arabic/package.json')), 'files');

export const etagOf = (body: Buffer | string) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

function asset(name: string, file: string, type: string, compress: boolean): Asset {
  const body = readFileSync(file);
  const etag = etagOf(body);
  return {
    url: `/aiuto/static/${name}${compress ? `?v=${etag.slice(1, 11)}` : ''}`,
    type,
    body,
    gzip: compress ? gzipSync(body, { level: 9 }) : null,
    etag,
  };
}

/** Only the Arabic subset of the Arabic font, regular and bold; Latin, Cyrillic and Chinese use the system's fonts. */
const FONTS = ['noto-naskh-arabic-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-700-normal.woff2'];

export const ASSETS = {
  css: asset('aiuto.css', path.join(here, 'static/aiuto.css'), 'text/css; charset=utf-8', true),
  js: asset('exit.js', path.join(here, 'static/exit.js'), 'text/javascript; charset=utf-8', true),
};

/** Every file served under /aiuto/static/, by name. */
export const STATIC_FILES = new Map<string, Asset>([
  ['aiuto.css', ASSETS.css],
  ['exit.js', ASSETS.js],
  ...FONTS.map((f): [string, Asset] => [f, asset(f, path.join(fontDir, f), 'font/woff2', false)]),
]);
