// startWorld(): one running set of real parts inside the network namespace `acrsbx`, and
// apply(name) to switch fault injection without restarting what need not restart.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import type { ScenarioInfo, SandboxAzure, World } from './types';
import { IP, NAMES, NETNS, PROXY_PORT, defaultHosts, tlsNames } from './addresses';
import { CERTS_D, ensureNamespace, insideNamespace, isRoot, writeHosts } from './netns';
import { createPki, type Pki } from './pki';
import type { ArmState } from './arm/state';
import { DEFAULT_IDS, defaultState, stateSecrets } from './arm/state';
import type { Signer } from './jwt';
import type { FrontFaults, RegistryContext } from './front/policy';
import { TokenService } from './front/token-service';
import { LoginServer, type TlsPair } from './front/login-server';
import { DataEndpoint } from './front/data-endpoint';
import { RealRegistry } from './parts/registry';
import { seedImage } from './parts/seed-image';
import { pushIndex, type IndexPlatform } from './parts/push-index';
import { PublicRegistryFront } from './front/public-registry';
import { Dockerd } from './parts/dockerd';
import { Containerd } from './parts/containerd';
import { Tinyproxy } from './parts/tinyproxy';
import { FaultListener } from './parts/listeners';
import { OldDockerProxy } from './parts/old-docker-proxy';
import { setNftRules, type NftRule } from './parts/nft';
import { forgetOwn, liveWorlds, reapStale, recordDir } from './parts/stale';
import { getScenario } from './scenarios/index';
import type { DockerConfigJson, ScenarioContext } from './scenarios/types';
import { startArm, type ArmHandle } from './arm-host';
import { latencyProfile, type LatencyProfileName } from './latency/profiles';
import { worldLatency, type WorldLatency } from './latency/relays';

export interface WorldParts {
  dockerd: { stop(): Promise<void>; start(): Promise<void>; restart(): Promise<void>; readonly running: boolean; readonly pid: number | undefined; readonly socketPath: string };
  registries: Record<string, { stop(): Promise<void>; start(): Promise<void>; readonly pid: number | undefined }>;
  tinyproxy: { stop(): Promise<void>; start(): Promise<void>; readonly pid: number | undefined; readonly url: string };
  brokenProxy: { stop(): Promise<void>; start(): Promise<void> };
  blackHole: { stop(): Promise<void>; start(): Promise<void> };
  /** containerd for ctr (its socket is the client's CONTAINERD_ADDRESS). */
  containerd: Containerd;
}

export interface SandboxWorld extends World {
  readonly parts: WorldParts;
  readonly state: ArmState;
  readonly dir: string;
  readonly pki: Pki;
  /** Whether the ARM + Entra simulator is being served (it is built in sandbox/arm/). */
  readonly armServed: boolean;
  /** The ARM + Entra request handler (its call log counts ARM round trips). */
  readonly arm: ArmHandle['handler'];
  /** The latency profile and its relays (none on `loopback`). */
  readonly latency: WorldLatency;
  /** PIDs of every child process the world runs (for orphan checks). */
  pids(): number[];
}

export interface StartWorldOptions {
  scenario?: string;
  /** Round trips to each host (sandbox/latency/profiles.ts); default ACR_SANDBOX_LATENCY or `loopback`. */
  latency?: LatencyProfileName;
}

/** The registries the sandbox serves with real parts: name -> addresses of login server and data endpoints. */
const SERVED: Record<string, { login: string[]; data: Record<string, string[]>; port: number }> = {
  contoso: {
    login: [IP.contoso, IP.contosoPe], port: 5000,
    data: { [NAMES.contosoDataWeu]: [IP.contosoDataWeu, IP.contosoPeDataWeu], [NAMES.contosoDataNeu]: [IP.contosoDataNeu, IP.contosoPeDataNeu] },
  },
  fabrikam: { login: [IP.fabrikam], port: 5001, data: { [NAMES.fabrikamDataWeu]: [IP.fabrikamDataWeu] } },
};

