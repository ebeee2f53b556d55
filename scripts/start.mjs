#!/usr/bin/env node
// `npm start`: install what is missing, package the extension, start the sandbox world and
// code-server inside the network namespace, forward a host loopback port to it, print the URL,
// stay up until Ctrl-C, clean up.
//   npm start -- [--scenario mixed] [--port 8080] [--skip-setup] [--latency loopback|near|far]
//   --latency (or ACR_SANDBOX_LATENCY): every sandbox host behind a relay with that profile's round
//   trips (sandbox/latency/profiles.ts): near = registry 20 ms, Entra/ARM 40 ms; far = 90 / 150 ms.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { scenario: { type: 'string', default: 'mixed' }, port: { type: 'string', default: '8080' }, 'skip-setup': { type: 'boolean', default: false }, latency: { type: 'string', default: process.env.ACR_SANDBOX_LATENCY || 'loopback' } },
});
const fail = (message) => { console.error(`npm start: ${message}`); process.exit(1); };

const LATENCY = ['loopback', 'near', 'far'];
if (!LATENCY.includes(values.latency)) fail(`unknown latency profile '${values.latency}': use one of ${LATENCY.join(', ')}`);
if (process.getuid?.() !== 0) fail('needs root: the sandbox is a network namespace with its own dockerd (run as root)');
const step = (what, command, args) => {
  console.log(`── ${what}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail(`${what} failed (exit ${r.status})`);
};
if (!values['skip-setup']) step('setup', 'bash', ['scripts/setup.sh']);
step('build and package the extension', 'npm', ['run', '--silent', 'package']);

const scenarios = spawnSync(process.execPath, ['scripts/sandbox.mjs', 'list'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
const known = new Set(scenarios.split('\n').map((l) => l.split(/\s+/)[0]).filter(Boolean));
let scenario = values.scenario;
if (!known.has(scenario)) {
  if (scenario === 'mixed' && known.has('healthy')) scenario = 'healthy';
  else fail(`unknown scenario '${scenario}' (node scripts/sandbox.mjs list)`);
}

const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-start-'));
const socket = join(dir, 'code-server.sock');
const folder = join(dir, 'workspace');
const inside = spawn(process.execPath,
  ['scripts/sandbox.mjs', 'exec', '--', process.execPath, '--import', 'tsx', 'test/harness/serve-workbench.ts', '--scenario', scenario, '--socket', socket, '--folder', folder],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true, env: { ...process.env, ACR_SANDBOX_LATENCY: values.latency } });

let forwarder;
let cleaning = false;
async function cleanup(code) {
  if (cleaning) return;
  cleaning = true;
  console.log('\nstopping …');
  forwarder?.close();
  if (inside.exitCode === null) {
    const exited = new Promise((r) => inside.once('exit', r));
    try { process.kill(-inside.pid, 'SIGTERM'); } catch { /* gone */ }
    const timer = setTimeout(() => { try { process.kill(-inside.pid, 'SIGKILL'); } catch { /* gone */ } }, 30_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void cleanup(0));
process.on('SIGTERM', () => void cleanup(0));
inside.on('exit', (code) => { if (!cleaning) { console.error(`npm start: the sandbox side stopped (exit ${code})`); void cleanup(1); } });

/** Host loopback port -> code-server's unix socket inside the namespace. */
function forward(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((client) => {
      const upstream = net.connect(socket);
      client.pipe(upstream).pipe(client);
      const close = () => { client.destroy(); upstream.destroy(); };
      client.on('error', close);
      upstream.on('error', close);
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

let buffered = '';
inside.stdout.on('data', async (chunk) => {
  process.stdout.write(chunk);
  buffered += chunk;
  if (forwarder || !buffered.includes('ACR_DOCTOR_WORKBENCH_READY')) return;
  forwarder = 'starting';
  if (!existsSync(socket)) fail(`code-server's socket ${socket} is missing`);
  const wanted = Number(values.port);
  forwarder = await forward(wanted).catch(() => forward(0));
  const { port } = forwarder.address();
  if (wanted && port !== wanted) console.log(`port ${wanted} is taken; using ${port}`);
  console.log(`\nACR Doctor is running with the sandbox scenario '${scenario}' (latency ${values.latency}):\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}\n\nCtrl-C stops it.`);
});
