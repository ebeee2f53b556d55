// Extension activation time: a fresh node process loads the production dist/extension.js and
// awaits the real activate() against a VS Code API stand-in; median of several runs. (The real
// extension host adds its own work around this; this is the part the extension controls.) The
// lazily loaded areas (dist/azure.js, dist/engine.js) are not part of activation: the child checks
// that activation left them unloaded, then times their first load for the note.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fmtMs, median, type Figure } from './figure';
import { repoRoot } from './figure';
import { LAZY_BUNDLE_FILES, productionBundles } from './bundle';

const ROOT = repoRoot();

interface ChildResult {
  loadMs: number;
  activateMs: number;
  error?: string;
  /** Bundles of the build directory loaded once activate() resolved (only extension.js is expected). */
  loadedAtActivation: string[];
  /** First load of each lazy bundle after activation, in LAZY_BUNDLE_FILES order. */
  lazyMs: Record<string, number>;
}

export async function benchActivation(runs = 7): Promise<Figure[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-act-'));
  try {
    const buildError = await productionBundles(out);
    if (buildError) return [{ figure: 'extension activation', value: 'build failed', note: buildError }];
    // The bundles require their node_modules-free selves; run from the repo so relative assets resolve.
    const results: ChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'activation-child.cjs'), path.join(out, 'extension.js'), ...LAZY_BUNDLE_FILES],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      try { results.push(JSON.parse(r.stdout)); } catch { return [{ figure: 'extension activation', value: 'could not run', note: (r.stderr || r.stdout).slice(0, 200) }]; }
    }
    const total = median(results.map((r) => r.loadMs + r.activateMs));
    const err = results.find((r) => r.error)?.error;
    const early = [...new Set(results.flatMap((r) => r.loadedAtActivation).filter((f) => f !== 'extension.js'))];
    const lazy = LAZY_BUNDLE_FILES.map((f) => `${f} ${fmtMs(median(results.map((r) => r.lazyMs[f] ?? NaN)))}`).join(', ');
    return [{
      figure: 'extension activation (dist/extension.js load + activate())',
      value: `${fmtMs(total)} (load ${fmtMs(median(results.map((r) => r.loadMs)))} + activate ${fmtMs(median(results.map((r) => r.activateMs)))})`,
      goal: '< 50 ms', met: total < 50 && !err && !early.length,
      note: `median of ${runs} fresh node processes, VS Code API stubbed, registries view not shown; ` +
        (early.length ? `activation ALSO loaded ${early.join(', ')}` : `lazily loaded on first use, not in this figure: ${lazy}`) +
        (err ? `; activate() threw with the stub: ${err.slice(0, 80)}` : ''),
    }];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
