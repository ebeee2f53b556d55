#!/usr/bin/env node
// `npm run matrix`: every sandbox scenario (and the named combinations) through the real CLI, with
// `az acr check-health`'s verdict beside it; prints a table and writes artifacts/matrix.md (+ .json).
//   node scripts/matrix.mjs [--only a,b] [--no-check-health]
// az is signed in to the sandbox's Entra/ARM simulator once (test/integration/matrix/az-check-health.ts);
// MATRIX_AZ_TIMEOUT_S (default 30) is its limit per scenario (check-health hangs on a black hole).
// Needs root (the sandbox's network namespace); re-runs itself inside it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);
const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-check-health': { type: 'boolean', default: false } } });

if (process.getuid?.() !== 0) {
  console.error('npm run matrix needs root: it starts the sandbox (network namespace acrsbx, dockerd, nftables).');
  process.exit(2);
}
const netns = await load('sandbox/netns.ts');
if (!netns.insideNamespace()) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'sandbox.mjs'), 'exec', '--', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.log('building dist/cli.js …');
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) process.exit(2);
}

const m = await load('test/integration/matrix/fault-matrix.ts');
const azch = await load('test/integration/matrix/az-check-health.ts');
const { startWorld } = await load('sandbox/world.ts');
const names = values.only ? values.only.split(',').map((s) => s.trim()) : m.allScenarios();
const withCheckHealth = !values['no-check-health'] && azch.azBinary() !== undefined;
if (!values['no-check-health'] && !withCheckHealth) console.log('(az not found — Debian package azure-cli: no check-health column)');

const world = await startWorld({ scenario: 'healthy' });
let stopping = false;
const stop = async () => { if (stopping) return; stopping = true; await world.stop(); };
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { void stop().then(() => process.exit(130)); });
const rows = [];
let azSession;
try {
  await m.seedHello(world);
  if (withCheckHealth) {
    // Sign az in to the sandbox's Entra/ARM once (custom cloud, service principal), in the healthy world.
    azSession = await azch.azSignIn(world);
    console.log(azSession.signedIn ? `az signed in to the sandbox in ${(azSession.loginMs / 1000).toFixed(1)} s` : `az could not sign in (check-health runs without ARM): ${azSession.loginError}`);
  }
  for (const name of names) {
    const row = await m.runScenario(world, name, { checkHealth: withCheckHealth });
    rows.push(row);
    console.log(`${row.ok ? 'ok  ' : 'FAIL'} ${name.padEnd(44)} first: ${String(row.first ?? '(none)').padEnd(44)} ${(row.ms / 1000).toFixed(1)} s${row.checkHealth ? `   az: ${m.azVerdict(row.checkHealth)} ${(row.checkHealth.ms / 1000).toFixed(1)} s` : ''}${row.ok ? '' : `   ← ${row.why}`}`);
  }
} finally {
  await stop();
}
console.log(`\n${m.matrixText(rows, withCheckHealth)}\n`);
const file = m.writeMatrixArtifacts(rows, withCheckHealth, azSession);
if (withCheckHealth) console.log(m.azSummary(rows, azSession));
const ok = rows.filter((r) => r.ok).length;
console.log(`matrix: ${ok}/${rows.length} scenarios diagnosed as expected; written to ${path.relative(root, file)}`);
process.exit(ok === rows.length ? 0 : 1);
