#!/usr/bin/env node
// `npm test`: setup, build, then every level — static checks, unit, integration, extension, e2e,
// newcomer (npm start from a fresh clone) —
// each reporting passed/failed/skipped through artifacts/results/<level>.json. Prints a table and
// ends with one line of its own: `tests: N passed, N failed, N skipped`. Exit 1 on any failure or
// on a level that could not run (it counts as failed, with its reason).
//   node scripts/test-all.mjs [--only unit,extension] [--skip-setup]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(process.env.ACR_DOCTOR_ARTIFACTS ?? join(root, 'artifacts'), 'results');
const node = process.execPath;
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const MIN = 60_000;

const { values } = parseArgs({ options: { only: { type: 'string' }, 'skip-setup': { type: 'boolean', default: false } } });
const only = values.only?.split(',').map((s) => s.trim());

/** Inside the network namespace as root (the sandbox engineer's scripts/sandbox.mjs). */
function inSandbox(command) {
  if (process.getuid?.() !== 0) return { cannot: 'needs root (network namespace acrsbx); run npm test as root' };
  if (!existsSync(join(root, 'scripts', 'sandbox.mjs'))) return { cannot: 'scripts/sandbox.mjs (the sandbox launcher) is missing' };
  return { command: [node, join(root, 'scripts', 'sandbox.mjs'), 'exec', '--', ...command] };
}

/** Each static check is one test: [name, command, timeout]. */
const STATIC_CHECKS = [
  ['package a .vsix (production build)', ['npm', 'run', '--silent', 'package'], 3 * MIN],
  ['the .vsix holds no sources, tests or sandbox', [node, 'scripts/check-vsix.mjs', 'artifacts/acr-doctor.vsix'], MIN],
  ['build (development, with extension tests)', [node, 'scripts/build.mjs'], 2 * MIN],
  ['typecheck (tsc --noEmit, strict)', [node, tsc, '-p', 'tsconfig.json', '--noEmit'], 5 * MIN],
  ['lint (eslint: typescript-eslint type-aware rules, src/core and src/cli vscode-free)', [node, 'node_modules/eslint/bin/eslint.js', '.'], 5 * MIN],
];

const LEVELS = [
  { level: 'static', checks: STATIC_CHECKS },
  { level: 'unit', run: () => ({ command: [node, mocha, '--config', 'test/unit/.mocharc.json'] }), timeout: 5 * MIN },
  { level: 'integration', run: () => inSandbox([node, mocha, '--config', 'test/integration/.mocharc.json']), timeout: 25 * MIN },
  { level: 'extension', run: () => inSandbox([node, '--import', 'tsx', 'test/harness/run-extension-tests.ts']), timeout: 16 * MIN },
  { level: 'e2e', run: () => inSandbox([node, mocha, '--config', 'test/e2e/.mocharc.json']), timeout: 20 * MIN },
  // What a newcomer does: a fresh clone, `npm start`, the URL in a browser, Ctrl-C (on the host: it makes its own namespace).
  { level: 'newcomer', run: () => process.getuid?.() === 0 ? { command: [node, mocha, '--config', 'test/newcomer/.mocharc.json'] } : { cannot: 'needs root (npm start runs the sandbox); run npm test as root' }, timeout: 15 * MIN },
];

let current; // the running child, ended on Ctrl-C
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current?.pid) try { process.kill(-current.pid, 'SIGTERM'); } catch { /* gone */ }
    process.exit(130);
  });
}

/** Runs a command in its own process group, output passed through; resolves its exit code. */
function run(command, timeoutMs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true, env: { ...process.env, ...env } });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000).unref();
    }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); resolve({ code: 127, error: error.message }); });
    child.on('exit', (code, signal) => { clearTimeout(timer); current = undefined; resolve({ code: code ?? 1, signal, timedOut }); });
  });
}

function readCounts(level) {
  try {
    const r = JSON.parse(readFileSync(join(resultsDir, `${level}.json`), 'utf8'));
    if ([r.passed, r.failed, r.skipped].every(Number.isInteger)) return r;
  } catch { /* none */ }
  return undefined;
}

async function runStatic({ checks }) {
  const result = { passed: 0, failed: 0, skipped: 0, reasons: [] };
  for (const [name, command, timeout] of checks) {
    console.log(`\n── static: ${name}`);
    const { code, timedOut } = await run(command, timeout);
    if (code === 0) result.passed++;
    else {
      result.failed++;
      result.reasons.push(`${name}: ${timedOut ? 'timed out' : `exit ${code}`}`);
    }
  }
  return result;
}

async function runLevel({ level, run: prepare, timeout }) {
  const plan = prepare();
  if (plan.cannot) return { passed: 0, failed: 1, skipped: 0, reasons: [`could not run: ${plan.cannot}`] };
  rmSync(join(resultsDir, `${level}.json`), { force: true });
  const { code, timedOut, error } = await run(plan.command, timeout, { ACR_DOCTOR_TEST_LEVEL: level });
  const counts = readCounts(level);
  const reasons = [];
  if (counts?.reason) reasons.push(counts.reason);
  if (timedOut) reasons.push(`timed out after ${timeout / MIN} min`);
  if (error) reasons.push(`could not start: ${error}`);
  if (!counts) {
    reasons.push(`exited with ${code} without reporting counts`);
    return { passed: 0, failed: 1, skipped: 0, reasons };
  }
  const result = { passed: counts.passed, failed: counts.failed, skipped: counts.skipped, reasons };
  if (code !== 0 && counts.failed === 0) {
    // Crashed or failed outside any test (e.g. cleanup): still a failure.
    result.failed = 1;
    reasons.push(`exited with ${code} although no test failed`);
  }
  return result;
}

const started = Date.now();
mkdirSync(resultsDir, { recursive: true });
const rows = [];

if (!values['skip-setup']) {
  console.log('── setup');
  const { code } = await run(['bash', join(root, 'scripts', 'setup.sh')], 15 * MIN);
  if (code !== 0) rows.push({ level: 'setup', passed: 0, failed: 1, skipped: 0, seconds: 0, reasons: [`scripts/setup.sh exited with ${code}`] });
}

for (const spec of LEVELS) {
  if (only && !only.includes(spec.level)) continue;
  console.log(`\n══ ${spec.level} ══`);
  const t0 = Date.now();
  const result = spec.checks ? await runStatic(spec) : await runLevel(spec);
  rows.push({ level: spec.level, ...result, seconds: Math.round((Date.now() - t0) / 1000) });
}

const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
const pad = (s, n) => String(s).padStart(n);
console.log(`\n${'level'.padEnd(12)}${pad('passed', 8)}${pad('failed', 8)}${pad('skipped', 9)}${pad('time', 8)}`);
for (const r of rows) {
  console.log(`${r.level.padEnd(12)}${pad(r.passed, 8)}${pad(r.failed, 8)}${pad(r.skipped, 9)}${pad(`${r.seconds}s`, 8)}`);
  for (const reason of r.reasons ?? []) console.log(`${''.padEnd(12)}↳ ${reason}`);
}
console.log(`${'all'.padEnd(12)}${pad(total.passed, 8)}${pad(total.failed, 8)}${pad(total.skipped, 9)}${pad(`${Math.round((Date.now() - started) / 1000)}s`, 8)}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
