// The real clients `npm run corpus` runs against the sandbox: each performs the operation a scenario
// breaks (login, pull, push, list) the way a user types it, trusting the sandbox CA through its own
// options (podman/skopeo/buildah --cert-dir, az REQUESTS_CA_BUNDLE, curl --cacert) and keeping its
// storage in the recorder's temp dir. A client missing from this machine says so instead of failing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SandboxWorld } from '../../../sandbox/world';
import type { ScenarioInfo } from '../../../sandbox/types';
import { runProc, type ProcResult } from '../matrix/run-proc';
import { azSignIn } from '../matrix/az-check-health';
import { repoRoot } from '../matrix/root';
import type { CorpusOperation } from '../../support/explain-corpus';

/** Who the user is in a scenario, as a client can be told. */
export type Who =
  | { kind: 'explicit'; username: string; password: string }
  | { kind: 'stored' }        // what docker login stored in the scenario's config.json
  | { kind: 'anonymous' };

/** One client run: the command as a user would show it (no secret in it) and what it printed. */
export interface ClientRun { command: string; result: ProcResult }

export interface CorpusClient {
  name: string;
  /** Operations this client performs; a scenario's operation outside them is left out (e.g. az list). */
  operations: CorpusOperation[];
  /** Why this machine cannot run it (undefined: it can). */
  unavailable(): string | undefined;
  /** Once per world in the healthy scenario: local images to push, storage. */
  prepare?(ctx: ClientContext): Promise<void>;
  /** Why this client cannot meet a scenario with this user (undefined: it can). */
  meets?(who: Who): string | undefined;
  run(ctx: ClientContext, op: CorpusOperation, registry: string, image: string, who: Who): Promise<ClientRun[]>;
  version?(ctx: ClientContext): Promise<string>;
}

export interface ClientContext {
  w: SandboxWorld;
  info: ScenarioInfo;
  /** The recorder's temp dir (storage, auth files, the OCI layout to push from). */
  dir: string;
}

const LIMIT_MS = Number(process.env.CORPUS_CLIENT_TIMEOUT_S ?? 45) * 1000;

function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const d of (env.PATH ?? '/usr/bin:/bin').split(':')) {
    const p = path.join(d, name);
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
  }
  return undefined;
}

