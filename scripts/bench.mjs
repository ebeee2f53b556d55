#!/usr/bin/env node
// npm run bench — the engine's speed against its peer and against the critical path, on the same
// sandbox world in the same run (not part of `npm test`'s pass/fail).
//
//   acr-doctor diagnose contoso.azurecr.io --json            (dist/cli.js, built if missing)
//   az acr check-health -n contoso --ignore-errors --yes     (Debian azure-cli, pointed at the sandbox:
//                                                              REQUESTS_CA_BUNDLE, DOCKER_HOST, own AZURE_CONFIG_DIR)
//   critical path: the round trips a diagnosis cannot avoid, measured bare (no engine): the longest of
//     login server: DNS → TCP → TLS → GET /v2/      (black hole: DNS → TCP → the TLS deadline)
//     data endpoint: DNS → TCP → TLS → GET /
//     ARM: Entra token → registry list               (when the world serves ARM)
//
// Runs inside the namespace as root (re-executes itself through scripts/sandbox.mjs exec).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);

const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'healthy,black-hole').split(',').map((s) => s.trim()).filter(Boolean);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const AZ_TIMEOUT_MS = Number(process.env.BENCH_AZ_TIMEOUT_MS ?? 90000);
/** The engine's per-check TLS deadline: what "this host black-holes" costs at the least. */
const TLS_DEADLINE_MS = 3000;

function run(cmd, args, env, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = ''; let err = ''; let killed = false;
    child.stdout.on('data', (b) => { out += b; });
    child.stderr.on('data', (b) => { err += b; });
    const timer = setTimeout(() => { killed = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: 127, out, err: String(e), ms: performance.now() - t0, killed }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out, err, ms: performance.now() - t0, killed }); });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

async function criticalPath(world, scenario) {
  const { resolveHost } = await load('src/core/net/dns.ts');
  const { tcpConnect } = await load('src/core/net/tcp.ts');
  const { httpRequest } = await load('src/core/net/http.ts');
  const ca = [world.caPem];
  async function chain(host, pathname) {
    const t0 = performance.now();
    const signal = AbortSignal.timeout(TLS_DEADLINE_MS + 2000);
    try {
      const r = await resolveHost(host, undefined, signal);
      const c = await tcpConnect(r.addresses[0], 443, signal); c.socket.destroy();
      // One fresh connection for TLS + GET, as a client would open it.
      await httpRequest({ url: `https://${host}${pathname}`, extraCaPem: ca, timeoutMs: TLS_DEADLINE_MS });
      return performance.now() - t0;
    } catch (e) {
      // A black-holed or dropped host costs at least the deadline that proves it.
      return e?.kind === 'timeout' ? Math.max(performance.now() - t0, TLS_DEADLINE_MS) : performance.now() - t0;
    }
  }
  const login = await chain(world.loginServer, '/v2/');
  const dataHost = Object.keys(world.hosts).find((h) => /\.data\.azurecr\.io$/.test(h) && h.startsWith('contoso.'));
  const data = dataHost ? await chain(dataHost, '/') : 0;
  let arm = 0;
  if (world.armServed) {
    const t0 = performance.now();
    try {
      const { ClientSecretCredential } = await import('@azure/identity');
      const a = world.azure;
      const cred = new ClientSecretCredential(a.tenantId, a.clientId, a.clientSecret, { authorityHost: a.authorityHost, disableInstanceDiscovery: true });
      const tok = await cred.getToken('https://management.azure.com/.default');
      await httpRequest({ url: `${a.armEndpoint}/subscriptions/${a.subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01`, extraCaPem: ca, timeoutMs: 5000, headers: { authorization: `Bearer ${tok.token}` } });
      arm = performance.now() - t0;
    } catch { arm = performance.now() - t0; }
  }
  return { ms: Math.max(login, data, arm), parts: { login, data, arm }, scenario };
}

