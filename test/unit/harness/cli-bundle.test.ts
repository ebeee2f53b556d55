import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
// @ts-expect-error plain ES module without types
import { cliBundle, esbuildOptions, FORM_DATA_CHECK, isLoadedFormData, jwtOnFirstUse } from '../../../scripts/extension-bundles.mjs';
import pkg from '../../../package.json';

const root = path.resolve(__dirname, '..', '..', '..');
const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input)?.[1];

/** Packages whose evaluation the tests watch: the Azure SDKs, MSAL, their runtime (jsonwebtoken), dockerode with ssh2. */
const WATCHED = /^(@azure|@microsoft|@typespec|dockerode$|docker-modem$|ssh2$|jsonwebtoken$)/;

/**
 * For a test build: every file of a watched package, when evaluated, adds the package's name to
 * globalThis.__acrDoctorLoaded (appended, so a 'use strict' stays first).
 */
const markEvaluation: Plugin = {
  name: 'mark-evaluation',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, (args) => {
      const name = packageOf(args.path.split(path.sep).join('/'));
      if (!name || !WATCHED.test(name)) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      return { contents: `${text}\n;(globalThis.__acrDoctorLoaded ??= new Set()).add(${JSON.stringify(name)});\n`, loader: 'js' };
    });
  },
};

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
  let marked: string;
  let inputs: string[];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-cli-bundle-'));
    cli = path.join(dir, 'cli.js');
    marked = path.join(dir, 'marked', 'cli.js');
    const { node: options } = esbuildOptions({ root, production: true });
    const shipped = cliBundle({ root, node: { ...options, logLevel: 'silent' }, outfile: cli });
    const [{ metafile }] = await Promise.all([
      build({ ...shipped, metafile: true }),
      build({ ...shipped, outfile: marked, plugins: [...shipped.plugins, markEvaluation] }),
    ]);
    inputs = Object.keys(Object.values((metafile as Metafile).outputs)[0].inputs);
  });

  /** Runs the marked bundle as the bin with `args`: exit code, output and the watched packages it evaluated. */
  async function runMarked(args: string[], env: NodeJS.ProcessEnv = {}) {
    const prelude = `process.argv = [process.argv[0], ${JSON.stringify(marked)}, ...${JSON.stringify(args)}];
      process.on('exit', () => process.stderr.write('\\nEVALUATED ' + JSON.stringify([...(globalThis.__acrDoctorLoaded ?? [])].sort()) + '\\n'));
      require(${JSON.stringify(marked)});`;
    const r = await node(['-e', prelude], env);
    const evaluated = /\nEVALUATED (.*)\n$/.exec(r.stderr);
    assert.ok(evaluated, r.stderr);
    return { ...r, evaluated: JSON.parse(evaluated[1]) as string[] };
  }

  /** A diagnosis of the network checks against 127.0.0.1:443 (closed here), Docker not running. */
  function networkDiagnosis(extraEnv: NodeJS.ProcessEnv, extraArgs: string[] = []) {
    const host = 'contoso.azurecr.io';
    return runMarked(['diagnose', host, '--json', '--only', 'network', '--resolve', `${host}=127.0.0.1`, '--timeout', '4', ...extraArgs],
      { DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${path.join(dir, 'none.sock')}`, ...extraEnv });
  }
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves out what ACR Doctor never runs (dockerode BuildKit: grpc/protobufjs; whatwg-url/tr46; mime-db), keeps dockerode and the SDKs', () => {
    const unused = ['@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs', 'whatwg-url', 'tr46', 'mime-db'];
    assert.deepEqual(inputs.map(packageOf).filter((p) => p && unused.includes(p)), []);
    for (const kept of ['dockerode', 'docker-modem', '@azure/identity', '@azure/arm-containerregistry']) {
      assert.ok(inputs.some((i) => packageOf(i) === kept), `the CLI bundle holds ${kept}`);
    }
    // Resource Graph goes through the run's ARM pipeline: the legacy client (Authorization kept on redirects) is not shipped.
    assert.deepEqual(inputs.filter((i) => /^@azure\/(arm-resourcegraph|ms-rest-js|ms-rest-azure-js)$/.test(packageOf(i) ?? '')), []);
  });

  it('holds one build of each Azure core package (the CommonJS-only SDKs take the ESM build the others import)', () => {
    const builds = new Map<string, Set<string>>();
    // The ESM builds of core-client and core-tracing import their CommonJS state file on purpose (one state for both).
    for (const i of inputs.filter((f) => !/\/dist\/commonjs\/state(-cjs)?\.js$/.test(f))) {
      const m = /node_modules\/(@(?:azure|typespec)\/[^/]+)\/dist\/(esm|commonjs)\//.exec(i);
      if (m) builds.set(m[1], new Set([...(builds.get(m[1]) ?? []), m[2]]));
    }
    assert.ok(builds.has('@azure/core-client') && builds.has('@azure/core-rest-pipeline'), [...builds.keys()].join(' '));
    assert.deepEqual([...builds].filter(([, b]) => b.size > 1).map(([p]) => p), []);
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

  it('evaluates no Azure SDK, MSAL or dockerode for --help and explain', async () => {
    const h = await runMarked(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /acr-doctor diagnose <registry>/);
    assert.deepEqual(h.evaluated, []);
    const e = await runMarked(['explain', 'unauthorized: authentication required']);
    assert.equal(e.code, 0);
    assert.deepEqual(e.evaluated, []);
  });

  it('a diagnosis without Azure evaluates no Azure package; dockerode on first use; the same cause is found', async () => {
    const r = await networkDiagnosis({}, ['--no-azure']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).causes[0].causeId, 'network.login-server-unreachable');
    assert.deepEqual(r.evaluated.filter((p) => /^@(azure|microsoft|typespec)\//.test(p)), []);
    assert.ok(r.evaluated.includes('dockerode'), r.evaluated.join(' '));
    assert.ok(!r.evaluated.includes('ssh2'), 'ssh2 serves only an ssh:// DOCKER_HOST');
  });

  it('an ssh:// DOCKER_HOST evaluates ssh2 when docker-modem first dials it, and the daemon is reported unreachable', async () => {
    const r = await networkDiagnosis({ DOCKER_HOST: 'ssh://nobody@127.0.0.1:1' }, ['--no-azure', '--only', 'login']);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(JSON.parse(r.stdout).causes.some((c: { causeId: string }) => c.causeId === 'docker.daemon-unreachable'), r.stdout);
    assert.ok(r.evaluated.includes('ssh2'), r.evaluated.join(' '));
  });

  it('with a service principal the SDKs a check uses are evaluated when it uses them, and only those', async () => {
    const closed = 'https://127.0.0.1:1';
    const r = await networkDiagnosis({
      AZURE_TENANT_ID: '00000000-0000-0000-0000-00000000000a', AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000000b', AZURE_CLIENT_SECRET: 'not-a-secret',
      AZURE_AUTHORITY_HOST: closed, ACR_DOCTOR_ARM_ENDPOINT: closed, AZURE_SUBSCRIPTION_ID: '00000000-0000-0000-0000-00000000000c',
    });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).causes[0].causeId, 'network.login-server-unreachable');
    for (const used of ['@azure/identity', '@azure/msal-node']) assert.ok(r.evaluated.includes(used), `${used} in ${r.evaluated.join(' ')}`);
    // AKS and Log Analytics clients belong to checks this diagnosis does not run; the registry is
    // looked up in Resource Graph through the run's ARM pipeline, not the ms-rest-js Resource Graph client.
    for (const unused of ['@azure/arm-containerservice', '@azure/monitor-query', '@azure/arm-resourcegraph', '@azure/ms-rest-js']) assert.ok(!r.evaluated.includes(unused), `${unused} in ${r.evaluated.join(' ')}`);
    // MSAL signs no client assertion for a secret: jsonwebtoken (with semver, lodash) stays unevaluated.
    assert.ok(!r.evaluated.includes('jsonwebtoken'), r.evaluated.join(' '));
  });

  it("MSAL's client assertion (a certificate sign-in) still signs in a bundle built with jwtOnFirstUse, evaluating jsonwebtoken on that call", async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'sp.key', '-out', 'sp.crt', '-days', '1', '-subj', '/CN=sp'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const out = path.join(dir, 'assertion.js');
    const { node: options } = esbuildOptions({ root, production: true });
    await build({
      ...options, logLevel: 'silent', outfile: out, plugins: [jwtOnFirstUse, markEvaluation],
      stdin: { resolveDir: root, loader: 'js', contents: `import { ClientAssertion, CryptoProvider } from '@azure/msal-node';
        const before = [...(globalThis.__acrDoctorLoaded ?? [])].includes('jsonwebtoken');
        const key = require('node:fs').readFileSync(process.argv[2], 'utf8');
        const jwt = ClientAssertion.fromCertificate('ab'.repeat(20), key).getJwt(new CryptoProvider(), 'issuer-app', 'https://login.example/aud');
        process.stdout.write(JSON.stringify({ before, after: [...globalThis.__acrDoctorLoaded].includes('jsonwebtoken'), jwt }));` },
    });
    const r = await node([out, path.join(dir, 'sp.key')]);
    assert.equal(r.code, 0, r.stderr);
    const { before, after, jwt } = JSON.parse(r.stdout) as { before: boolean; after: boolean; jwt: string };
    assert.deepEqual([before, after], [false, true]);
    const [header, payload] = jwt.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>);
    assert.equal(header.alg, 'RS256');
    assert.deepEqual([payload.iss, payload.aud], ['issuer-app', 'https://login.example/aud']);
  });

  it("leaves Node's lazy FormData global (undici, ~25 ms) unread: the Azure pipeline's FormData checks are rewritten and a diagnosis with Azure never loads it", async () => {
    const text = fs.readFileSync(cli, 'utf8');
    assert.ok(!text.includes('typeof FormData'), 'no FormData check is left in the bundle');
    assert.ok(text.includes('isLoadedFormData'));
    const closed = 'https://127.0.0.1:1';
    const host = 'contoso.azurecr.io';
    const prelude = `process.argv = [process.argv[0], ${JSON.stringify(cli)}, 'diagnose', '${host}', '--json', '--resolve', '${host}=127.0.0.1', '--timeout', '4'];
      process.on('exit', () => process.stderr.write('\\nFORMDATA ' + ('get' in Object.getOwnPropertyDescriptor(globalThis, 'FormData') ? 'unread' : 'read') + '\\n'));
      require(${JSON.stringify(cli)});`;
    const r = await node(['-e', prelude], {
      DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${path.join(dir, 'none.sock')}`, AZURE_TENANT_ID: '00000000-0000-0000-0000-00000000000a',
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000000b', AZURE_CLIENT_SECRET: 'not-a-secret', AZURE_AUTHORITY_HOST: closed,
      ACR_DOCTOR_ARM_ENDPOINT: closed, AZURE_SUBSCRIPTION_ID: '00000000-0000-0000-0000-00000000000c',
    });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /\nFORMDATA unread\n/);
  });

  it('the rewritten FormData check still recognises a FormData body once the global was read', async () => {
    assert.match(FORM_DATA_CHECK, /instanceof FormData/);
    const probe = `const isLoadedFormData = ${isLoadedFormData.toString()};
      const before = isLoadedFormData({}) || isLoadedFormData('x');
      const untouched = 'get' in Object.getOwnPropertyDescriptor(globalThis, 'FormData');
      const body = new FormData();
      process.stdout.write(JSON.stringify({ before, untouched, form: isLoadedFormData(body), plain: isLoadedFormData({ a: 1 }) }));`;
    const r = await node(['-e', probe]);
    assert.deepEqual(JSON.parse(r.stdout), { before: false, untouched: true, form: true, plain: false });
  });
});
