#!/usr/bin/env node
// `npm run corpus`: every sandbox scenario met by every real client on this machine (docker, podman,
// skopeo, buildah, az acr login / repository, curl), their error texts recorded, redacted, with the
// scenario's cause under test/data/explain-corpus/ (test/integration/corpus/record.ts).
//   node scripts/corpus.mjs [--only scenario,…] [--clients docker,podman,…]
// Needs root (the sandbox's network namespace); re-runs itself inside it.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

process.env.ACR_SANDBOX_NETNS ||= 'acrcorpus';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);
const { values } = parseArgs({ options: { only: { type: 'string' }, clients: { type: 'string' } } });

if (process.getuid?.() !== 0) {
  console.error('npm run corpus needs root: it starts the sandbox (network namespace, dockerd, nftables).');
  process.exit(2);
}
const netns = await load('sandbox/netns.ts');
if (!netns.insideNamespace()) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'sandbox.mjs'), 'exec', '--', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { scenarioNames } = await load('sandbox/scenarios/index.ts');
const rec = await load('test/integration/corpus/record.ts');
const { startWorld } = await load('sandbox/world.ts');
const all = scenarioNames();
const names = values.only ? values.only.split(',').map((s) => s.trim()) : all;
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) { console.error(`unknown scenario(s): ${unknown.join(', ')} (node scripts/sandbox.mjs list)`); process.exit(2); }

const world = await startWorld({ scenario: 'healthy' });
let stopping = false;
const stop = async () => { if (stopping) return; stopping = true; await world.stop(); };
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { void stop().then(() => process.exit(130)); });
let summary;
try {
  summary = await rec.recordCorpus(world, names, console.log, values.clients?.split(',').map((s) => s.trim()));
} finally {
  await stop();
}
const file = rec.writeSummary(summary);
console.log(`corpus: ${summary.written} texts from ${names.length} scenarios written; outcomes in ${path.relative(root, file)}`);
