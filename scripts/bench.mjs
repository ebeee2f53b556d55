#!/usr/bin/env node
// npm run bench — every figure from the same run, in ONE table (not part of npm test's pass/fail):
//   per latency profile (loopback, near, far: sandbox/latency/profiles.ts), in its own world:
//   diagnosis vs az acr check-health (healthy, black hole, an image pull) and vs the critical path   bench/diagnosis.ts
//   10 000-registry listing (time + ARM calls)                                       bench/listing.ts
//   peak memory of a diagnosis                                                      bench/memory.ts
//   the real extension host (code-server + Chromium): activation, first/second diagnosis with its trace
//   (artifacts/extension-host-trace.txt), first finding, memory; scripts/bench-host.mjs runs it alone  bench/extension-host.ts
//   extension activation, bundle size                                               bench/activation.ts, bench/bundle.ts
//   the CLI's bundle size and load time                                             bench/cli-startup.ts
//   explain against its corpus: ranked first / top 3 per client, time per text      bench/explain.ts
//   fuzz: every parser × FUZZ_RUNS (default 10 000) inputs; a 1 MB hostile file per kind  bench/fuzz.ts
// Writes artifacts/bench.md and, with --readme, the README's benchmark section.
// Runs the sandbox in its own namespace (ACR_SANDBOX_NETNS, default acrbench) so a test run can go on.
//   node scripts/bench.mjs [--readme] [--skip-fuzz]
//   env: BENCH_PROFILES=loopback,near,far  BENCH_HOST_PROFILES=loopback,near (the real host's rows)  BENCH_CASES=healthy,black-hole,image  BENCH_RUNS=3  FUZZ_RUNS=10000  BENCH_AZ_TIMEOUT_MS=90000
//        BENCH_ONLY=profiles,activation,bundle,cli,explain,fuzz  (some parts only; e.g. BENCH_ONLY=explain needs no sandbox)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

process.env.ACR_SANDBOX_NETNS ||= 'acrbench';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);
const { values } = parseArgs({ options: { readme: { type: 'boolean', default: false }, 'skip-fuzz': { type: 'boolean', default: false } } });
const log = (s) => console.log(s);

if (process.getuid?.() !== 0) { console.error('bench: needs root (the sandbox world runs dockerd, nftables, a network namespace).'); process.exit(2); }
const netns = await load('sandbox/netns.ts');
if (!netns.insideNamespace()) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'sandbox.mjs'), 'exec', '--', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  log('[bench] building dist/cli.js …');
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(2);
}

const started = new Date();
const load1 = os.loadavg()[0];
const figures = [];
const { benchDiagnosis, DEFAULT_CASES } = await load('bench/diagnosis.ts');
const { PROFILES } = await load('sandbox/latency/profiles.ts');
const { benchListing } = await load('bench/listing.ts');
const { benchMemory } = await load('bench/memory.ts');
const { benchExtensionHost } = await load('bench/extension-host.ts');
const { benchActivation } = await load('bench/activation.ts');
const { benchBundle } = await load('bench/bundle.ts');
const { benchCliStartup } = await load('bench/cli-startup.ts');
const { benchFuzz } = await load('bench/fuzz.ts');
const { benchExplain } = await load('bench/explain.ts');
const { startWorld } = await load('sandbox/world.ts');
const { benchScale } = await load('bench/scale.ts');

