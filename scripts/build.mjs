#!/usr/bin/env node
// Bundles with esbuild: the extension (a small dist/extension.js plus lazily loaded areas) and the
// CLI (both in scripts/extension-bundles.mjs), the webview scripts and the extension-host tests.
//   node scripts/build.mjs [--production] [--watch] [--analyze]
// --analyze prints what each extension bundle and the CLI hold (esbuild's metafile analysis).
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundle, cliLauncherBundle, cliMcpBundle, esbuildOptions, extensionBundles } from './extension-bundles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const analyze = process.argv.includes('--analyze');
const at = (...p) => join(root, ...p);

/** Files under `dir` (relative to root) whose names end with `suffix`. */
function filesUnder(dir, suffix) {
  if (!existsSync(at(dir))) return [];
  return readdirSync(at(dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)));
}

// Options every bundle shares (scripts/extension-bundles.mjs, so the benchmark builds the same).
const { common, node, nodeExternals } = esbuildOptions({ root, production });

const cli = cliBundle({ root, node, outfile: 'dist/cli-main.js' });
const cliLauncher = cli && cliLauncherBundle({ root, node, outfile: 'dist/cli.js' });
const cliMcp = cli && cliMcpBundle({ root, node, outfile: 'dist/cli-mcp.js' });
const webviewEntries = filesUnder('src/webview', '.ts').filter((f) => dirname(f) === 'src/webview' && !f.endsWith('.d.ts'));
const testEntries = filesUnder('test/extension', '.ts');

const builds = [
  ...extensionBundles({ root, node, outdir: 'dist' }).map((options) => ({ ...options, metafile: analyze })),
  cli && { ...cli, metafile: analyze },
  cliLauncher,
  cliMcp,
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
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  for (const { metafile } of results) if (metafile) console.log(await esbuild.analyzeMetafile(metafile, { verbose: false }));
  if (cliLauncher) chmodSync(at('dist/cli.js'), 0o755);
  console.log(`[build] ${builds.length} bundles${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}
