// Bundle size: the extension's bundles as they ship (production build: minified, no source map),
// built with the project's own options (scripts/extension-bundles.mjs) into a temp dir so the
// working dist/ is untouched. dist/extension.js is what VS Code loads at activation; the lazily
// loaded areas (dist/azure.js, dist/engine.js) are counted too, so moving code does not hide it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error plain ES module without types
import { LAZY_BUNDLES } from '../scripts/extension-bundles.mjs';
import { fmtBytes, type Figure } from './figure';
import { repoRoot } from './figure';

const ROOT = repoRoot();

/** The lazily loaded bundles' file names (azure.js, engine.js), in load order. */
export const LAZY_BUNDLE_FILES: string[] = (LAZY_BUNDLES as string[]).map((name) => `${name}.js`);

/** One more plain node bundle to build next to the extension's (e.g. the extension-host probe). */
export interface ExtraBundle { entry: string; outfile: string }

/**
 * Runs `builds` (a JavaScript expression: an array of esbuild options, with `root`, the production
 * `node` options and scripts/extension-bundles.mjs's exports in scope) in a plain node child
 * process; an error text or undefined. Not in this process: under the bench's tsx loader esbuild's
 * async service is spawned from a path with "?namespace=…" (ENOENT).
 */
export function buildInChild(builds: string): string | undefined {
  const script = [
    "import { build } from 'esbuild';",
    `import * as bundles from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'extension-bundles.mjs')).href)};`,
    `const root = ${JSON.stringify(ROOT)};`,
    "const node = { ...bundles.esbuildOptions({ root, production: true }).node, logLevel: 'silent' };",
    `await Promise.all((${builds}).map((o) => build(o)));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return r.status === 0 ? undefined : `bundling failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n')[0]}`.slice(0, 200);
}

/** Builds the production extension bundles (extension.js and the lazy ones), and `extra` bundles, into `outdir`. */
export async function productionBundles(outdir: string, extra: ExtraBundle[] = []): Promise<string | undefined> {
  return buildInChild(`[...bundles.extensionBundles({ root, node, outdir: ${JSON.stringify(outdir)} }),
    ...${JSON.stringify(extra)}.map((x) => ({ absWorkingDir: root, entryPoints: [x.entry], outfile: x.outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'silent' }))]`);
}

export async function benchBundle(): Promise<Figure[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-bundle-'));
  try {
    const err = await productionBundles(out);
    if (err) return [{ figure: 'extension bundle (production)', value: 'build failed', note: err }];
    const size = (f: string) => fs.statSync(path.join(out, f)).size;
    const ext = size('extension.js');
    const lazy = LAZY_BUNDLE_FILES.map((f) => ({ f, bytes: size(f) }));
    const all = ext + lazy.reduce((n, l) => n + l.bytes, 0);
    const figures: Figure[] = [{
      figure: 'extension bundle dist/extension.js (production, minified; loaded at activation)',
      value: fmtBytes(ext), goal: '< 1 MB', met: ext < 1024 * 1024,
      note: `loaded on first use: ${lazy.map((l) => `${l.f} ${fmtBytes(l.bytes)}`).join(', ')}; all extension JS ${fmtBytes(all)} (CLI and webview scripts apart)`,
    }];
    const vsix = path.join(ROOT, 'artifacts', 'acr-doctor.vsix');
    if (fs.existsSync(vsix)) figures.push({ figure: 'packaged .vsix (from the last npm test / npm run package)', value: fmtBytes(fs.statSync(vsix).size), note: fs.statSync(vsix).mtime.toISOString().slice(0, 16) });
    return figures;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
