// The CLI's start-up: dist/cli.js as it ships (production build with the project's options,
// scripts/extension-bundles.mjs cliBundle, into a temp dir), its size, and how long a fresh node
// needs to load and evaluate it (`require` with the bin's argv set to --version, stdout muted) next
// to a bare `node -e 0`. Part of every diagnosis's wall time, which bench/diagnosis.ts measures whole.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmtBytes, fmtMs, median, repoRoot, type Figure } from './figure';

const ROOT = repoRoot();

/**
 * Builds the production CLI into `outfile`; an error text or undefined. In a plain node child, as
 * bench/bundle.ts does: under the bench's tsx loader esbuild's async service cannot start.
 */
function productionCli(outfile: string): string | undefined {
  const script = [
    "import { build } from 'esbuild';",
    `import { cliBundle, esbuildOptions } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'extension-bundles.mjs')).href)};`,
    `const root = ${JSON.stringify(ROOT)};`,
    'const { node } = esbuildOptions({ root, production: true });',
    `await build(cliBundle({ root, node: { ...node, logLevel: 'silent' }, outfile: ${JSON.stringify(outfile)} }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return r.status === 0 ? undefined : `bundling failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n')[0]}`.slice(0, 200);
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