/** The platforms of contoso.azurecr.io/multi:v1 (the image-platform-missing scenario names it). */
export const MULTI_PLATFORMS: IndexPlatform[] = [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, { os: 'linux', architecture: 'arm', variant: 'v7' }];

function requireNamespace(): void {
  if (!isRoot()) throw new Error('startWorld needs root: run it as `node scripts/sandbox.mjs exec -- <command>` as root.');
  if (!insideNamespace()) throw new Error('startWorld must run inside the network namespace acrsbx: `node scripts/sandbox.mjs exec -- <command>`.');
}

export async function startWorld(opts: StartWorldOptions = {}): Promise<SandboxWorld> {
  requireNamespace();
  const initial = opts.scenario ?? 'healthy';
  if (!getScenario(initial)) throw new Error(`Unknown sandbox scenario '${initial}'. Run \`node scripts/sandbox.mjs list\` for the list.`);
  latencyProfile(opts.latency ?? process.env.ACR_SANDBOX_LATENCY); // a wrong profile name fails before anything starts
  ensureNamespace();
  await reapStale();
  const others = liveWorlds();
  if (others.length) throw new Error(`Another sandbox world runs in namespace ${NETNS} (process ${others.join(', ')}). Stop it, or start this one in its own namespace with ACR_SANDBOX_NETNS=<name>.`);
  // Before touching anything shared (hosts, certs.d, nft): is the login server's address free?
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE'
      ? new Error(`${IP.contoso}:443 is already in use in namespace ${NETNS}: another sandbox world (or a leftover of one) runs there. Stop it, or use ACR_SANDBOX_NETNS=<name>.`)
      : e));
    probe.listen(443, IP.contoso, () => probe.close(() => resolve()));
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrsbx-'));
  fs.chmodSync(dir, 0o711); // tinyproxy (nobody) must reach its config; the PKI dir stays 0700
  recordDir(dir);
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    return await buildWorld(dir, cleanups, opts);
  } catch (caught) {
    let e = caught;
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const err = e as NodeJS.ErrnoException & { address?: string; port?: number };
      e = new Error(`${err.address}:${err.port} is already in use in namespace ${NETNS}: another sandbox world (or a leftover of one) runs there. Stop it, or use ACR_SANDBOX_NETNS=<name>.`);
    }
    for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
    fs.rmSync(dir, { recursive: true, force: true });
    forgetOwn();
    throw e;
  }
}

