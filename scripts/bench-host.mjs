#!/usr/bin/env node
// Only the real-extension-host part of `npm run bench` (bench/extension-host.ts), which measures the CLI's
// healthy diagnosis beside it on the same world, so host work can be measured without the whole
// bench (az, fuzz, listing). Runs in ACR_SANDBOX_NETNS (default acrbench-host) like scripts/bench.mjs.
//   node scripts/bench-host.mjs            prints the figures, writes artifacts/bench-host.md
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

process.env.ACR_SANDBOX_NETNS ||= 'acrbench-host';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);
const log = (s) => console.log(s);

if (process.getuid?.() !== 0) { console.error('bench-host: needs root (the sandbox world).'); process.exit(2); }
const netns = await load('sandbox/netns.ts');
if (!netns.insideNamespace()) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'sandbox.mjs'), 'exec', '--', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { benchExtensionHost } = await load('bench/extension-host.ts');
const { startWorld } = await load('sandbox/world.ts');
log('[bench-host] starting the sandbox world …');
const world = await startWorld({ scenario: 'healthy' });
const figures = [];
try {
  figures.push(...await benchExtensionHost(world, log));
} finally {
  await world.stop();
}
const rows = figures.map((f) => `| ${[f.figure, f.value, f.goal ?? '', f.met === undefined ? '' : f.met ? '✓' : '✗', f.note ?? ''].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
const md = ['| figure | value | goal | met | how / note |', '|---|---|---|---|---|', ...rows].join('\n');
console.log(`\n${md}`);
const artifacts = process.env.ACR_DOCTOR_ARTIFACTS ?? path.join(root, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
fs.writeFileSync(path.join(artifacts, 'bench-host.md'), `# ACR Doctor benchmark, real extension host only\n\n${md}\n`);
