// A scenario is ScenarioInfo (what the doctor should find) plus a `setup` that injects the fault
// into a fresh copy of the healthy world: ARM state, DNS, packet rules, front faults, dockerd's
// state and proxy, the client's Docker config and environment.
import type { ArmState, RegistryRecord, ServicePrincipal } from '../arm/state';
import type { FrontFaults } from '../front/policy';
import type { NftRule } from '../parts/nft';
import type { ScenarioInfo } from '../types';

export interface DockerConfigJson {
  auths?: Record<string, { auth?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  proxies?: { default?: { httpProxy?: string; httpsProxy?: string; noProxy?: string } };
  [k: string]: unknown;
}

export interface ScenarioContext {
  readonly state: ArmState;
  readonly contoso: RegistryRecord;
  readonly fabrikam: RegistryRecord | undefined;
  /** The service principal the client signs in as (AZURE_CLIENT_ID/SECRET). */
  readonly sp: ServicePrincipal;
  readonly subscriptionId: string;
  readonly tenantId: string;
  /** name -> address; starts as the healthy map. Delete a name to make DNS fail. */
  hosts: Record<string, string>;
  nft: NftRule[];
  /** Per registry name (e.g. 'contoso'). */
  faults: Record<string, FrontFaults>;
  /** Serve every TLS name with the interception CA's certificate (nobody trusts it). */
  intercept: boolean;
  dockerd: { running: boolean; proxy: Record<string, string>; oldVersion: boolean };
  dockerConfig: DockerConfigJson;
  /** Extra env for the client (e.g. HTTPS_PROXY); '' leaves the variable out (DOCKER_HOST: '' for no DOCKER_HOST). */
  clientEnv: Record<string, string>;
  /** The client's PATH has no docker CLI. */
  hideDockerCli: boolean;
  /** Further programs left out of the client's PATH (e.g. 'podman'). */
  hideCommands?: string[];
  /** Small programs put first on the client's PATH, name -> sh script body (a fake old docker, a failing credential helper). */
  fakeBin?: Record<string, string>;
  /** Docker contexts written to the client's config dir (contexts/meta), name -> docker endpoint host. */
  dockerContexts?: Record<string, string>;
  /** podman's auth.json (REGISTRY_AUTH_FILE); undefined: none. `__raw` for text that is not JSON. */
  podmanAuth?: DockerConfigJson;
  /**
   * Files of the user's own (podman's drop-ins, a containers.conf), relative to a fresh home folder
   * that becomes the client's HOME; `{clientHome}` in clientEnv values is that folder.
   */
  clientHome?: Record<string, string>;
  /** containerd runs for ctr (started on first use, at CONTAINERD_ADDRESS); `hosts`: registry -> its hosts.toml in config_path. */
  /** env: proxy variables the daemon itself runs with (as a containerd.service drop-in gives it). */
  containerd?: { running: boolean; hosts?: Record<string, string>; env?: Record<string, string> };
  /** Rootless Docker: the daemon's socket is also at $XDG_RUNTIME_DIR/docker.sock (XDG_RUNTIME_DIR set for the client). */
  rootlessSocket?: boolean;
  /** The user is this uid: the client's files are theirs. */
  runAsUid?: number;
  credentials?: ScenarioInfo['credentials'];
  /** An ACR refresh token for a principal (negative lifetime: already expired). */
  refreshToken(registry: RegistryRecord, principalId: string, lifetimeSeconds: number): string;
  now: Date;
}

export interface ScenarioDef {
  info: Omit<ScenarioInfo, 'credentials'>;
  setup(ctx: ScenarioContext): void;
}

export function basicAuth(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`).toString('base64');
}
