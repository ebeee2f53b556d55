// Extension activation time: a fresh node process loads the production bundle and awaits
// activate() against a VS Code API stand-in; median of several runs. (The real extension host
// adds its own work around this; this is the part the extension controls.)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fmtMs, median, type Figure } from './figure';
import { repoRoot } from './figure';
import { productionBundle } from './bundle';

const ROOT = repoRoot();

export function benchActivation(runs = 7): Figure[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-act-'));
  try {
    const bundle = path.join(out, 'extension.js');
    const buildError = productionBundle(bundle);
    if (buildError) return [{ figure: 'extension activation', value: 'build failed', note: buildError }];
    // The bundle requires its node_modules-free self; run it from the repo so relative assets resolve.
    const results: { loadMs: number; activateMs: number; error?: string }[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'activation-child.cjs'), bundle], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      try { results.push(JSON.parse(r.stdout)); } catch { return [{ figure: 'extension activation', value: 'could not run', note: (r.stderr || r.stdout).slice(0, 200) }]; }
    }
    const total = median(results.map((r) => r.loadMs + r.activateMs));
    const err = results.find((r) => r.error)?.error;
    return [{
      figure: 'extension activation (bundle load + activate())',
      value: `${fmtMs(total)} (load ${fmtMs(median(results.map((r) => r.loadMs)))} + activate ${fmtMs(median(results.map((r) => r.activateMs)))})`,
      goal: '< 50 ms', met: total < 50 && !err,
      note: `median of ${runs} fresh node processes, VS Code API stubbed${err ? `; activate() threw with the stub: ${err.slice(0, 80)}` : ''}`,
    }];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
