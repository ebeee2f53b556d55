// Bundle size: the extension's bundles as they ship (production build: minified, no source map),
// built with the project's own options (scripts/extension-bundles.mjs) into a temp dir so the
// working dist/ is untouched. dist/extension.js is what VS Code loads at activation; the lazily
// loaded areas (dist/azure.js, dist/engine.js) are counted too, so moving code does not hide it.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// @ts-expect-error plain ES module without types
import { esbuildOptions, extensionBundles, LAZY_BUNDLES } from '../scripts/extension-bundles.mjs';
import { fmtBytes, type Figure } from './figure';
import { repoRoot } from './figure';

const ROOT = repoRoot();

/** The lazily loaded bundles' file names (azure.js, engine.js), in load order. */
export const LAZY_BUNDLE_FILES: string[] = (LAZY_BUNDLES as string[]).map((name) => `${name}.js`);

/** Builds the production extension bundles (extension.js and the lazy ones) into `outdir`; an error text or undefined. */
export async function productionBundles(outdir: string): Promise<string | undefined> {
  try {
    const { node } = esbuildOptions({ root: ROOT, production: true });
    const options = extensionBundles({ root: ROOT, node: { ...node, logLevel: 'silent' }, outdir }) as Parameters<typeof build>[0][];
    await Promise.all(options.map((o) => build(o)));
    return undefined;
  } catch (e) {
    return String((e as Error).message).slice(0, 200);
  }
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
