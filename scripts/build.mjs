#!/usr/bin/env node
// Bundles with esbuild: the extension, the CLI, the webview scripts and the extension-host tests.
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const at = (...p) => join(root, ...p);

/** Files under `dir` (relative to root) whose names end with `suffix`. */
function filesUnder(dir, suffix) {
  if (!existsSync(at(dir))) return [];
  return readdirSync(at(dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)));
}

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: production,
  // The Azure SDKs and MSAL tell errors and classes apart by name: minified names break that.
  keepNames: true,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Keep class names: node-fetch (under @azure/ms-rest-js, the Resource Graph client) accepts a
  // signal only if its class is named exactly `AbortSignal`; esbuild's renaming (AbortSignal2)
  // made every Resource Graph query fail inside the bundle ("Expected signal to be an instanceof
  // AbortSignal") and fall back to one call per subscription.
  keepNames: true,
};
// ssh2 (under dockerode) loads optional native helpers inside try/catch and falls back to
// JavaScript: leave them out of the bundle rather than fail on `.node` files.
const nodeExternals = ['vscode', 'cpu-features', '*.node'];
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: nodeExternals };

const cliEntry = ['src/cli/main.ts', 'src/cli/index.ts'].find((f) => existsSync(at(f)));
const webviewEntries = filesUnder('src/webview', '.ts').filter((f) => dirname(f) === 'src/webview' && !f.endsWith('.d.ts'));
const testEntries = filesUnder('test/extension', '.ts');

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  cliEntry && { ...node, entryPoints: [cliEntry], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  webviewEntries.length && {
    ...common, platform: 'browser', target: 'es2022', format: 'iife',
    entryPoints: webviewEntries, outdir: 'dist/media',
    // CSS imported by webview scripts (e.g. @vscode/codicons) comes along with its font.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' }, assetNames: '[name]',
  },
  // Not shipped (.vscodeignore): one file per test so index.ts can find them; mocha stays external
  // and resolves from the repository's node_modules at run time.
  !production && testEntries.length && {
    ...node, entryPoints: testEntries, outbase: 'test/extension', outdir: 'dist/test/extension',
    external: [...nodeExternals, 'mocha'],
  },
].filter(Boolean);

const started = Date.now();
// Only what these bundles write: a production build (npm run package) keeps dist/test.
for (const { outfile, outdir } of builds) {
  for (const out of outfile ? [outfile, `${outfile}.map`] : [outdir]) rmSync(at(out), { recursive: true, force: true });
}
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('[build] watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (cliEntry) chmodSync(at('dist/cli.js'), 0o755);
  console.log(`[build] ${builds.length} bundles${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}
