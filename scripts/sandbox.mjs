#!/usr/bin/env node
// The sandbox launcher.
//   npm run sandbox -- --scenario <name>      start the world, print hosts/env/URLs, stay up until Ctrl-C/SIGTERM
//   node scripts/sandbox.mjs exec -- <cmd…>   run a command inside the network namespace acrsbx (exit code passed on)
//   node scripts/sandbox.mjs list             list the scenarios
//   node scripts/sandbox.mjs teardown         remove the namespace and its /etc files
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);

const HELP = `ACR Doctor sandbox: a local Azure Container Registry world with real parts.

Usage:
  npm run sandbox -- [--scenario <name>]     start the world (default scenario: mixed) and keep it up
                                             until Ctrl-C / SIGTERM; prints hosts, client env, URLs
  node scripts/sandbox.mjs exec -- <cmd…>    run <cmd> inside the network namespace acrsbx
                                             (e.g. tests: exec -- npx mocha --import=tsx 'test/integration/**/*.test.ts')
  node scripts/sandbox.mjs list              list the scenarios (name, cause, check-health code)
  node scripts/sandbox.mjs teardown          delete the namespace and /etc/netns/acrsbx
  node scripts/sandbox.mjs --help

Needs root (network namespaces, nftables, dockerd). See sandbox/README.md.`;

function notRoot() {
  console.error('The sandbox needs root: it creates the network namespace acrsbx, runs dockerd and nftables.\n' +
    'Run it as root (e.g. `sudo node scripts/sandbox.mjs …`).');
  process.exit(2);
}

function runInherit(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    const fwd = (sig) => { try { child.kill(sig); } catch { /* gone */ } };
    process.on('SIGTERM', fwd); process.on('SIGINT', () => { /* the child gets the terminal's SIGINT itself */ }); process.on('SIGHUP', fwd);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 1 : 1)));
    child.on('error', (e) => { console.error(`cannot run ${cmd}: ${e.message}`); resolve(127); });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) { console.log(HELP); return 0; }
  const cmd = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'run';

  if (cmd === 'list') {
    const { SCENARIOS, COMBINATIONS } = await load('sandbox/scenarios/index.ts');
    for (const s of SCENARIOS) {
      const i = s.info;
      console.log(`${i.name.padEnd(34)} ${(i.expectedCause ?? '-').padEnd(42)} ${(i.checkHealthCode ?? '').padEnd(34)} ${i.seed}${i.section ? '#' + i.section : ''}`);
    }
    console.log(`\ncombinations (any a+b works): ${COMBINATIONS.join(', ')}`);
    return 0;
  }

  if (process.getuid?.() !== 0) notRoot();
  const netns = await load('sandbox/netns.ts');

  if (cmd === 'teardown') { netns.teardownNamespace(); console.log(`namespace ${netns.NETNS} removed`); return 0; }

  if (cmd === 'exec') {
    const i = argv.indexOf('--');
    const rest = i >= 0 ? argv.slice(i + 1) : argv.slice(1);
    if (!rest.length) { console.error('usage: node scripts/sandbox.mjs exec -- <command…>'); return 2; }
    if (netns.insideNamespace()) return runInherit(rest[0], rest.slice(1));
    // The namespace lasts as long as some launcher uses it: the last one out removes it.
    const release = netns.holdNamespace();
    netns.ensureNamespace();
    try { return await runInherit('ip', ['netns', 'exec', netns.NETNS, ...rest]); } finally { release(); }
  }

  if (cmd === 'run') {
    const si = argv.indexOf('--scenario');
    const scenario = si >= 0 ? argv[si + 1] : 'mixed';
    if (!scenario) { console.error('--scenario needs a name (see `node scripts/sandbox.mjs list`)'); return 2; }
    const { getScenario } = await load('sandbox/scenarios/index.ts');
    if (!getScenario(scenario)) { console.error(`unknown scenario '${scenario}' (see \`node scripts/sandbox.mjs list\`)`); return 2; }
    if (!netns.insideNamespace()) {
      const release = netns.holdNamespace();
      netns.ensureNamespace();
      try { return await runInherit('ip', ['netns', 'exec', netns.NETNS, process.execPath, fileURLToPath(import.meta.url), 'run', '--scenario', scenario]); } finally { release(); }
    }
    const { startWorld } = await load('sandbox/world.ts');
    const t0 = Date.now();
    const world = await startWorld({ scenario });
    let stopping = false;
    const stop = async (sig) => {
      if (stopping) return; stopping = true;
      console.log(`\n${sig}: stopping the sandbox…`);
      await world.stop();
      console.log('sandbox stopped, temp files removed');
      process.exit(0);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGHUP', () => stop('SIGHUP'));
    const env = world.clientEnv();
    const show = ['DOCKER_HOST', 'DOCKER_CONFIG', 'NODE_EXTRA_CA_CERTS', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_AUTHORITY_HOST', 'ACR_DOCTOR_ARM_ENDPOINT', 'HTTPS_PROXY'];
    console.log(`sandbox up in ${Date.now() - t0} ms — scenario ${world.scenario.name}: ${world.scenario.description}`);
    if (world.scenario.expectedCause) console.log(`expected cause: ${world.scenario.expectedCause}${world.scenario.checkHealthCode ? ` (${world.scenario.checkHealthCode})` : ''}`);
    console.log(`\nhosts (inside netns ${netns.NETNS}):`);
    for (const [n, a] of Object.entries(world.hosts)) console.log(`  ${a.padEnd(12)} ${n}`);
    console.log('\nclient environment:');
    for (const k of show) if (env[k]) console.log(`  ${k}=${env[k]}`);
    console.log('  AZURE_CLIENT_SECRET=<redacted> (world.secrets())');
    console.log(`\nURLs: https://${world.loginServer}/v2/  ${world.azure.armEndpoint}  ${world.azure.authorityHost}${world.armServed ? '' : '  (ARM simulator not available yet)'}`);
    console.log(`try:  ${netns.NETNS === 'acrsbx' ? '' : `ACR_SANDBOX_NETNS=${netns.NETNS} `}node scripts/sandbox.mjs exec -- env DOCKER_HOST=${env.DOCKER_HOST} DOCKER_CONFIG=${env.DOCKER_CONFIG} /usr/bin/docker pull ${world.loginServer}/hello:v1`);
    console.log('\nCtrl-C to stop.');
    await new Promise(() => { /* until a signal */ });
  }

  console.error(`unknown command '${cmd}'\n\n${HELP}`);
  return 2;
}

main().then((code) => process.exit(code ?? 0), (e) => { console.error(e?.stack ?? String(e)); process.exit(1); });