/** Through bash, as typed: a client missing from PATH reads "bash: line 1: docker: command not found". */
function sh(ctx: ClientContext, tool: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcResult> {
  return runProc('/bin/bash', ['-c', `${tool} "$@"`, tool, ...args], { ...ctx.w.clientEnv(), ...opts.env }, { input: opts.input, timeoutMs: LIMIT_MS });
}

const quote = (a: string) => (/[\s&;'"]/.test(a) ? `'${a.replace(/'/g, "'\\''")}'` : a);
const pretty = (tool: string, args: string[]) => [tool, ...args.map((a) => (/^--password=|^--creds=/.test(a) ? `${a.split('=')[0]}=***` : a))].map(quote).join(' ');

/** The CA directory podman, skopeo and buildah read (`*.crt` in --cert-dir are CAs). */
function certDir(ctx: ClientContext): string {
  const d = path.join(ctx.dir, 'certs');
  if (!fs.existsSync(d)) { fs.mkdirSync(d, { recursive: true }); fs.copyFileSync(ctx.w.caFile, path.join(d, 'sandbox-ca.crt')); }
  return d;
}

/** An auth file for the containers/image tools: the scenario's docker config (stored), or an empty one. */
function authFile(ctx: ClientContext, who: Who): string {
  const f = path.join(ctx.dir, 'auth.json');
  if (who.kind === 'stored') fs.copyFileSync(path.join(ctx.w.dockerConfigDir, 'config.json'), f);
  else fs.writeFileSync(f, '{"auths": {}}\n', { mode: 0o600 });
  return f;
}

/** A local image in the sandbox's dockerd to push (the scenario's push needs no pull first). */
async function dockerLocalImage(ctx: ClientContext): Promise<void> {
  const tar = path.join(ctx.dir, 'corpus.tar');
  fs.writeFileSync(path.join(ctx.dir, 'corpus.txt'), 'corpus\n');
  await runProc('tar', ['-C', ctx.dir, '-cf', tar, 'corpus.txt'], process.env);
  const r = await sh(ctx, 'docker', ['import', tar, 'corpus-local/hello:v1']);
  if (r.code !== 0) throw new Error(`docker import failed: ${r.stderr}`);
}

const docker: CorpusClient = {
  name: 'docker',
  operations: ['login', 'pull', 'push'],
  unavailable: () => (onPath('docker') ? undefined : 'the docker CLI is not installed'),
  async version(ctx) { return (await sh(ctx, 'docker', ['--version'])).stdout.trim(); },
  prepare: dockerLocalImage,
  async run(ctx, op, registry, image, who) {
    const runs: ClientRun[] = [];
    const step = async (args: string[], input?: string) => { const result = await sh(ctx, 'docker', args, { input }); runs.push({ command: pretty('docker', args), result }); return result; };
    if (who.kind === 'explicit') {
      const r = await step(['login', registry, '-u', who.username, '--password-stdin'], `${who.password}\n`);
      if (r.code !== 0 || op === 'login') return runs;
    } else if (op === 'login') return runs;
    if (op === 'pull') await step(['pull', `${registry}/${image}`]);
    if (op === 'push') {
      await sh(ctx, 'docker', ['tag', 'corpus-local/hello:v1', `${registry}/${image}`]);
      await step(['push', `${registry}/${image}`]);
    }
    return runs;
  },
};

/** podman and buildah share the containers/image stack and flags; storage in the recorder's dir. */
function containersTool(name: 'podman' | 'buildah'): CorpusClient {
  const storage = (ctx: ClientContext) => ['--root', path.join(ctx.dir, 'storage'), '--runroot', path.join(ctx.dir, 'runroot'), '--storage-driver', 'vfs'];
  return {
    name,
    operations: ['login', 'pull', 'push'],
    unavailable: () => (onPath(name) ? undefined : `${name} is not installed`),
    async version(ctx) { return (await sh(ctx, name, ['--version'])).stdout.trim(); },
    async prepare(ctx) {
      // The image to push, from the archive skopeo made of hello:v1 (shared storage: once).
      if (fs.existsSync(path.join(ctx.dir, 'storage', 'vfs-images'))) return;
      const r = await sh(ctx, name, [...storage(ctx), ...(name === 'podman' ? ['load', '-i'] : ['pull']), name === 'podman' ? path.join(ctx.dir, 'hello.tar') : `docker-archive:${path.join(ctx.dir, 'hello.tar')}`]);
      if (r.code !== 0) throw new Error(`${name} could not load the local image: ${r.stderr}`);
    },
    async run(ctx, op, registry, image, who) {
      const runs: ClientRun[] = [];
      const auth = authFile(ctx, who);
      const common = ['--authfile', auth, '--cert-dir', certDir(ctx)];
      const step = async (args: string[], input?: string) => {
        const full = [...storage(ctx), ...args];
        const result = await sh(ctx, name, full, { input });
        // Shown without the storage flags: the words a user's own run prints.
        runs.push({ command: pretty(name, args.map((a) => a.replace(ctx.dir, '<tmp>'))), result });
        return result;
      };
      if (who.kind === 'explicit') {
        const r = await step(['login', ...common, '-u', who.username, '--password-stdin', registry], `${who.password}\n`);
        if (r.code !== 0 || op === 'login') return runs;
      } else if (op === 'login') return runs;
      // buildah's default pull policy keeps an image it already has (podman shares this storage): always ask the registry.
      if (op === 'pull') await step(['pull', ...common, ...(name === 'buildah' ? ['--policy', 'always'] : []), `docker://${registry}/${image}`]);
      if (op === 'push') await step(['push', ...common, 'localhost/corpus-local:v1', `docker://${registry}/${image}`]);
      return runs;
    },
  };
}

const skopeo: CorpusClient = {
  name: 'skopeo',
  operations: ['login', 'pull', 'push', 'list'],
  unavailable: () => (onPath('skopeo') ? undefined : 'skopeo is not installed'),
  async version(ctx) { return (await sh(ctx, 'skopeo', ['--version'])).stdout.trim(); },
  async prepare(ctx) {
    // An OCI layout of hello:v1: skopeo pushes from it, podman/buildah load it.
    const layout = path.join(ctx.dir, 'hello-oci');
    const f = path.join(ctx.dir, 'seed-auth.json');
    fs.copyFileSync(path.join(ctx.w.dockerConfigDir, 'config.json'), f);
    const r = await sh(ctx, 'skopeo', ['copy', '--authfile', f, '--src-cert-dir', certDir(ctx), `docker://${ctx.w.loginServer}/hello:v1`, `oci:${layout}:v1`]);
    if (r.code !== 0) throw new Error(`skopeo could not copy hello:v1: ${r.stderr}`);
    const a = await sh(ctx, 'skopeo', ['copy', `oci:${layout}:v1`, `docker-archive:${path.join(ctx.dir, 'hello.tar')}:localhost/corpus-local:v1`]);
    if (a.code !== 0) throw new Error(`skopeo could not write the archive: ${a.stderr}`);
  },
  async run(ctx, op, registry, image, who) {
    const runs: ClientRun[] = [];
    const auth = authFile(ctx, who);
    const step = async (args: string[], input?: string) => {
      const result = await sh(ctx, 'skopeo', args, { input });
      runs.push({ command: pretty('skopeo', args.map((a) => a.replace(ctx.dir, '<tmp>'))), result });
      return result;
    };
    if (who.kind === 'explicit') {
      const r = await step(['login', '--authfile', auth, '--cert-dir', certDir(ctx), '-u', who.username, '--password-stdin', registry], `${who.password}\n`);
      if (r.code !== 0 || op === 'login') return runs;
    } else if (op === 'login') return runs;
    const out = path.join(ctx.dir, 'pulled');
    fs.rmSync(out, { recursive: true, force: true });
    if (op === 'pull') await step(['copy', '--authfile', auth, '--src-cert-dir', certDir(ctx), `docker://${registry}/${image}`, `oci:${out}:x`]);
    if (op === 'push') await step(['copy', '--authfile', auth, '--dest-cert-dir', certDir(ctx), `oci:${path.join(ctx.dir, 'hello-oci')}:v1`, `docker://${registry}/${image}`]);
    if (op === 'list') await step(['list-tags', '--authfile', auth, '--cert-dir', certDir(ctx), `docker://${registry}/${image.split(':')[0]}`]);
    return runs;
  },
};

/** az in the sandbox's custom cloud, signed in once as its service principal (as the fault matrix does). */
function azTool(name: 'az-acr-login' | 'az-acr-repository'): CorpusClient {
  return {
    name,
    operations: name === 'az-acr-login' ? ['login'] : ['list'],
    unavailable: () => (onPath('az') ? undefined : 'az (Debian package azure-cli) is not installed'),
    async version(ctx) { return (await sh(ctx, 'az', ['version', '--query', '"azure-cli"', '-o', 'tsv'], { env: await azEnv(ctx) })).stdout.trim(); },
    async run(ctx, op, registry, _image, who) {
      const env = await azEnv(ctx);
      const regName = registry.split('.')[0];
      const creds = who.kind === 'explicit' ? ['-u', who.username, `--password=${who.password}`] : [];
      const args = op === 'login' ? ['acr', 'login', '-n', regName, ...creds] : ['acr', 'repository', 'list', '-n', regName, ...creds, '-o', 'tsv'];
      const result = await sh(ctx, 'az', args, { env });
      return [{ command: pretty('az', args), result }];
    },
  };
}

async function azEnv(ctx: ClientContext): Promise<NodeJS.ProcessEnv> {
  const s = await azSignIn(ctx.w);
  if (!s.signedIn) throw new Error(`az could not sign in to the sandbox: ${s.loginError}`);
  return { AZURE_CONFIG_DIR: s.configDir, REQUESTS_CA_BUNDLE: ctx.w.caFile, AZURE_CORE_COLLECT_TELEMETRY: 'no', AZURE_CORE_NO_COLOR: '1', AZURE_CORE_SURVEY_MESSAGE: 'no' };
}

/** curl as people test a registry by hand: the token endpoint, then the manifest (pull), the upload (push), the catalog (list). */
const curl: CorpusClient = {
  name: 'curl',
  operations: ['login', 'pull', 'push', 'list'],
  unavailable: () => (onPath('curl') ? undefined : 'curl is not installed'),
  async version(ctx) { return (await sh(ctx, 'curl', ['--version'])).stdout.split('\n')[0].trim(); },
  async run(ctx, op, registry, image, who) {
    const runs: ClientRun[] = [];
    const [repo, tag = 'latest'] = image.split(':');
    const scope = op === 'list' ? 'registry:catalog:*' : op === 'push' ? `repository:${repo}:pull,push` : `repository:${repo}:pull`;
    let basic: string[] = [];
    if (who.kind === 'explicit') basic = ['-u', `${who.username}:${who.password}`];
    if (who.kind === 'stored') {
      const stored = storedLogin(ctx, registry);
      if (stored && !stored.identityToken) basic = ['-u', `${stored.username}:${stored.password}`];
    }
    const step = async (args: string[]) => {
      const result = await sh(ctx, 'curl', ['-sS', '--fail-with-body', '--max-time', '30', ...args]);
      runs.push({ command: pretty('curl', ['-sS', '--fail-with-body', ...args.map((a, i) => (args[i - 1] === '-u' ? `${a.split(':')[0]}:***` : /^Authorization:/.test(a) ? 'Authorization: Bearer ***' : a))]), result });
      return result;
    };
    const tokenUrl = `https://${registry}/oauth2/token?service=${registry}&scope=${scope}`;
    const t = await step([...basic, tokenUrl]);
    if (t.code !== 0 || op === 'login') return runs;
    let token = '';
    try { token = (JSON.parse(t.stdout) as { access_token?: string }).access_token ?? ''; } catch { return runs; }
    const bearer = ['-H', `Authorization: Bearer ${token}`];
    if (op === 'pull') await step([...bearer, '-L', '-H', 'Accept: application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json', `https://${registry}/v2/${repo}/manifests/${tag}`]);
    if (op === 'push') await step([...bearer, '-X', 'POST', `https://${registry}/v2/${repo}/blobs/uploads/`]);
    if (op === 'list') await step([...bearer, `https://${registry}/v2/_catalog`]);
    return runs;
  },
};

/** What docker login stored for `registry` as user:password (curl, ctr and SDK programs take it from there). */
function storedLogin(ctx: ClientContext, registry: string): { username: string; password: string; identityToken?: string } | undefined {
  let cfg: { auths?: Record<string, { auth?: string; identitytoken?: string }> } = {};
  // A malformed config.json (a scenario's) is no login: the client goes anonymous.
  try { cfg = JSON.parse(fs.readFileSync(path.join(ctx.w.dockerConfigDir, 'config.json'), 'utf8')) as typeof cfg; } catch { return undefined; }
  const entry = Object.entries(cfg.auths ?? {}).find(([h]) => h.toLowerCase() === registry.toLowerCase())?.[1];
  const m = /^([^:]+):(.*)$/s.exec(entry?.auth ? Buffer.from(entry.auth, 'base64').toString('utf8') : '');
  // az acr login stores an ACR refresh token (identitytoken) beside the null GUID as user name.
  if (m && entry?.identitytoken) return { username: m[1], password: m[2], identityToken: entry.identitytoken };
  return m && m[2] ? { username: m[1], password: m[2] } : undefined;
}

function userPass(ctx: ClientContext, registry: string, who: Who): { username: string; password: string; identityToken?: string } | undefined {
  return who.kind === 'explicit' ? who : who.kind === 'stored' ? storedLogin(ctx, registry) : undefined;
}

/**
 * containerd's ctr against the sandbox's real containerd, as a user types it: `ctr images pull --user
 * u:p` trusting the CA with --tlscacert, or (ctr-hosts-dir) through a hosts.toml whose `ca` names it,
 * as the kubelet's containerd is set up. ctr has no login: a login scenario's user pulls. Each pull
 * and push starts from an empty content store (the image removed with --sync) so blobs are fetched.
 */
function ctrTool(name: 'ctr' | 'ctr-hosts-dir'): CorpusClient {
  const ns = ['--namespace', 'corpus'];
  const ctr = (ctx: ClientContext, args: string[], input?: string) => sh(ctx, 'ctr', [...ns, ...args], { input });
  const local = 'docker.io/corpus-local/ctr:v1';
  const hostsDir = (ctx: ClientContext, registry: string): string => {
    const d = path.join(ctx.dir, 'ctr-hosts');
    fs.mkdirSync(path.join(d, registry), { recursive: true });
    // containerd 1.6 needs a [host] table; the server is tried after it as a fallback, so it names the CA too.
    fs.writeFileSync(path.join(d, registry, 'hosts.toml'), `server = "https://${registry}"\nca = "${ctx.w.caFile}"\n\n[host."https://${registry}"]\n  capabilities = ["pull", "resolve", "push"]\n  ca = "${ctx.w.caFile}"\n`);
    return d;
  };
  // The containerd scenarios decide whether containerd runs; elsewhere the user's containerd is up.
  const ensure = async (ctx: ClientContext) => { if (ctx.info.client !== 'containerd' && !ctx.w.parts.containerd.running) await ctx.w.parts.containerd.start(); };
  return {
    name,
    operations: ['pull', 'push'],
    unavailable: () => (onPath('ctr') && onPath('containerd') ? undefined : 'containerd (Debian package containerd) is not installed'),
    async version(ctx) { return (await sh(ctx, 'ctr', ['--version'])).stdout.trim(); },
    async prepare(ctx) {
      await ensure(ctx);
      // The image to push: docker's own import (layers hello:v1 in the registry does not share), saved and imported into containerd.
      const tar = path.join(ctx.dir, 'ctr-layer.tar');
      fs.writeFileSync(path.join(ctx.dir, 'ctr.txt'), 'corpus ctr\n');
      await runProc('tar', ['-C', ctx.dir, '-cf', tar, 'ctr.txt'], process.env);
      const imp = await sh(ctx, 'docker', ['import', tar, 'corpus-local/ctr:v1']);
      if (imp.code !== 0) throw new Error(`docker import failed: ${imp.stderr}`);
      const saved = await sh(ctx, 'docker', ['save', '-o', path.join(ctx.dir, 'ctr-image.tar'), 'corpus-local/ctr:v1']);
      if (saved.code !== 0) throw new Error(`docker save failed: ${saved.stderr}`);
    },
    async run(ctx, op, registry, image, who) {
      await ensure(ctx);
      const runs: ClientRun[] = [];
      const ref = `${registry}/${image}`;
      const creds = userPass(ctx, registry, who);
      const trust = name === 'ctr' ? ['--tlscacert', ctx.w.caFile] : ['--hosts-dir', hostsDir(ctx, registry)];
      // The password goes in on the command line as users type it; the command recorded shows ***.
      // A stored refresh token goes in as ctr's --refresh, as the kubelet's credential provider hands it over.
      const user = creds?.identityToken ? ['--refresh', creds.identityToken] : creds ? ['--user', `${creds.username}:${creds.password}`] : [];
      const step = async (args: string[]) => {
        const result = await ctr(ctx, args);
        const shown = args.map((a, i) => (args[i - 1] === '--user' ? `${a.split(':')[0]}:***` : args[i - 1] === '--refresh' ? '***' : a.replace(ctx.dir, '<tmp>').replace(ctx.w.caFile, '/etc/containerd/certs.d/ca.crt')));
        runs.push({ command: pretty('ctr', shown), result });
        return result;
      };
      if (op === 'pull') {
        if (ctx.w.parts.containerd.running) await ctr(ctx, ['images', 'rm', '--sync', ref]);
        await step(['images', 'pull', ...trust, ...user, ref]);
        if (ctx.w.parts.containerd.running) await ctr(ctx, ['images', 'rm', '--sync', ref]);
      }
      if (op === 'push') {
        if (ctx.w.parts.containerd.running) {
          const imp = await ctr(ctx, ['images', 'import', path.join(ctx.dir, 'ctr-image.tar')]);
          if (imp.code !== 0) throw new Error(`ctr images import failed: ${imp.stderr}`);
        }
        await step(['images', 'push', ...trust, ...user, ref, local]);
        if (ctx.w.parts.containerd.running) await ctr(ctx, ['images', 'rm', '--sync', local]);
      }
      return runs;
    },
  };
}

/** A Node program of the user's (test/integration/corpus/sdk-*.mjs), run with the credential in its environment. */
function nodeProgram(ctx: ClientContext, script: string, args: string[], creds?: { username: string; password: string }): Promise<ProcResult> {
  const env = creds ? { ACR_CORPUS_USER: creds.username, ACR_CORPUS_SECRET: creds.password } : {};
  return sh(ctx, process.execPath, [path.join(repoRoot(), 'test', 'integration', 'corpus', script), ...args], { env });
}

const GUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Azure SDK for JavaScript (@azure/container-registry): list repositories, a manifest's
 * properties (pull), a blob upload (push), with a ClientSecretCredential from the sandbox's Entra
 * (the scenario's service principal, or the one the environment names) or anonymous. It takes no
 * registry user name and password: an admin user's or a token's scenario is not one it can meet.
 */
const azureSdk: CorpusClient = {
  name: 'azure-sdk-js',
  operations: ['pull', 'push', 'list'],
  unavailable: () => (fs.existsSync(path.join(repoRoot(), 'node_modules', '@azure', 'container-registry')) ? undefined : '@azure/container-registry is not installed (npm install)'),
  async version() {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'node_modules', '@azure', 'container-registry', 'package.json'), 'utf8')) as { version: string };
    return `@azure/container-registry ${pkg.version}`;
  },
  meets(who) {
    if (who.kind === 'explicit' && !GUID_SHAPE.test(who.username)) return 'the Azure SDK takes an Entra credential, not a registry user name and password';
    // The all-zero user name carries an ACR access token (az acr login --expose-token), not an Entra application.
    if (who.kind === 'explicit' && /^0{8}-(?:0{4}-){3}0{12}$/.test(who.username)) return 'the Azure SDK takes an Entra credential, not an exposed ACR access token';
    return undefined;
  },
  async run(ctx, op, registry, image, who) {
    const args = [op, registry, image, ...(who.kind === 'anonymous' ? ['anonymous'] : [])];
    const creds = who.kind === 'explicit' ? who : undefined;
    const result = await nodeProgram(ctx, 'sdk-azure.mjs', args, creds);
    return [{ command: `node sdk-azure.mjs ${args.join(' ')}`, result }];
  },
};

/** dockerode (the Docker Engine API from Node) through the sandbox's dockerd: checkAuth, pull, push. */
const dockerode: CorpusClient = {
  name: 'dockerode',
  operations: ['login', 'pull', 'push'],
  unavailable: () => (fs.existsSync(path.join(repoRoot(), 'node_modules', 'dockerode')) ? undefined : 'dockerode is not installed (npm install)'),
  async version() {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'node_modules', 'dockerode', 'package.json'), 'utf8')) as { version: string };
    return `dockerode ${pkg.version}`;
  },
  prepare: dockerLocalImage,
  async run(ctx, op, registry, image, who) {
    const creds = userPass(ctx, registry, who);
    if (op === 'login' && !creds) return [];
    const args = [op, registry, image, ...(creds ? [] : ['anonymous'])];
    const result = await nodeProgram(ctx, 'sdk-dockerode.mjs', args, creds);
    return [{ command: `node sdk-dockerode.mjs ${args.join(' ')}`, result }];
  },
};

