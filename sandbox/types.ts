// The sandbox's contract with the tests, the CLI launcher, `npm start` and the bench.
// A World is one running set of real parts inside the network namespace `acrsbx`;
// `apply(scenario)` switches fault injection without restarting what need not restart.
import type { CauseId } from '../src/core/catalogue/index';

export interface SandboxAzure {
  armEndpoint: string;       // https://management.sandbox.test
  authorityHost: string;     // https://login.sandbox.test
  tenantId: string;
  subscriptionId: string;
  clientId: string;          // service principal the tests sign in as
  clientSecret: string;
  principalId: string;       // its object id (role assignments refer to it)
}

export interface ScenarioInfo {
  name: string;
  description: string;
  seed: 'troubleshoot-login' | 'troubleshoot-network' | 'check-health' | 'none';
  section: string;                 // seed anchor, e.g. 'configure-public-access-to-registry'
  expectedCause: CauseId | null;   // null for 'healthy'
  /** Other causes that may legitimately be reported too (combination scenarios). */
  alsoExpected?: CauseId[];
  checkHealthCode?: string;
  /** Registry the scenario is about (default contoso). */
  registry: string;
  /** Client-side settings the scenario implies (e.g. HTTPS_PROXY for proxy scenarios). */
  clientProxy?: string;
  /** Explicit credentials the scenario wants checked (e.g. wrong admin password). */
  credentials?: { kind: 'admin' | 'servicePrincipal' | 'repositoryToken' | 'exposedToken' | 'basic'; username: string; password: string };
  /** Whether the scenario needs the user's Azure sign-in to be detected. */
  usesArm: boolean;
  /** What the user types as the registry (default: the login server), e.g. 'Contoso.azurecr.io'. */
  input?: string;
  /** What the user tried: 'login' (default), 'pull' or 'push' of `<registry>/hello:v1` (or of `image`). */
  operation?: 'login' | 'pull' | 'push';
  /** The image the user names after the registry (e.g. 'hello:v2'): the CLI gets `<login server>/<image>` instead of `--repository hello`. */
  image?: string;
  /** Whose rights the user asks about, as `--identity` takes it (e.g. 'token:ci-token', 'aks:contoso-aks'). */
  identity?: string;
  /** The user has no Azure sign-in (the CLI runs with --no-azure), whatever the seed. */
  noAzure?: boolean;
  /** The user asks about every Azure resource that pulls from the registry (the CLI runs with --pulled-by). */
  pulledBy?: boolean;
  /** The container client the user has instead of docker (the CLI runs with --client). */
  client?: 'podman' | 'containerd';
  /** The user is this unprivileged uid, not root (a second user in the namespace, e.g. 65534). */
  runAsUid?: number;
  /**
   * For a scenario of several registries (`npm start`'s mixed): what a user sees for each, the
   * source of its banner and held to it by tests (the tree lists each, Diagnose reports its cause).
   */
  shows?: RegistryPromise[];
}

export interface RegistryPromise {
  /** Resource name; the login server is `<name>.azurecr.io`. */
  registry: string;
  /** The cause Diagnose ranks first (null: healthy). */
  expectedCause: CauseId | null;
  /** What the diagnosis is of, when the cause needs it: repository and operation. */
  repository?: string;
  operation?: 'pull' | 'push';
  /** The banner's words for it. */
  says: string;
}

export interface World {
  readonly loginServer: string;                 // contoso.azurecr.io
  readonly hosts: Readonly<Record<string, string>>; // every name the sandbox serves -> its 192.0.2.x address
  readonly caPem: string;
  readonly caFile: string;
  readonly dockerHost: string;                  // unix:///…/docker.sock
  readonly dockerConfigDir: string;             // DOCKER_CONFIG for clients (seeded per scenario)
  readonly azure: SandboxAzure;
  readonly clientIp: string;                    // the address the front sees for our client
  /** Every secret the world issued (passwords, client secrets, tokens it signed) for leak scans. */
  secrets(): string[];
  readonly scenario: ScenarioInfo;
  apply(name: string): Promise<ScenarioInfo>;
  /** Env for a child process acting as the user (docker, curl, acr-doctor, az). */
  clientEnv(): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}
