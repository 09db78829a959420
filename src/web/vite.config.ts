import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), dropDataUriFonts()],
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
