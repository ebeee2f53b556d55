// The real clients `npm run corpus` runs against the sandbox: each performs the operation a scenario
// breaks (login, pull, push, list) the way a user types it, trusting the sandbox CA through its own
// options (podman/skopeo/buildah --cert-dir, az REQUESTS_CA_BUNDLE, curl --cacert) and keeping its
// storage in the recorder's temp dir. A client missing from this machine says so instead of failing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SandboxWorld } from '../../../sandbox/world';
import type { ScenarioInfo } from '../../../sandbox/types';
import { runProc, type ProcResult } from '../matrix/run-proc';
import { azSignIn } from '../matrix/az-check-health';
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

const docker: CorpusClient = {
  name: 'docker',
  operations: ['login', 'pull', 'push'],
  unavailable: () => (onPath('docker') ? undefined : 'the docker CLI is not installed'),
  async version(ctx) { return (await sh(ctx, 'docker', ['--version'])).stdout.trim(); },
  async prepare(ctx) {
    // A local image to push (the scenario's push needs no pull first).
    const tar = path.join(ctx.dir, 'corpus.tar');
    fs.writeFileSync(path.join(ctx.dir, 'corpus.txt'), 'corpus\n');
    await runProc('tar', ['-C', ctx.dir, '-cf', tar, 'corpus.txt'], process.env);
    const r = await sh(ctx, 'docker', ['import', tar, 'corpus-local/hello:v1']);
    if (r.code !== 0) throw new Error(`docker import failed: ${r.stderr}`);
  },
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
      let cfg: { auths?: Record<string, { auth?: string }> } = {};
      // A malformed config.json (a scenario's) is no login for curl: it goes anonymous.
      try { cfg = JSON.parse(fs.readFileSync(path.join(ctx.w.dockerConfigDir, 'config.json'), 'utf8')) as typeof cfg; } catch { /* anonymous */ }
      const auth = Object.entries(cfg.auths ?? {}).find(([h]) => h.toLowerCase() === registry.toLowerCase())?.[1]?.auth;
      const decoded = auth ? Buffer.from(auth, 'base64').toString('utf8') : '';
      if (/^[^:]+:.+$/.test(decoded)) basic = ['-u', decoded];
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

/** containerd's ctr runs here only with the containerd sandbox part (container tooling adds it). */
const ctr: CorpusClient = {
  name: 'ctr',
  operations: ['pull', 'push'],
  unavailable: () => 'needs the sandbox\'s containerd (not part of this world yet)',
  async run() { return []; },
};

export const CLIENTS: CorpusClient[] = [docker, containersTool('podman'), skopeo, containersTool('buildah'), azTool('az-acr-login'), azTool('az-acr-repository'), curl, ctr];
