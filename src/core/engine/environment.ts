// Everything about the client side a diagnosis may use. Core never reads process.env itself
// except through `environmentFromProcess` (so tests and the extension pass their own).
import type { TokenCredential } from '@azure/core-auth';
import type { IdentitySpec, ImageReference, Operation } from '../registry/image-reference';
import type { PodmanProxy } from '../podman/containers-conf';

export interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

export interface AzureContext {
  credential: TokenCredential;
  /** ARM endpoint, e.g. https://management.azure.com (the sandbox: https://management.sandbox.test). */
  armEndpoint: string;
  /** Audience scope for ARM tokens. */
  armScope?: string;
  /** A custom ARM endpoint may get tokens for the public cloud's audiences (the user opted in); default: its own. */
  allowCustomEndpointAudience?: boolean;
  tenantId?: string;
  subscriptionId?: string;
  /** Object id of the signed-in principal, when known (for role assignment checks). */
  principalId?: string;
  /** Entra authority host (https://login.microsoftonline.com, the sandbox's login.sandbox.test), for checking explicit service principal secrets. */
  authorityHost?: string;
}

/** Explicit credentials the user wants checked (CLI flags, a prompt in VS Code). */
export interface ExplicitCredentials {
  kind: 'admin' | 'servicePrincipal' | 'repositoryToken' | 'exposedToken' | 'basic';
  username: string;
  password: string;
}

/** The container client whose login, push and pull are diagnosed. */
export type ClientTool = 'docker' | 'podman' | 'containerd';

/** What the user's environment says about where the client runs (read from their environment variables). */
export interface ClientHostEnv {
  /** WSL_DISTRO_NAME: inside a WSL distribution. */
  wslDistro?: string;
  /** AZUREPS_HOST_ENVIRONMENT or ACC_CLOUD: Azure Cloud Shell, which has no Docker daemon by design. */
  cloudShell?: string;
  /** XDG_RUNTIME_DIR: rootless Docker's socket and podman's auth.json live here. */
  xdgRuntimeDir?: string;
  /** The user's home folder (podman's ~/.config/containers). */
  home?: string;
  /** XDG_CONFIG_HOME (podman's containers/ config folder, default ~/.config). */
  xdgConfigHome?: string;
  /** REGISTRY_AUTH_FILE: podman's, skopeo's and buildah's credential file when set. */
  registryAuthFile?: string;
  /** CONTAINERS_REGISTRIES_CONF: podman's registries.conf when set. */
  registriesConf?: string;
  /** CONTAINERS_CONF: the one containers.conf podman reads when set. */
  containersConf?: string;
  /** CONTAINERS_CONF_OVERRIDE: a containers.conf podman reads after all others. */
  containersConfOverride?: string;
  /** CONTAINERD_ADDRESS: containerd's socket when set. */
  containerdAddress?: string;
  /** Where the kernel's version string is read (WSL says so there); tests point it elsewhere. */
  procVersionFile?: string;
}

export interface DiagnoseEnvironment {
  /** host -> IP address overrides (the CLI's --resolve; the sandbox without root). */
  resolve?: Record<string, string>;
  /** Client proxy settings (HTTPS_PROXY / NO_PROXY of the shell). */
  proxy: ProxySettings;
  /** Directory holding config.json ($DOCKER_CONFIG or ~/.docker). */
  dockerConfigDir: string;
  /** Docker daemon address (DOCKER_HOST), default the local socket. */
  dockerHost?: string;
  /** PATH used to find the docker CLI and docker-credential-* helpers (the user's shell PATH). */
  searchPath?: string;
  /** Extra trusted CA certificates (PEM), in addition to Node's roots. */
  extraCaPem?: string[];
  azure?: AzureContext;
  credentials?: ExplicitCredentials;
  /** Repository used for scope and pull checks, e.g. 'hello' (equal to image.repository when an image is named). */
  repository?: string;
  /** The image the user works with; its tag or digest is what the image checks look up. */
  image?: ImageReference;
  /** Who attempts the operation (default: the Azure sign-in, or `credentials` when given). Never holds a secret. */
  identity?: IdentitySpec;
  /** Run the slow pull test through the daemon. */
  pullTest?: boolean;
  /** Also judge every Azure resource that pulls from the registry (the CLI's --pulled-by). */
  pulledBy?: boolean;
  /** What the user is trying to do (default 'login'): decides whether missing pull/push rights fail. */
  operation?: Operation;
  /** The container client in use (--client, acrDoctor.client); default: docker when on PATH, else podman, else containerd's ctr/nerdctl. */
  client?: ClientTool;
  /** Where the client runs: WSL, Cloud Shell, rootless socket, podman's files. */
  clientHost?: ClientHostEnv;
  /**
   * Set before the run when the client takes its proxy from its own files (podman's containers.conf)
   * or its daemon (containerd's environment or systemd drop-in): `proxy` above is then the client's,
   * and this says where it came from and what the shell had.
   */
  clientProxy?:
    | { tool: 'podman'; source: PodmanProxy; shell: ProxySettings }
    | { tool: 'containerd'; from: string; pid?: number; shell: ProxySettings };
  /** Clock, replaceable in tests. */
  now(): Date;
}
