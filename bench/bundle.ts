// Bundle size: the extension bundle as it ships (production build: minified, no source map),
// built with the project's own esbuild settings into a temp dir so the working dist/ is untouched.
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fmtBytes, type Figure } from './figure';
import { repoRoot } from './figure';

const ROOT = repoRoot();

/** The production extension bundle, built with scripts/build.mjs's options; an error text or undefined. */
export function productionBundle(outfile: string): string | undefined {
  try {
    buildSync({
      absWorkingDir: ROOT, entryPoints: ['src/extension.ts'], outfile, bundle: true, minify: true, keepNames: true, sourcemap: false,
      platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'cpu-features', '*.node'], legalComments: 'none', logLevel: 'silent',
    });
    return undefined;
  } catch (e) {
    return String((e as Error).message).slice(0, 200);
  }
}

export function benchBundle(): Figure[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-bundle-'));
  try {
    const err = productionBundle(path.join(out, 'extension.js'));
    if (err) return [{ figure: 'extension bundle (production)', value: 'build failed', note: err }];
    const ext = fs.statSync(path.join(out, 'extension.js')).size;
    const figures: Figure[] = [{ figure: 'extension bundle dist/extension.js (production, minified)', value: fmtBytes(ext), goal: '< 1 MB', met: ext < 1024 * 1024 }];
    const vsix = path.join(ROOT, 'artifacts', 'acr-doctor.vsix');
    if (fs.existsSync(vsix)) figures.push({ figure: 'packaged .vsix (from the last npm test / npm run package)', value: fmtBytes(fs.statSync(vsix).size), note: fs.statSync(vsix).mtime.toISOString().slice(0, 16) });
    return figures;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