/** docker-py (the Docker Engine API from Python, the `docker` package) through the sandbox's dockerd: login, pull, push. */
const dockerPy: CorpusClient = {
  name: 'docker-py',
  operations: ['login', 'pull', 'push'],
  unavailable: () => (spawnSync('python3', ['-c', 'import docker'], { stdio: 'ignore' }).status === 0 ? undefined : 'python3 with the docker package is not installed (apt-get install python3-docker)'),
  async version() {
    const r = spawnSync('python3', ['-c', 'import docker; print(docker.__version__)'], { encoding: 'utf8' });
    return `docker-py ${r.stdout.trim()}`;
  },
  prepare: dockerLocalImage,
  async run(ctx, op, registry, image, who) {
    const creds = userPass(ctx, registry, who);
    if (op === 'login' && !creds) return [];
    const args = [op, registry, image, ...(creds ? [] : ['anonymous'])];
    const env = creds ? { ACR_CORPUS_USER: creds.username, ACR_CORPUS_SECRET: creds.password } : {};
    const result = await sh(ctx, 'python3', [path.join(repoRoot(), 'test', 'integration', 'corpus', 'sdk-docker-py.py'), ...args], { env });
    return [{ command: `python3 sdk-docker-py.py ${args.join(' ')}`, result }];
  },
};

export const CLIENTS: CorpusClient[] = [docker, containersTool('podman'), skopeo, containersTool('buildah'), azTool('az-acr-login'), azTool('az-acr-repository'), curl, ctrTool('ctr'), ctrTool('ctr-hosts-dir'), azureSdk, dockerode, dockerPy];
