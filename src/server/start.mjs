// `npm start`: the server as one plain Node process, without a TypeScript loader at run time.
//
// The server's TypeScript (src/server, src/shared) is bundled by esbuild (tsx's own compiler) into
// dist/server/build-<hash>/, packages left to Node, and rebuilt only when one of its inputs is newer than the
// bundle: a restart loads a few files instead of resolving and compiling every module through
// tsx's loader (issue 13, issue 11: a restart under 3 s). Each module keeps its own
// `import.meta.url`, so paths next to the sources (migrations, assets, dist/web) resolve as before;
// dynamic imports stay separate chunks, loaded on first use. Stack traces point at the .ts files
// (source maps). Without esbuild, or with PERCORSI_NO_BUNDLE=1, it falls back to tsx in-process.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'dist', 'server');
const CURRENT = path.join(OUT, 'current.json');
const ENTRY = path.join(ROOT, 'src', 'server', 'main.ts');
const KEEP = 5;

/**
 * The current build's folder when none of its inputs (nor this file, nor tsconfig) is newer than it.
 * Builds live in folders named by their content and are never changed once written: a process
 * started from one keeps loading its lazy chunks from it while another starter builds anew.
 */
async function current() {
  try {
    const { dir, inputs, builtAt } = JSON.parse(await readFile(CURRENT, 'utf8'));
    await stat(path.join(OUT, dir, 'main.mjs'));
    const files = [...inputs, 'src/server/start.mjs', 'tsconfig.json'];
    const times = await Promise.all(files.map((f) => stat(path.join(ROOT, f)).then((s) => s.mtimeMs)));
    return times.every((t) => t <= builtAt) ? path.join(OUT, dir) : null;
  } catch {
    return null;
  }
}

async function bundle() {
  const { build } = await import('esbuild');
  // inputs changed while esbuild reads them count as newer than this build
  const builtAt = Date.now();
  const result = await build({
    entryPoints: { main: ENTRY },
    outdir: OUT,
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false, // the sources are beside it: a smaller map to load
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return {
              contents: text.replaceAll('import.meta.url', url),
              loader: args.path.endsWith('x') ? 'tsx' : 'ts',
            };
          });
        },
      },
    ],
  });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
  const name = `build-${hash.digest('hex').slice(0, 12)}`;
  const dir = path.join(OUT, name);
  const tmp = `${dir}.tmp-${process.pid}`;
  for (const file of result.outputFiles) {
    const target = path.join(tmp, path.relative(OUT, file.path));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
  // a concurrent starter may have written the same build: then its copy is used
  await rename(tmp, dir).catch(() => rm(tmp, { recursive: true, force: true }));
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  await writeFile(`${CURRENT}.${process.pid}`, JSON.stringify({ dir: name, inputs, builtAt }));
  await rename(`${CURRENT}.${process.pid}`, CURRENT);
  // older builds beyond the last few go (a long-running process may still load chunks from a recent one)
  const builds = [];
  for (const entry of await readdir(OUT)) {
    if (/^build-[0-9a-f]{12}$/.test(entry) && entry !== name)
      builds.push({ entry, at: (await stat(path.join(OUT, entry))).mtimeMs });
  }
  builds.sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP - 1)) await rm(path.join(OUT, old.entry), { recursive: true, force: true });
  return dir;
}

let dir = null;
if (process.env.PERCORSI_NO_BUNDLE !== '1') {
  try {
    dir = (await current()) ?? (await bundle());
  } catch (error) {
    console.warn(`server bundle unavailable (${error?.message ?? error}); loading the TypeScript with tsx`);
  }
}
if (dir) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(path.join(dir, 'main.mjs')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(ENTRY).href);
}