async function inside() {
  const cli = path.join(root, 'dist/cli.js');
  if (!fs.existsSync(cli)) {
    console.log('[bench] building dist/cli.js …');
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const { startWorld } = await load('sandbox/world.ts');
  console.log('[bench] starting the sandbox world …');
  const world = await startWorld({ scenario: 'healthy' });
  const azConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-az-'));
  const rows = [];
  try {
    for (const scenario of SCENARIOS) {
      await world.apply(scenario);
      const env = world.clientEnv();
      // acr-doctor: the bundled CLI, as a user runs it
      const doctor = [];
      let engineMs = [];
      let verdict = '';
      for (let i = 0; i < RUNS; i++) {
        const r = await run(process.execPath, [cli, 'diagnose', world.loginServer, '--json'], env, 60000);
        doctor.push(r.ms);
        try {
          const rep = JSON.parse(r.out);
          engineMs.push(rep.durationMs);
          verdict = rep.causes[0]?.causeId ?? 'healthy';
        } catch { verdict = `exit ${r.code}`; }
      }
      // az acr check-health, pointed at the sandbox as far as it goes (no az login: it derives the
      // login server from the name; REQUESTS_CA_BUNDLE trusts the sandbox CA; docker via DOCKER_HOST).
      const azEnv = { ...env, AZURE_CONFIG_DIR: azConfig, REQUESTS_CA_BUNDLE: world.caFile, AZURE_CORE_COLLECT_TELEMETRY: 'no', AZURE_CORE_ONLY_SHOW_ERRORS: 'no' };
      const az = await run('az', ['acr', 'check-health', '-n', 'contoso', '--ignore-errors', '--yes'], azEnv, AZ_TIMEOUT_MS);
      const azCodes = [...new Set(`${az.out}\n${az.err}`.match(/\b[A-Z]+(?:_[A-Z]+)*_ERROR\b/g) ?? [])];
      const cp = await criticalPath(world, scenario);
      rows.push({ scenario, doctorWall: median(doctor), engine: median(engineMs), az: az.ms, azKilled: az.killed, azCodes, verdict, critical: cp });
      console.log(`[bench] ${scenario}: acr-doctor ${fmt(median(doctor))} (engine ${fmt(median(engineMs))}) → ${verdict}; az ${az.killed ? `> ${fmt(az.ms)} (killed)` : fmt(az.ms)} → ${azCodes.join(', ') || 'no error codes'}; critical path ${fmt(cp.ms)}`);
    }
  } finally {
    await world.stop();
    fs.rmSync(azConfig, { recursive: true, force: true });
  }
  console.log('\n| scenario | acr-doctor (process) | engine | az acr check-health | critical path | az ÷ acr-doctor | acr-doctor ÷ critical | engine ÷ critical | verdicts |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const azText = r.azKilled ? `> ${fmt(r.az)} (killed)` : fmt(r.az);
    const ratio = `${r.azKilled ? '> ' : ''}${(r.az / r.doctorWall).toFixed(1)}×`;
    console.log(`| ${r.scenario} | ${fmt(r.doctorWall)} | ${fmt(r.engine)} | ${azText} | ${fmt(r.critical.ms)} | ${ratio} | ${(r.doctorWall / r.critical.ms).toFixed(2)}× | ${(r.engine / r.critical.ms).toFixed(2)}× | ${r.verdict} / ${r.azCodes.join(' ') || '-'} |`);
  }
  console.log('\nGoals: az ÷ acr-doctor ≥ 5×; engine ÷ critical ≤ 1.5× (acr-doctor (process) adds node start-up).');
  console.log(`Critical path parts (ms): ${rows.map((r) => `${r.scenario}: login ${Math.round(r.critical.parts.login)}, data ${Math.round(r.critical.parts.data)}, arm ${Math.round(r.critical.parts.arm)}`).join('; ')}`);
}

async function main() {
  if (process.getuid?.() !== 0) { console.error('bench: needs root (the sandbox world runs dockerd, nftables, a network namespace).'); return 2; }
  const netns = await load('sandbox/netns.ts');
  netns.ensureNamespace();
  if (!netns.insideNamespace()) {
    const r = spawnSync(process.execPath, [path.join(here, 'sandbox.mjs'), 'exec', '--', process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit' });
    return r.status ?? 1;
  }
  await inside();
  return 0;
}

main().then((c) => process.exit(c), (e) => { console.error(e?.stack ?? e); process.exit(1); });
