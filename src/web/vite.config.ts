import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { purgeUnusedCss } from './purge-css.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
const api = 'http://127.0.0.1:3000';

/**
 * bootstrap-italia.min.css embeds the VideoJS icon font as a data: URI, which the CSP
 * (font-src 'self') blocks and which we never use: drop that @font-face.
 */
function dropDataUriFonts(): Plugin {
  return {
    name: 'percorsi-drop-data-uri-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/bootstrap-italia[\\/]dist[\\/]css[\\/].*\.css(\?|$)/.test(id)) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*url\(\s*["']?data:[^}]*\}/g, ''), map: null };
    },
  };
}

/**
 * Writes `x.br` and `x.gz` beside each text file of the build (the server sends them with
 * Content-Encoding, `http/web.ts`): compressed once at build time at the best level, never per
 * request. Files that do not shrink by compression are left alone.
 */
function precompress(): Plugin {
  const text = /\.(js|css|html|svg|json|txt)$/;
  let dir = outDir;
  return {
    name: 'percorsi-precompress',
    apply: 'build',
    configResolved(config) {
      dir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !text.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const raw = readFileSync(file);
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), dropDataUriFonts(), purgeUnusedCss(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Never inline assets as data: URIs: fonts are only allowed from 'self' by the CSP,
    // and SVG sprites referenced by <use href> must be real files.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
