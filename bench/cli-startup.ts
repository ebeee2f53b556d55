// The CLI's start-up: dist/cli.js as it ships (production build with the project's options,
// scripts/extension-bundles.mjs cliBundle, into a temp dir), its size, and how long a fresh node
// needs to load and evaluate it (`require` with the bin's argv set to --version, stdout muted) next
// to a bare `node -e 0`. Part of every diagnosis's wall time, which bench/diagnosis.ts measures whole.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildInChild } from './bundle';
import { fmtBytes, fmtMs, median, type Figure } from './figure';

/** Builds the production CLI into `outfile`; an error text or undefined. */
function productionCli(outfile: string): string | undefined {
  return buildInChild(`[bundles.cliBundle({ root, node, outfile: ${JSON.stringify(outfile)} })]`);
}

/** Runs `node -e code` and gives what it wrote to stderr and its wall time. */
function nodeEval(code: string): Promise<{ stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('close', () => resolve({ stderr, ms: performance.now() - t0 }));
  });
}

export async function benchCliStartup(runs = 9): Promise<Figure[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-cli-'));
  try {
    const cli = path.join(out, 'cli.js');
    const err = productionCli(cli);
    if (err) return [{ figure: 'CLI dist/cli.js (production)', value: 'build failed', note: err }];
    const load = `process.argv = [process.argv[0], ${JSON.stringify(cli)}, '--version']; process.stdout.write = () => true;
      const t = performance.now(); require(${JSON.stringify(cli)}); process.stderr.write(String(performance.now() - t));`;
    const required: number[] = []; const whole: number[] = []; const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await nodeEval(load);
      required.push(Number(r.stderr)); whole.push(r.ms);
      bare.push((await nodeEval('0')).ms);
    }
    return [{
      figure: 'CLI dist/cli.js (production): size; node loading it',
      value: `${fmtBytes(fs.statSync(cli).size)}; require ${fmtMs(median(required))}`,
      note: `fresh node, argv --version, median of ${runs}; whole process ${fmtMs(median(whole))} vs bare node -e 0 ${fmtMs(median(bare))}; the Azure SDKs and dockerode are evaluated on first use`,
    }];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