const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
const part = (name) => !only || only.includes(name);
const profiles = (part('profiles') ? process.env.BENCH_PROFILES ?? 'loopback,near,far' : '').split(',').map((s) => s.trim()).filter(Boolean);
for (const p of profiles) if (!PROFILES[p]) { console.error(`bench: unknown latency profile '${p}' (${Object.keys(PROFILES).join(', ')})`); process.exit(2); }
const hostProfiles = (process.env.BENCH_HOST_PROFILES ?? 'loopback,near').split(',').map((s) => s.trim());
const caseKeys = (process.env.BENCH_CASES ?? DEFAULT_CASES.map((c) => c.key).join(',')).split(',').map((s) => s.trim());
const cases = DEFAULT_CASES.filter((c) => caseKeys.includes(c.key));
const profileLines = [];
for (const name of profiles) {
  const p = PROFILES[name];
  const loadAtStart = os.loadavg()[0];
  const what = name === 'loopback' ? 'no relays' : `registry ${p.registryRttMs} ms, Entra/ARM ${p.azureRttMs} ms, proxy ${p.proxyRttMs} ms round trips`;
  profileLines.push(`\`${name}\` (${what}; load ${loadAtStart.toFixed(1)} at its start)`);
  log(`[bench] starting the sandbox world, latency ${name} …`);
  const world = await startWorld({ scenario: 'healthy', latency: name });
  try {
    figures.push(...await benchDiagnosis(world, cases, Number(process.env.BENCH_RUNS ?? 3), log));
    if (name === 'near' && process.env.BENCH_SCALE !== '0') figures.push(...await benchScale(world, log));
    // Warm runs in the real host on a real-world latency too (issue #20 §3); loopback's host rows come below.
    if (name !== 'loopback' && hostProfiles.includes(name)) {
      try { figures.push(...await benchExtensionHost(world, log, name)); } catch (e) { figures.push({ figure: `${name}, extension host`, value: 'failed', note: String(e?.message ?? e).slice(0, 200) }); }
    }
    if (name === 'loopback') {
      figures.push(...await benchListing(world));
      figures.push(...await benchMemory(world));
      // One part failing (code-server missing, say) must not cost the whole table.
      if (hostProfiles.includes('loopback')) try { figures.push(...await benchExtensionHost(world, log)); } catch (e) { figures.push({ figure: 'extension host', value: 'failed', note: String(e?.message ?? e).slice(0, 200) }); }
    }
  } finally {
    await world.stop();
  }
}
if (part('activation') || part('bundle') || part('cli')) log('[bench] activation and bundle …');
if (part('activation')) figures.push(...await benchActivation());
if (part('bundle')) figures.push(...await benchBundle());
if (part('cli')) figures.push(...await benchCliStartup());
if (part('explain')) figures.push(...benchExplain());
let fuzzStats = [];
if (!values['skip-fuzz'] && part('fuzz')) {
  log(`[bench] fuzzing ${process.env.FUZZ_RUNS ?? 10000} inputs per parser …`);
  const f = await benchFuzz(Number(process.env.FUZZ_RUNS ?? 10000), log);
  figures.push(...f.figures);
  fuzzStats = f.stats;
}

const mark = (f) => (f.met === undefined ? '' : f.met ? '✓' : '✗');
const rows = figures.map((f) => [f.figure, f.value, f.goal ?? '', mark(f), f.note ?? '']);
const head = ['figure', 'value', 'goal', 'met', 'how / note'];
const widths = head.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => r[i].length))));
const line = (r) => r.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join('  ');
const when = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const machine = `${os.cpus().length} cores, node ${process.version}, load average ${load1.toFixed(1)} at the start`;
console.log(`\nACR Doctor benchmark — ${when} — ${machine}\nprofiles: ${profileLines.join('; ')}\n`);
console.log(line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const md = [
  `Measured ${when} on ${machine} (\`npm run bench\`; all figures from one run).`, '',
  `Latency profiles, each its own sandbox world: ${profileLines.join('; ')}.`, '',
  '| figure | value | goal | met | how / note |', '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`), '',
];
if (fuzzStats.length) {
  md.push('<details><summary>fuzz, per parser</summary>', '', '| parser | inputs | slowest input | total | result |', '|---|---|---|---|---|',
    ...fuzzStats.map((s) => `| ${s.name} (\`${s.parser.split(' ')[0]}\`) | ${s.runs} | ${s.maxMs.toFixed(1)} ms | ${(s.totalMs / 1000).toFixed(1)} s | ${s.failure ? `FAILED: ${s.failure.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 300)}` : 'ok'} |`), '', '</details>', '');
}
const artifacts = path.join(process.env.ACR_DOCTOR_ARTIFACTS ?? path.join(root, 'artifacts'));
fs.mkdirSync(artifacts, { recursive: true });
fs.writeFileSync(path.join(artifacts, 'bench.md'), `# ACR Doctor benchmark\n\n${md.join('\n')}`);
console.log(`\nwritten to ${path.relative(root, path.join(artifacts, 'bench.md'))}`);

if (values.readme) {
  // Only the benchmark section of the README is ours: between the two markers (added once).
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const BEGIN = '<!-- bench:begin -->'; const END = '<!-- bench:end -->';
  const block = `${BEGIN}\n${md.join('\n')}\n${END}`;
  const next = text.includes(BEGIN) && text.includes(END)
    ? text.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), block)
    : `${text.trimEnd()}\n\n## Benchmark\n\n\`npm run bench\` (root; starts its own sandbox) prints one table with every figure below, measured in the same run.\n\n${block}\n`;
  fs.writeFileSync(readme, next);
  console.log('README.md benchmark section updated');
}
