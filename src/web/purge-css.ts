import { createHash } from 'node:crypto';
import { PurgeCSS } from 'purgecss';
import purgecssPackage from 'purgecss/package.json' with { type: 'json' };

const PURGECSS_VERSION = purgecssPackage.version;
import type { Plugin, Rollup } from 'vite';

type OutputAsset = Rollup.OutputAsset;
type OutputChunk = Rollup.OutputChunk;

/**
 * Classes that components compose at run time (`btn-${color}`, `col-${size}`, `alert-${kind}`…):
 * they never appear whole in the built code, so every rule that mentions one of these families is
 * kept. Checked by looking at every page before and after (see ARCHITECTURE.md, "The UI's assets").
 */
const GREEDY = [
  /^alert/,
  /^stepper/,
  /^steppers/,
  /^icon/,
  /^bg-/,
  /^text-/,
  /^btn/,
  /^badge/,
  /^border/,
  /^table/,
  /^col/,
  /^row/,
  /^d-/,
  /^form/,
  /^was-validated/,
  /^is-/,
  /^has-/,
  /^show/,
  /^fade/,
  /^collaps/,
  /^modal/,
  /^dropdown/,
  /^nav/,
  /^it-/,
  /^chip/,
  /^callout/,
  /^progress/,
  /^spinner/,
  /^visually-hidden/,
  /^focus/,
  /^skiplink/,
  /^active/,
  /^disabled/,
  /^tooltip/,
  /^popover/,
  /^notification/,
  // the observatory's cell marks: `obs-${status}` (TableCard.tsx): obs-small, obs-complementary, obs-no_data
  /^obs-/,
];

const isCss = (f: OutputAsset | OutputChunk): f is OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css');
const text = (f: OutputAsset | OutputChunk) =>
  f.type === 'chunk' ? f.code : typeof f.source === 'string' ? f.source : Buffer.from(f.source).toString('utf8');

/**
 * Drops the CSS rules (mostly Bootstrap Italia's) whose selectors name no class, id or element that
 * the built JavaScript or index.html contains. Each trimmed file is renamed after its new content,
 * since /assets/* is served immutable, and every reference to the old name is rewritten.
 */
export function purgeUnusedCss(): Plugin {
  // What the trimmed CSS depends on: every module of the build (a class used anywhere keeps a rule)
  // and the rule itself. It goes into every chunk's hash: a chunk whose CSS reference changes
  // after hashing must not keep its name, since /assets/* are immutable (the visual check found
  // the entry chunk renamed nothing while pointing at a new CSS file).
  const modules = new Map<string, string>();
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  return {
    name: 'percorsi-purge-unused-css',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      modules.set(id.replace(process.cwd(), ''), sha(code));
      return null;
    },
    augmentChunkHash() {
      const inputs = [...modules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, h]) => `${id}:${h}`);
      return sha([PURGECSS_VERSION, GREEDY.join(','), ...inputs].join('\n')).slice(0, 16);
    },
    async generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const content = files
        .filter((f) => f.type === 'chunk' || f.fileName.endsWith('.html'))
        .map((f) => ({ raw: text(f), extension: f.fileName.endsWith('.html') ? 'html' : 'js' }));
      const renames = new Map<string, string>();
      for (const file of files.filter(isCss)) {
        const [result] = await new PurgeCSS().purge({
          content,
          css: [{ raw: text(file) }],
          fontFace: false,
          keyframes: false,
          variables: false,
          safelist: { standard: [/^:root$/, 'html', 'body'], greedy: GREEDY },
        });
        const css = result?.css ?? text(file);
        const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
        const renamed = file.fileName.replace(/-[A-Za-z0-9_-]{8}\.css$/, `-${hash}.css`);
        delete bundle[file.fileName];
        this.emitFile({ type: 'asset', fileName: renamed, source: css });
        renames.set(file.fileName, renamed);
      }
      for (const f of Object.values(bundle)) {
        if (f.type === 'chunk') {
          for (const [from, to] of renames) f.code = f.code.replaceAll(from, to);
          for (const [from, to] of renames) {
            const css = f.viteMetadata?.importedCss;
            if (css?.delete(from)) css.add(to);
          }
        } else if (f.fileName.endsWith('.html')) {
          let html = text(f);
          for (const [from, to] of renames) html = html.replaceAll(from, to);
          f.source = html;
        }
      }
    },
  };
}
