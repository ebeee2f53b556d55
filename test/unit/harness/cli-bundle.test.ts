import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
// @ts-expect-error plain ES module without types
import { cliBundle, esbuildOptions } from '../../../scripts/extension-bundles.mjs';
import pkg from '../../../package.json';

const root = path.resolve(__dirname, '..', '..', '..');
const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input)?.[1];

/** Runs `node <args>` (asynchronously) and gives its exit code and output. */
function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI bundle (scripts/extension-bundles.mjs cliBundle)', function () {
  this.timeout(120_000);
  let dir: string;
  let cli: string;
  let inputs: string[];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-cli-bundle-'));
    cli = path.join(dir, 'cli.js');
    const { node: options } = esbuildOptions({ root, production: true });
    const { metafile } = await build({ ...cliBundle({ root, node: { ...options, logLevel: 'silent' }, outfile: cli }), metafile: true });
    inputs = Object.keys(Object.values((metafile as Metafile).outputs)[0]!.inputs);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves out what ACR Doctor never runs (dockerode BuildKit: grpc/protobufjs; whatwg-url/tr46; mime-db), keeps dockerode and the SDKs', () => {
    const unused = ['@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs', 'whatwg-url', 'tr46', 'mime-db'];
    assert.deepEqual(inputs.map(packageOf).filter((p) => p && unused.includes(p)), []);
    for (const kept of ['dockerode', 'docker-modem', '@azure/identity', '@azure/arm-containerregistry', '@azure/arm-resourcegraph']) {
      assert.ok(inputs.some((i) => packageOf(i) === kept), `the CLI bundle holds ${kept}`);
    }
  });

  it('runs as the bin: --version, --help, explain', async () => {
    const v = await node([cli, '--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout, `${pkg.version}\n`);
    const h = await node([cli, '--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Exit codes: 0 healthy, 1 causes found, 2 could not run/);
    const e = await node([cli, 'explain', 'toomanyrequests', '--json']);
    assert.equal(e.code, 0);
    assert.equal(JSON.parse(e.stdout).matches[0].causeId, 'network.throttled');
  });
});
