// The one place core reads a process environment (passed in, never process.env directly):
// proxy variables as Docker reads them, DOCKER_CONFIG / DOCKER_HOST, NODE_EXTRA_CA_CERTS, PATH.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClientHostEnv, ClientTool, DiagnoseEnvironment } from './environment';

function first(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const n of names) { const v = env[n]?.trim(); if (v) return v; }
  return undefined;
}

export interface ProcessEnvOptions {
  resolve?: Record<string, string>;
  repository?: string;
  pullTest?: boolean;
  home?: string;
  /** The container client chosen (--client); undefined: found on PATH. */
  client?: ClientTool;
  /**
   * NODE_EXTRA_CA_CERTS is already in Node's default trust (a plain node process reads it at
   * start-up; VS Code's extension host does not honour it for requests): then it is not passed on
   * as extra CAs, which would give every connection a custom CA list to build (~140 roots parsed).
   */
  nodeTrustsExtraCa?: boolean;
}

export interface ProcessEnvResult {
  env: DiagnoseEnvironment;
  /** Problems reading the environment (e.g. an unreadable NODE_EXTRA_CA_CERTS file). */
  warnings: string[];
}

export function environmentFromProcess(penv: NodeJS.ProcessEnv, opts: ProcessEnvOptions = {}): ProcessEnvResult {
  const warnings: string[] = [];
  const extraCaPem: string[] = [];
  const caFile = first(penv, 'NODE_EXTRA_CA_CERTS');
  if (caFile && !opts.nodeTrustsExtraCa) {
    try { extraCaPem.push(readFileSync(caFile, 'utf8')); } catch (e) { warnings.push(`NODE_EXTRA_CA_CERTS (${caFile}) cannot be read: ${(e as NodeJS.ErrnoException).code ?? e}`); }
  }
  const env: DiagnoseEnvironment = {
    proxy: {
      httpsProxy: first(penv, 'HTTPS_PROXY', 'https_proxy'),
      httpProxy: first(penv, 'HTTP_PROXY', 'http_proxy'),
      noProxy: first(penv, 'NO_PROXY', 'no_proxy'),
    },
    dockerConfigDir: first(penv, 'DOCKER_CONFIG') ?? join(opts.home ?? homedir(), '.docker'),
    dockerHost: first(penv, 'DOCKER_HOST'),
    searchPath: penv.PATH,
    extraCaPem: extraCaPem.length ? extraCaPem : undefined,
    resolve: opts.resolve && Object.keys(opts.resolve).length ? opts.resolve : undefined,
    repository: opts.repository,
    pullTest: opts.pullTest,
    client: opts.client,
    clientHost: clientHostFrom(penv, opts.home),
    now: () => new Date(),
  };
  return { env, warnings };
}

/** The variables that say where the container client runs (WSL, Cloud Shell, rootless, podman's files). */
export function clientHostFrom(penv: NodeJS.ProcessEnv, home?: string): ClientHostEnv {
  const h: ClientHostEnv = {
    wslDistro: first(penv, 'WSL_DISTRO_NAME'),
    // AZUREPS_HOST_ENVIRONMENT names other hosts too; Cloud Shell's says cloud-shell/1.0, and sets ACC_CLOUD.
    cloudShell: /cloud-?shell/i.test(first(penv, 'AZUREPS_HOST_ENVIRONMENT') ?? '') ? first(penv, 'AZUREPS_HOST_ENVIRONMENT') : first(penv, 'ACC_CLOUD') && `ACC_CLOUD=${first(penv, 'ACC_CLOUD')}`,
    xdgRuntimeDir: first(penv, 'XDG_RUNTIME_DIR'),
    home: home ?? first(penv, 'HOME', 'USERPROFILE') ?? homedir(),
    xdgConfigHome: first(penv, 'XDG_CONFIG_HOME'),
    registryAuthFile: first(penv, 'REGISTRY_AUTH_FILE'),
    registriesConf: first(penv, 'CONTAINERS_REGISTRIES_CONF'),
    containersConf: first(penv, 'CONTAINERS_CONF'),
    containersConfOverride: first(penv, 'CONTAINERS_CONF_OVERRIDE'),
    containerdAddress: first(penv, 'CONTAINERD_ADDRESS'),
  };
  for (const k of Object.keys(h) as (keyof ClientHostEnv)[]) if (h[k] === undefined) delete h[k];
  return h;
}
