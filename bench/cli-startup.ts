// The CLI's start-up: the bin as it ships (production build with the project's options,
// scripts/extension-bundles.mjs: dist/cli.js, the launcher, and dist/cli-main.js, into a temp dir),
// its size, and how long a fresh node needs to load and evaluate it (`require` with the bin's argv
// set to --version, stdout muted) next to a bare `node -e 0`: with the launcher's code cache (its
// own directory here, filled by a first run) and without it (ACR_DOCTOR_COMPILE_CACHE=0). Part of
// every diagnosis's wall time, which bench/diagnosis.ts measures whole.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildInChild } from './bundle';
import { fmtBytes, fmtMs, median, type Figure } from './figure';
import { CLI } from '../test/integration/matrix/fault-matrix';

/** Builds the production CLI into `dir` (the bin cli.js and cli-main.js), as it ships; an error text or undefined. */
export function productionCli(dir: string): string | undefined {
  const at = (f: string) => JSON.stringify(path.join(dir, f));
  return buildInChild(`[bundles.cliBundle({ root, node, outfile: ${at('cli-main.js')} }), bundles.cliLauncherBundle({ root, node, outfile: ${at('cli.js')} })]`);
}

export interface ShippedCli { cli: string; env: NodeJS.ProcessEnv; what: string; cleanup: () => void }

/**
 * The CLI a user runs: the production bin (dist/cli.js + dist/cli-main.js as they ship) in a temp
 * dir with its own code cache dir; ACR_DOCTOR_CLI (a path) measures another build instead.
 */
export function shippedCli(log: (s: string) => void = () => undefined): ShippedCli {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-bench-cli-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const env = { ACR_DOCTOR_COMPILE_CACHE: path.join(dir, 'cache') };
  const err = process.env.ACR_DOCTOR_CLI ? 'ACR_DOCTOR_CLI is set' : productionCli(dir);
  if (!err) return { cli: path.join(dir, 'cli.js'), env, what: 'production build', cleanup };
  log(`[bench] measuring ${CLI} (${err})`);
  return { cli: CLI, env, what: CLI, cleanup };
}

/** Runs `node -e code` and gives what it wrote to stderr and its wall time. */
function nodeEval(code: string, env: NodeJS.ProcessEnv = {}): Promise<{ stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('close', () => resolve({ stderr, ms: performance.now() - t0 }));
  });
}

export async function benchCliStartup(runs = 9): Promise<Figure[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-cli-'));
  try {
    const cli = path.join(out, 'cli.js');
    const err = productionCli(out);
    if (err) return [{ figure: 'CLI dist/cli.js (production)', value: 'build failed', note: err }];
    const load = `process.argv = [process.argv[0], ${JSON.stringify(cli)}, '--version']; process.stdout.write = () => true;
      const t = performance.now(); require(${JSON.stringify(cli)}); process.stderr.write(String(performance.now() - t) + '\\n');`;
    const cached = { ACR_DOCTOR_COMPILE_CACHE: path.join(out, 'cache'), ACR_DOCTOR_TRACE: '' };
    const uncached = { ACR_DOCTOR_COMPILE_CACHE: '0', ACR_DOCTOR_TRACE: '' };
    await nodeEval(load, cached); // fills the cache, as a user's first run does
    const required: number[] = []; const whole: number[] = []; const cold: number[] = []; const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await nodeEval(load, cached);
      required.push(parseFloat(r.stderr)); whole.push(r.ms);
      cold.push(parseFloat((await nodeEval(load, uncached)).stderr));
      bare.push((await nodeEval('0')).ms);
    }
    return [{
      figure: 'CLI (production): size; node loading it',
      value: `${fmtBytes(fs.statSync(path.join(out, 'cli-main.js')).size)}; require ${fmtMs(median(required))} (no code cache: ${fmtMs(median(cold))})`,
      note: `dist/cli.js (${fmtBytes(fs.statSync(cli).size)}, the bin) runs dist/cli-main.js through a V8 code cache kept in ~/.cache/acr-doctor; fresh node, argv --version, median of ${runs}; whole process ${fmtMs(median(whole))} vs bare node -e 0 ${fmtMs(median(bare))}; the Azure SDKs and dockerode are evaluated on first use`,
    }];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