async function buildWorld(dir: string, cleanups: (() => Promise<void> | void)[], opts: StartWorldOptions): Promise<SandboxWorld> {
  // ACR_SANDBOX_TIMING=1 prints how long each phase of the start took (stderr).
  const t0 = Date.now();
  const latency = worldLatency(latencyProfile(opts.latency ?? process.env.ACR_SANDBOX_LATENCY));
  const port = latency.listenPort;
  const mark = (what: string) => { if (process.env.ACR_SANDBOX_TIMING) process.stderr.write(`[sandbox] ${what} at ${Date.now() - t0} ms\n`); };
  // The slow parts start first and overlap: dockerd (with the healthy DNS: it reads /etc/hosts
  // only at its first lookup, so the initial scenario's DNS can still be written below), the mcr
  // registry, the openssl runs of the PKI, then the ARM state (its RSA key is generated in-process).
  const dockerd = new Dockerd({ dir: path.join(dir, 'dockerd') });
  cleanups.push(() => dockerd.stop());
  writeHosts(defaultHosts());
  dockerd.setProxy({});
  const dockerdStarting = dockerd.start();
  dockerdStarting.catch(() => { /* awaited below */ });

  // mcr.microsoft.com: anonymous, with the image `az acr check-health` pulls.
  const mcrRegistry = new RealRegistry({ dir: path.join(dir, 'registry-mcr'), port: 5002, loginServer: NAMES.mcr });
  cleanups.push(() => mcrRegistry.stop());
  seedImage(mcrRegistry.storageDir, 'mcr/hello-world', 'latest', 'Hello from the sandbox\'s mcr.microsoft.com\n');
  const mcrStarting = mcrRegistry.start();
  mcrStarting.catch(() => { /* awaited below */ });
  const pkiMaking = createPki(path.join(dir, 'pki'), tlsNames());
  pkiMaking.catch(() => { /* awaited below */ });
  cleanups.push(() => fs.rmSync(path.join(dir, 'pki'), { recursive: true, force: true }));

  // ARM state: a base copy built once (stable secrets), cloned into the live object per scenario.
  const base = defaultState();
  const initial = opts.scenario ?? 'healthy';
  const initialPlan = planScenario(initial, structuredClone(base), () => '');
  writeHosts(initialPlan.hosts);
  let hosts: Record<string, string> = { ...initialPlan.hosts };
  mark('state planned');
  const pki = await pkiMaking;
  mark('pki');
  const caFile = pki.ca.certFile;
  const trusted: TlsPair = { key: pki.leaf.keyPem, cert: pki.leaf.certPem };
  const intercepting: TlsPair = { key: pki.interceptLeaf.keyPem, cert: pki.interceptLeaf.certPem };
  // dockerd looks certs.d up by the name as typed; a public CA would be trusted whatever the case,
  // so trust the capitalised login servers too (the upper-case scenario then fails like ACR does).
  for (const n of certsDirNames()) {
    fs.mkdirSync(path.join(CERTS_D, n), { recursive: true });
    fs.copyFileSync(caFile, path.join(CERTS_D, n, 'ca.crt'));
  }
  const signer: Signer = { keyPem: pki.tokenSigner.keyPem, certPem: pki.tokenSigner.certPem, derB64: pki.tokenSignerDerB64 };

  const state: ArmState = structuredClone(base);
  const issued = new Set<string>();
  const faults: Record<string, FrontFaults> = {};
  const tokens = new TokenService({ signer, faults: () => ({}), issued: (t) => issued.add(t) });
  const ctxFor = (name: string) => (): RegistryContext | undefined => {
    const registry = state.registries.find((r) => r.arm.name === name);
    return registry ? { state, registry } : undefined;
  };
  const urlKey = crypto.randomBytes(32);

  // Real registries + fronts + data endpoints.
  const registries: Record<string, RealRegistry> = { mcr: mcrRegistry };
  const fronts: LoginServer[] = [];
  const dataEndpoints: DataEndpoint[] = [];
  // Registry processes first (they take longest to listen), then the fronts, then wait for all.
  const starting: Promise<void>[] = [];
  for (const [name, s] of Object.entries(SERVED)) {
    const loginServer = `${name}.azurecr.io`;
    const reg = new RealRegistry({ dir: path.join(dir, `registry-${name}`), port: s.port, loginServer, rootCertFile: pki.tokenSigner.certFile });
    registries[name] = reg;
    cleanups.push(() => reg.stop());
    seedImage(reg.storageDir, 'hello', 'v1', `hello from ${loginServer}\n`);
    starting.push(reg.start());
  }
  starting.forEach((p) => { void p.catch(() => { /* awaited below */ }); });
  for (const [name, s] of Object.entries(SERVED)) {
    const loginServer = `${name}.azurecr.io`;
    const regTokens = new TokenService({ signer, faults: () => faults[name] ?? {}, issued: (t) => issued.add(t) });
    const front = new LoginServer({ loginServer, addresses: s.login, upstreamPort: s.port, signer, tokens: regTokens, view: ctxFor(name), faults: () => faults[name] ?? {}, tls: trusted, urlKey, port: port(443) });
    cleanups.push(() => front.stop());
    await front.start();
    fronts.push(front);
    for (const [host, addrs] of Object.entries(s.data)) {
      const de = new DataEndpoint({ host, addresses: addrs, upstreamPort: s.port, loginServer, signer, view: ctxFor(name), tls: trusted, urlKey, port: port(443) });
      cleanups.push(() => de.stop());
      await de.start();
      dataEndpoints.push(de);
    }
  }
  await Promise.all([...starting, mcrStarting]);
  // contoso.azurecr.io/multi:v1, an index for linux/arm64 and linux/arm/v7 only (none is this
  // machine's amd64 daemon's), pushed through the registry's API as buildx would.
  await pushIndex({ port: SERVED.contoso.port, loginServer: NAMES.contoso, signer, repository: 'multi', tag: 'v1', platforms: MULTI_PLATFORMS });

  const mcrFront = new PublicRegistryFront({ host: NAMES.mcr, addresses: [IP.mcr], upstreamPort: 5002, tls: trusted, port: port(443) });
  cleanups.push(() => mcrFront.stop());
  await mcrFront.start();

  mark('registries and fronts');
  const tinyproxy = new Tinyproxy(path.join(dir, 'tinyproxy'), IP.tinyproxy, port(PROXY_PORT));
  cleanups.push(() => tinyproxy.stop());
  const brokenProxy = new FaultListener('broken-proxy', IP.brokenProxy, port(PROXY_PORT));
  cleanups.push(() => brokenProxy.stop());
  const blackHole = new FaultListener('black-hole', IP.blackHole, port(443));
  cleanups.push(() => blackHole.stop());
  await Promise.all([tinyproxy.start(), brokenProxy.start(), blackHole.start()]);

  // containerd starts on the first scenario that has ctr pull (most worlds never need it).
  const containerd = new Containerd(path.join(dir, 'containerd'));
  cleanups.push(() => containerd.stop());
  const clientFiles = prepareClientFiles(dir, caFile);

  const oldDocker = new OldDockerProxy(path.join(dir, 'dockerd', 'old-docker.sock'), dockerd.socketPath);
  cleanups.push(() => oldDocker.stop());

  const arm: ArmHandle = await startArm({ state, tls: trusted, addresses: [IP.management, IP.login], port: port(443) });
  cleanups.push(() => arm.stop());
  // The relays open last: a client never reaches a relay whose server is not listening yet.
  cleanups.push(() => latency.stop());
  await latency.start();
  cleanups.push(() => setNftRules([]));

  const dockerConfigDir = path.join(dir, 'docker-config');
  fs.mkdirSync(dockerConfigDir, { recursive: true });

  const sp = base.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
  const azure: SandboxAzure = {
    armEndpoint: `https://${NAMES.management}`, authorityHost: `https://${NAMES.login}`,
    tenantId: DEFAULT_IDS.tenantId, subscriptionId: DEFAULT_IDS.subscriptionId,
    clientId: sp.appId, clientSecret: sp.secrets[0].value, principalId: sp.objectId,
  };

  let nftRules: NftRule[] | undefined;
  let intercept = false;
  let clientExtra: Record<string, string> = {};
  let info: ScenarioInfo | undefined;
  let oldVersion = false;
  let firstApply = true;

  const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  mark('proxies, arm');
  await dockerdStarting;
  mark('dockerd ready');

  // apply() calls are serialised: each one resets and rebuilds the whole fault set.
  let applying: Promise<unknown> = Promise.resolve();
  function apply(name: string): Promise<ScenarioInfo> {
    const next = applying.then(() => applyNow(name), () => applyNow(name));
    applying = next.catch(() => undefined);
    return next;
  }

  async function applyNow(name: string): Promise<ScenarioInfo> {
    const def = getScenario(name);
    if (!def) throw new Error(`Unknown sandbox scenario '${name}'. Run \`node scripts/sandbox.mjs list\` for the list.`);
    // Fresh healthy state, keeping the live object (servers hold it), Entra's key and the token log.
    const fresh = structuredClone(base);
    fresh.signingKey = state.signingKey;
    fresh.issuedTokens = state.issuedTokens;
    Object.assign(state, fresh);
    const ctx = planScenario(name, state, (registry, principalId, lifetime) =>
      tokens.issueRefreshToken({ state, registry }, principalId, DEFAULT_IDS.tenantId, lifetime));

    // Front faults and TLS.
    for (const k of Object.keys(faults)) delete faults[k];
    Object.assign(faults, ctx.faults);
    if (ctx.intercept !== intercept || firstApply) {
      for (const f of [...fronts, ...dataEndpoints, mcrFront]) f.setTls(ctx.intercept ? intercepting : trusted);
      intercept = ctx.intercept;
    }
    // DNS (in place, same inode) and packet rules.
    const dnsChanged = !sameJson(ctx.hosts, hosts);
    if (dnsChanged) { writeHosts(ctx.hosts); hosts = { ...ctx.hosts }; }
    if (!nftRules || !sameJson(ctx.nft, nftRules)) { setNftRules(ctx.nft); nftRules = [...ctx.nft]; }
    // dockerd: Go caches /etc/hosts for 5 s and reads its proxy env only at start, so restart it
    // when either changed.
    const proxyChanged = !sameJson(ctx.dockerd.proxy, dockerd.proxy);
    dockerd.setProxy(ctx.dockerd.proxy);
    if (!ctx.dockerd.running) await dockerd.stop();
    else if (!dockerd.running) await dockerd.start();
    else if (dnsChanged || proxyChanged) await dockerd.restart();
    if (ctx.dockerd.oldVersion) await oldDocker.start(); else await oldDocker.stop();
    oldVersion = ctx.dockerd.oldVersion;
    if (ctx.containerd?.running) await containerd.start(ctx.containerd.env); else await containerd.stop();
    containerd.writeHosts(ctx.containerd?.hosts ?? {});
    // The client's Docker config, reset for every scenario.
    writeDockerConfig(dockerConfigDir, ctx.dockerConfig);
    writeDockerContexts(dockerConfigDir, ctx.dockerContexts ?? {});
    writePodmanAuth(clientFiles.podmanAuth, ctx.podmanAuth);
    // A second, unprivileged user owns the client's files in their scenario; root otherwise.
    for (const f of [dockerConfigDir, path.join(dockerConfigDir, 'config.json'), path.dirname(clientFiles.podmanAuth)]) {
      try { fs.chownSync(f, ctx.runAsUid ?? 0, ctx.runAsUid ?? 0); } catch { /* not there */ }
    }
    clientExtra = {
      REGISTRY_AUTH_FILE: clientFiles.podmanAuth, CONTAINERS_STORAGE_CONF: clientFiles.storageConf, CONTAINERD_ADDRESS: containerd.socketPath,
      // The CA certificate is public; the PKI folder is not: a second user trusts a copy of it.
      ...(ctx.runAsUid !== undefined ? { NODE_EXTRA_CA_CERTS: clientFiles.publicCa, CURL_CA_BUNDLE: clientFiles.publicCa } : {}),
      ...ctx.clientEnv,
    };
    if (ctx.rootlessSocket) clientExtra.XDG_RUNTIME_DIR = rootlessRuntimeDir(dir, dockerd.socketPath);
    if (ctx.clientHome) {
      const home = writeClientHome(dir, ctx.clientHome);
      clientExtra.HOME = home;
      for (const [k, v] of Object.entries(clientExtra)) clientExtra[k] = v.replaceAll('{clientHome}', home);
    }
    const fakeBin = ctx.fakeBin ?? {};
    const hidden = [...(ctx.hideDockerCli ? ['docker'] : []), ...(ctx.hideCommands ?? [])];
    let clientPath = hidden.length ? pathWithout(dir, hidden) : process.env.PATH ?? '/usr/bin:/bin';
    if (Object.keys(fakeBin).length) clientPath = `${writeFakeBin(dir, fakeBin)}:${clientPath}`;
    if (hidden.length || Object.keys(fakeBin).length) clientExtra.PATH = clientPath;
    info = { ...def.info, ...(ctx.credentials ? { credentials: ctx.credentials } : {}) };
    if (info.clientProxy === undefined && clientExtra.HTTPS_PROXY) info.clientProxy = clientExtra.HTTPS_PROXY;
    firstApply = false;
    return info;
  }

  const world: SandboxWorld = {
    loginServer: NAMES.contoso,
    get hosts() { return { ...hosts }; },
    caPem: pki.ca.certPem,
    caFile,
    get dockerHost() { return oldVersion ? oldDocker.host : dockerd.host; },
    dockerConfigDir,
    azure,
    clientIp: IP.client,
    get scenario() { return info!; },
    state, dir, pki,
    armServed: true,
    latency,
    arm: arm.handler,
    parts: {
      dockerd,
      registries: Object.fromEntries(Object.entries(registries).map(([k, r]) => [k, { start: () => r.start(), stop: () => r.stop(), get pid() { return r.proc.pid; } }])),
      tinyproxy: { start: () => tinyproxy.start(), stop: () => tinyproxy.stop(), get pid() { return tinyproxy.proc.pid; }, url: `http://${IP.tinyproxy}:${PROXY_PORT}` },
      brokenProxy, blackHole, containerd,
    },
    pids() {
      return [dockerd.pid, tinyproxy.proc.pid, containerd.pid, ...Object.values(registries).map((r) => r.proc.pid)].filter((p): p is number => typeof p === 'number');
    },
    secrets() {
      const out = new Set<string>([...stateSecrets(state), ...issued, azure.clientSecret]);
      if (info?.credentials?.password) out.add(info.credentials.password);
      return [...out].filter((s) => s.length >= 8);
    },
    apply,
    clientEnv() {
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']) delete env[k];
      Object.assign(env, {
        DOCKER_HOST: world.dockerHost,
        DOCKER_CONFIG: dockerConfigDir,
        NODE_EXTRA_CA_CERTS: caFile,
        CURL_CA_BUNDLE: caFile,
        REQUESTS_CA_BUNDLE: caFile,
        AZURE_TENANT_ID: azure.tenantId,
        AZURE_CLIENT_ID: azure.clientId,
        AZURE_CLIENT_SECRET: azure.clientSecret,
        AZURE_AUTHORITY_HOST: azure.authorityHost,
        AZURE_SUBSCRIPTION_ID: azure.subscriptionId,
        ACR_DOCTOR_ARM_ENDPOINT: azure.armEndpoint,
        // The simulator stands in for the public cloud: its tokens carry the public audiences.
        ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE: '1',
        ...clientExtra,
      });
      // An empty value unsets the variable: docker treats a DOCKER_HOST that is set but empty as set.
      for (const [k, v] of Object.entries(clientExtra)) if (v === '') delete env[k];
      return env;
    },
    async stop() {
      for (const c of cleanups.reverse()) { try { await c(); } catch { /* keep stopping the rest */ } }
      cleanups.length = 0;
      writeHosts(defaultHosts());
      for (const n of certsDirNames()) fs.rmSync(path.join(CERTS_D, n), { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
      forgetOwn();
    },
  };
  await apply(opts.scenario ?? 'healthy');
  return world;
}

/** Run a scenario's setup against `state` (reset by the caller) and return what it asks for. */
function planScenario(name: string, state: ArmState, refreshToken: ScenarioContext['refreshToken']): ScenarioContext {
  const def = getScenario(name);
  if (!def) throw new Error(`Unknown sandbox scenario '${name}'. Run \`node scripts/sandbox.mjs list\` for the list.`);
  const ctx: ScenarioContext = {
    state, contoso: state.registries.find((r) => r.arm.name === 'contoso')!,
    fabrikam: state.registries.find((r) => r.arm.name === 'fabrikam'),
    sp: state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!,
    subscriptionId: DEFAULT_IDS.subscriptionId, tenantId: DEFAULT_IDS.tenantId,
    hosts: defaultHosts(), nft: [], faults: {}, intercept: false,
    dockerd: { running: true, proxy: {}, oldVersion: false },
    dockerConfig: { auths: {} }, clientEnv: {}, hideDockerCli: false, now: new Date(), refreshToken,
    hideCommands: [], fakeBin: {}, dockerContexts: {}, containerd: { running: false },
  };
  def.setup(ctx);
  return ctx;
}

/** A PATH of symlinks to every program on the current PATH except the `hidden` ones. */
function pathWithout(worldDir: string, hidden: string[]): string {
  const bin = path.join(worldDir, `bin-without-${[...hidden].sort().join('-')}`);
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(bin, { mode: 0o755 });
    for (const d of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
      let names: string[] = [];
      try { names = fs.readdirSync(d); } catch { continue; }
      for (const n of names) {
        if (hidden.includes(n)) continue;
        try { fs.symlinkSync(path.join(d, n), path.join(bin, n)); } catch { /* first PATH entry wins */ }
      }
    }
  }
  return bin;
}

/** An XDG_RUNTIME_DIR whose docker.sock is the world's dockerd, as rootless Docker's would be. */
function rootlessRuntimeDir(worldDir: string, socketPath: string): string {
  const dir = path.join(worldDir, 'xdg-runtime');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const link = path.join(dir, 'docker.sock');
  try { fs.unlinkSync(link); } catch { /* first time */ }
  fs.symlinkSync(socketPath, link);
  return dir;
}

/** The user's own files (podman's drop-ins, a containers.conf) in a fresh home folder of their own. */
function writeClientHome(worldDir: string, files: Record<string, string>): string {
  const home = path.join(worldDir, 'client-home');
  fs.rmSync(home, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    const f = path.join(home, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true, mode: 0o755 });
    fs.writeFileSync(f, text);
  }
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  return home;
}

/** The scenario's small programs in a fresh folder of their own (put first on the client's PATH). */
function writeFakeBin(worldDir: string, programs: Record<string, string>): string {
  const bin = path.join(worldDir, 'client-bin');
  fs.rmSync(bin, { recursive: true, force: true });
  fs.mkdirSync(bin, { mode: 0o755 });
  for (const [name, body] of Object.entries(programs)) fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return bin;
}

/** podman's auth file and a storage.conf that keeps its images in the world's folder, not the machine's. */
function prepareClientFiles(worldDir: string, caFile: string): { podmanAuth: string; storageConf: string; publicCa: string } {
  const dir = path.join(worldDir, 'containers');
  fs.mkdirSync(path.join(dir, 'storage'), { recursive: true, mode: 0o755 });
  const publicCa = path.join(dir, 'ca.crt');
  fs.copyFileSync(caFile, publicCa);
  fs.chmodSync(publicCa, 0o644);
  const storageConf = path.join(dir, 'storage.conf');
  fs.writeFileSync(storageConf, `[storage]\ndriver = "vfs"\nrunroot = "${dir}/run"\ngraphroot = "${dir}/storage"\n`);
  return { podmanAuth: path.join(dir, 'auth', 'auth.json'), storageConf, publicCa };
}

function writePodmanAuth(file: string, cfg: DockerConfigJson | undefined): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!cfg) return;
  const text = typeof cfg.__raw === 'string' ? cfg.__raw : JSON.stringify(cfg, null, 2) + '\n';
  fs.writeFileSync(file, text, { mode: 0o600 });
}

/** Docker contexts as `docker context create` writes them: contexts/meta/<sha256(name)>/meta.json. */
function writeDockerContexts(configDir: string, contexts: Record<string, string>): void {
  const root = path.join(configDir, 'contexts');
  fs.rmSync(root, { recursive: true, force: true });
  for (const [name, host] of Object.entries(contexts)) {
    const dir = path.join(root, 'meta', crypto.createHash('sha256').update(name).digest('hex'));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  }
}

function certsDirNames(): string[] {
  return [...tlsNames(), ...tlsNames().filter((n) => n.endsWith('.azurecr.io')).map((n) => n[0].toUpperCase() + n.slice(1))];
}

function writeDockerConfig(dir: string, cfg: DockerConfigJson): void {
  // `__raw`: a scenario wants a config file that is not valid JSON.
  const text = typeof cfg.__raw === 'string' ? cfg.__raw : JSON.stringify(cfg, null, 2) + '\n';
  fs.writeFileSync(path.join(dir, 'config.json'), text, { mode: 0o600 });
}
