// Texts of clients this machine cannot run (Debian has no helm, oras, crane, nerdctl, buildx; CI
// steps run elsewhere), composed from each tool's own error formatting: for every sandbox scenario
// below, what the registry (or the network) answers, and per tool the words its source wraps that
// answer in. `npm run corpus:from-source` writes them to test/data/explain-corpus/from-source/composed-<tool>.json;
// a unit test keeps the files equal to what this module composes.
import type { CorpusEntry, CorpusOperation } from '../../support/explain-corpus';

const H = 'contoso.azurecr.io';
const DATA = 'contoso.westeurope.data.azurecr.io';
const ACR_401 = 'authentication required, visit https://aka.ms/acr/authorization for more information.';
const FIREWALL = "client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.";
const LOCKED = 'The operation is disallowed on this registry, repository or image.';
const TOKEN_GET = `https://${H}/oauth2/token?scope=repository%3Ahello%3Apull&service=${H}`;
const BLOB = `https://${DATA}/blobs/sha256:72f687beb57d3e3e50ef86c1741dba0e28f72e88d4fdb37ce359a07b077f550d?repo=hello&se=1796646352&sig=***`;

/** What the registry or the network answers in a scenario, whichever client asks. */
export type Wire =
  | 'token-401' // the token service refuses the user name and password
  | 'anonymous-401' // no credential sent; anonymous pull is off
  | 'scope-401' // a token was issued, but without the action (pull) on the repository
  | 'push-denied' // a token was issued, but without push
  | 'tag-unknown' | 'repository-unknown' | 'platform-missing'
  | 'throttled' | 'firewall-403' | 'locked'
  | 'dns' | 'refused' | 'timeout' | 'x509' | 'proxy' | 'blob-timeout';

interface Fault { scenario: string; cause: string; wire: Wire; op: CorpusOperation }

/** Sandbox scenarios and what each one answers (their causes are the sandbox's, test/data/explain-corpus/<client>/). */
export const FAULTS: Fault[] = [
  { scenario: 'wrong-password', cause: 'credentials.invalid', wire: 'token-401', op: 'login' },
  { scenario: 'anonymous-pull-disabled', cause: 'credentials.anonymous-pull-disabled', wire: 'anonymous-401', op: 'pull' },
  { scenario: 'missing-acrpull', cause: 'authz.missing-acrpull', wire: 'scope-401', op: 'pull' },
  { scenario: 'missing-acrpush', cause: 'authz.missing-acrpush', wire: 'push-denied', op: 'push' },
  { scenario: 'image-tag-missing', cause: 'image.tag-not-found', wire: 'tag-unknown', op: 'pull' },
  { scenario: 'image-repository-missing', cause: 'image.repository-not-found', wire: 'repository-unknown', op: 'pull' },
  { scenario: 'image-platform-missing', cause: 'image.platform-missing', wire: 'platform-missing', op: 'pull' },
  { scenario: 'throttled', cause: 'network.throttled', wire: 'throttled', op: 'pull' },
  { scenario: 'ip-rule-excludes-client', cause: 'network.ip-rule-excludes-client', wire: 'firewall-403', op: 'pull' },
  { scenario: 'image-tag-locked', cause: 'image.locked', wire: 'locked', op: 'push' },
  { scenario: 'dns-missing', cause: 'network.dns-resolution-failed', wire: 'dns', op: 'login' },
  { scenario: 'login-server-refused', cause: 'network.login-server-unreachable', wire: 'refused', op: 'login' },
  { scenario: 'black-hole', cause: 'network.login-server-timeout', wire: 'timeout', op: 'login' },
  { scenario: 'tls-unknown-ca', cause: 'network.tls-untrusted', wire: 'x509', op: 'login' },
  { scenario: 'client-proxy-broken', cause: 'network.client-proxy-broken', wire: 'proxy', op: 'login' },
  { scenario: 'data-endpoint-blocked', cause: 'network.data-endpoint-blocked', wire: 'blob-timeout', op: 'pull' },
];

/** Go's net/http words for a request that never got an answer (what every Go client below wraps). */
function goNet(method: string, url: string, w: Wire): string | undefined {
  const at = `${method} "${url}"`;
  switch (w) {
    case 'dns': return `${at}: dial tcp: lookup ${H} on 10.0.0.2:53: no such host`;
    case 'refused': return `${at}: dial tcp 20.50.2.10:443: connect: connection refused`;
    case 'timeout': return `${at}: dial tcp 20.50.2.10:443: i/o timeout`;
    case 'x509': return `${at}: tls: failed to verify certificate: x509: certificate signed by unknown authority`;
    case 'proxy': return `${at}: proxyconnect tcp: dial tcp 10.0.0.9:3128: connect: connection refused`;
    case 'blob-timeout': return `Get "${BLOB}": dial tcp 20.50.2.11:443: i/o timeout`;
    default: return undefined;
  }
}

/** containerd's remotes/docker chain (nerdctl, BuildKit, the kubelet through CRI) for an answer. */
function containerdChain(w: Wire, op: CorpusOperation): string | undefined {
  const manifest = `https://${H}/v2/hello/manifests/v1`;
  switch (w) {
    case 'token-401': return `failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://${H}/oauth2/token: 401 Unauthorized`;
    case 'anonymous-401': return `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to ${TOKEN_GET}: 401 Unauthorized`;
    case 'scope-401': return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    case 'push-denied': return 'server message: insufficient_scope: authorization failed';
    case 'tag-unknown': return `${H}/hello:v2: not found`;
    case 'repository-unknown': return `${H}/helo:v1: not found`;
    case 'platform-missing': return 'no match for platform in manifest: not found';
    case 'throttled': return `unexpected status from HEAD request to ${manifest}: 429 Too Many Requests`;
    case 'firewall-403': return `pulling from host ${H} failed with status code [manifests v1]: 403 Forbidden`;
    case 'locked': return `unexpected status from PUT request to ${manifest}: 405 Method Not Allowed`;
    case 'blob-timeout': return `failed to copy: httpReadSeeker: failed open: failed to do request: ${goNet('Get', '', w)}`;
    default: {
      const n = goNet('Head', op === 'login' ? `https://${H}/v2/` : manifest, w);
      return n && `failed to do request: ${n}`;
    }
  }
}

/** The Docker daemon's words (docker login / pull / push), which CI steps print as they are. */
function dockerDaemon(w: Wire, op: CorpusOperation): string | undefined {
  const v2 = `https://${H}/v2/`;
  if (op === 'login') {
    switch (w) {
      case 'token-401': return `Error response from daemon: Get "${v2}": unauthorized: ${ACR_401}`;
      case 'throttled': return `Error response from daemon: login attempt to ${v2} failed with status: 429 Too Many Requests`;
      case 'firewall-403': return `Error response from daemon: login attempt to ${v2} failed with status: 403 Forbidden`;
      case 'timeout': return `Error response from daemon: Get "${v2}": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`;
      default: { const n = goNet('Get', v2, w); return n && `Error response from daemon: ${n}`; }
    }
  }
  if (op === 'push') {
    switch (w) {
      case 'push-denied': return `The push refers to repository [${H}/hello]\n644e017f9036: Preparing\ndenied: requested access to the resource is denied`;
      case 'locked': return `The push refers to repository [${H}/hello]\n644e017f9036: Layer already exists\ndenied: ${LOCKED}`;
      default: return undefined;
    }
  }
  switch (w) {
    case 'anonymous-401': return `Error response from daemon: Head "https://${H}/v2/hello/manifests/v1": unauthorized: ${ACR_401}`;
    case 'scope-401': return `Error response from daemon: pull access denied for ${H}/hello, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    case 'tag-unknown': return `Error response from daemon: manifest for ${H}/hello:v2 not found: manifest unknown: manifest tagged by "v2" is not found`;
    case 'repository-unknown': return `Error response from daemon: pull access denied for ${H}/helo, repository does not exist or may require 'docker login': name unknown: repository name not known to registry`;
    case 'throttled': return `Error response from daemon: toomanyrequests: too many requests`;
    case 'firewall-403': return `Error response from daemon: Head "https://${H}/v2/hello/manifests/v1": denied: ${FIREWALL}`;
    default: return undefined;
  }
}

interface Tool {
  client: string;
  from: string;
  /** The source file(s) whose formatting the texts follow. */
  ref: string;
  ops: CorpusOperation[];
  render(w: Wire, op: CorpusOperation): string | undefined;
}

const CHART_MANIFEST = `https://${H}/v2/charts/web/manifests/0.1.0`;
const ORAS_REG = (code: string, msg: string) => `Error response from registry: ${code}: ${msg}`;

export const TOOLS: Tool[] = [
  {
    client: 'helm', ops: ['login', 'pull', 'push'],
    from: 'Helm 3.14+/4 OCI registries over oras-go v2 (github.com/helm/helm pkg/registry/client.go; github.com/oras-project/oras-go registry/remote/errcode/errors.go, content.go)',
    ref: 'client.go Login: "authenticating to %q: %w"; errcode ErrorResponse: "%s %q: response status code %d: %s"; oras.CopyError: "failed to perform %q on %s: %w"; errdef.ErrNotFound: "<ref>: not found"',
    render(w, op) {
      const codeMsg = (st: number, code: string, msg: string) => `response status code ${st}: ${code}: ${msg}`;
      if (op === 'login') {
        if (w === 'token-401') return `Error: authenticating to "${H}": POST "https://${H}/oauth2/token": ${codeMsg(401, 'unauthorized', ACR_401)}`;
        if (w === 'throttled') return `Error: authenticating to "${H}": GET "https://${H}/v2/": ${codeMsg(429, 'toomanyrequests', 'too many requests')}`;
        if (w === 'firewall-403') return `Error: authenticating to "${H}": GET "https://${H}/v2/": ${codeMsg(403, 'denied', FIREWALL)}`;
        const n = goNet('Get', `https://${H}/v2/`, w);
        return n && `Error: authenticating to "${H}": ${n}`;
      }
      if (op === 'push') {
        if (w === 'push-denied') return `Error: failed to perform "Push" on destination: PUT "${CHART_MANIFEST}": ${codeMsg(401, 'unauthorized', `${ACR_401}: [map[Action:push Class: Name:charts/web Type:repository]]`)}`;
        if (w === 'locked') return `Error: failed to perform "Push" on destination: PUT "${CHART_MANIFEST}": ${codeMsg(405, 'denied', LOCKED)}`;
        return undefined;
      }
      switch (w) {
        case 'anonymous-401': return `Error: failed to perform "FetchReference" on source: GET "${TOKEN_GET.replace('hello', 'charts%2Fweb')}": ${codeMsg(401, 'unauthorized', ACR_401)}`;
        case 'scope-401': return `Error: failed to perform "FetchReference" on source: GET "${CHART_MANIFEST}": ${codeMsg(401, 'unauthorized', `${ACR_401}: [map[Action:pull Class: Name:charts/web Type:repository]]`)}`;
        case 'tag-unknown': return `Error: ${H}/charts/web:0.2.0: not found`;
        case 'repository-unknown': return `Error: failed to perform "FetchReference" on source: GET "https://${H}/v2/charts/wbe/manifests/0.1.0": ${codeMsg(404, 'name unknown', 'repository name not known to registry: map[name:charts/wbe]')}`;
        case 'throttled': return `Error: failed to perform "FetchReference" on source: GET "${CHART_MANIFEST}": ${codeMsg(429, 'toomanyrequests', 'too many requests')}`;
        case 'firewall-403': return `Error: failed to perform "FetchReference" on source: GET "${CHART_MANIFEST}": ${codeMsg(403, 'denied', FIREWALL)}`;
        case 'blob-timeout': return `Error: failed to perform "Fetch" on source: ${goNet('Get', '', w)}`;
        default: return undefined;
      }
    },
  },
  {
    client: 'helm-repo', ops: ['login'],
    from: 'Helm chart-repository API (helm repo add https://<registry>/helm/v1/repo; github.com/helm/helm pkg/repo/v1/chartrepo.go, pkg/getter/httpgetter.go)',
    ref: 'chartrepo.go: "looks like %q is not a valid chart repository or cannot be reached: %w"; httpgetter.go: "failed to fetch %s : %s"',
    render(w) {
      const repo = `https://${H}/helm/v1/repo`;
      const lead = `Error: looks like "${repo}" is not a valid chart repository or cannot be reached: `;
      const idx = `${repo}/index.yaml`;
      const status: Partial<Record<Wire, string>> = { 'token-401': '401 Unauthorized', 'firewall-403': '403 Forbidden', throttled: '429 Too Many Requests' };
      if (status[w]) return `${lead}failed to fetch ${idx} : ${status[w]}`;
      // The index comes from the login server itself: no blob, no data endpoint.
      if (w === 'blob-timeout') return undefined;
      const n = goNet('Get', idx, w);
      return n && lead + n;
    },
  },
  {
    client: 'oras', ops: ['login', 'pull', 'push'],
    from: 'ORAS CLI 1.2+ (github.com/oras-project/oras cmd/oras/internal/errors/errors.go, cmd/oras/internal/option/remote.go; oras-go v2 registry/remote/errcode/errors.go)',
    ref: 'RegistryErrorPrefix "Error response from registry:" with the registry\'s errors ("%s: %s: %v", code lower-cased); errdef.ErrNotFound "<ref>: not found"; internal/platform/platform.go "%s: %w: no matching manifest was found in the manifest list"; other errors "Error: %s"',
    render(w, op) {
      switch (w) {
        case 'token-401': case 'anonymous-401': return ORAS_REG('unauthorized', ACR_401);
        case 'scope-401': return ORAS_REG('unauthorized', `${ACR_401}: [map[Action:pull Class: Name:hello Type:repository]]`);
        case 'push-denied': return ORAS_REG('denied', 'requested access to the resource is denied');
        case 'tag-unknown': return `Error: ${H}/hello:v2: not found`;
        case 'repository-unknown': return ORAS_REG('name unknown', 'repository name not known to registry: map[name:helo]');
        case 'throttled': return ORAS_REG('toomanyrequests', 'too many requests');
        case 'firewall-403': return ORAS_REG('denied', FIREWALL);
        case 'locked': return ORAS_REG('denied', LOCKED);
        case 'platform-missing': return 'Error: sha256:4f46bb1bfca90df0c1ed3b973e959cf9a4537bbd6d346ad2787cda3bce3486a6: not found: no matching manifest was found in the manifest list';
        case 'blob-timeout': return `Error: failed to copy: ${goNet('Get', '', w)}`;
        default: { const n = goNet(op === 'login' ? 'Get' : 'Head', op === 'login' ? `https://${H}/v2/` : `https://${H}/v2/hello/manifests/v1`, w); return n && `Error: ${n}`; }
      }
    },
  },
  {
    client: 'crane', ops: ['pull', 'push', 'list'],
    from: 'crane (github.com/google/go-containerregistry cmd/crane, pkg/v1/remote/transport/error.go)',
    ref: 'transport.Error: "%s %s: " + Diagnostic "$Code: $Message[; $Detail]", or "unexpected status code %d %s (HEAD responses have no body, use GET for details)"; cobra "Error: "; crane auth login stores without checking, so a bad password shows at the next pull',
    render(w, op) {
      const manifest = `https://${H}/v2/hello/manifests/v1`;
      switch (w) {
        case 'token-401': return `Error: GET ${TOKEN_GET}: UNAUTHORIZED: ${ACR_401}`;
        case 'anonymous-401': return `Error: GET ${manifest}: UNAUTHORIZED: ${ACR_401}`;
        case 'scope-401': return `Error: GET ${manifest}: UNAUTHORIZED: ${ACR_401}; [map[Action:pull Class: Name:hello Type:repository]]`;
        case 'push-denied': return op === 'push' ? `Error: PUT ${manifest}: DENIED: requested access to the resource is denied` : undefined;
        case 'tag-unknown': return `Error: GET https://${H}/v2/hello/manifests/v2: MANIFEST_UNKNOWN: manifest tagged by "v2" is not found; map[Tag:v2]`;
        case 'repository-unknown': return `Error: GET https://${H}/v2/helo/manifests/v1: NAME_UNKNOWN: repository name not known to registry; map[name:helo]`;
        case 'throttled': return `Error: HEAD ${manifest}: unexpected status code 429 Too Many Requests (HEAD responses have no body, use GET for details)`;
        case 'firewall-403': return `Error: GET https://${H}/v2/: DENIED: ${FIREWALL}`;
        case 'locked': return op === 'push' ? `Error: PUT ${manifest}: DENIED: ${LOCKED}` : undefined;
        case 'platform-missing': return 'Error: no child with platform linux/arm64 in index contoso.azurecr.io/hello:v1';
        case 'blob-timeout': return `Error: ${goNet('Get', '', w)}`;
        default: { const n = goNet('Get', `https://${H}/v2/`, w); return n && `Error: ${n}`; }
      }
    },
  },
  {
    client: 'nerdctl', ops: ['login', 'pull', 'push'],
    from: 'nerdctl (github.com/containerd/nerdctl pkg/cmd/login/login.go, cmd/nerdctl/main.go) over containerd remotes/docker (github.com/containerd/containerd core/remotes/docker/authorizer.go, resolver.go, core/remotes/errors/errors.go)',
    ref: 'login.go: "failed to call rh.Authorizer.Authorize: %w", "failed to call rh.Client.Do: %w"; main.go log.L.Fatal (FATA[0000]); authorizer.go "failed to fetch oauth token: %w"; errors.go "unexpected status from %s request to %s: %s"',
    render(w, op) {
      if (op === 'login') {
        if (w === 'token-401') return `ERRO[0000] failed to call tryLoginWithRegHost error="failed to call rh.Authorizer.Authorize: failed to fetch oauth token: unexpected status from POST request to https://${H}/oauth2/token: 401 Unauthorized" i=0\nFATA[0000] failed to call rh.Authorizer.Authorize: failed to fetch oauth token: unexpected status from POST request to https://${H}/oauth2/token: 401 Unauthorized`;
        if (w === 'throttled') return 'FATA[0000] unexpected status code 429';
        if (w === 'firewall-403') return 'FATA[0000] unexpected status code 403';
        const n = goNet('Get', `https://${H}/v2/`, w);
        return n && `FATA[0000] failed to call rh.Client.Do: ${n}`;
      }
      const chain = containerdChain(w, op);
      if (!chain) return undefined;
      if (op === 'push') return ['push-denied', 'locked'].includes(w) ? `FATA[0001] failed to push ${H}/hello:v1: ${chain}` : undefined;
      if (w === 'platform-missing') return `FATA[0000] failed to pull image ${H}/hello:v1: ${chain}`;
      return `FATA[0000] failed to resolve reference "${w === 'tag-unknown' ? `${H}/hello:v2` : w === 'repository-unknown' ? `${H}/helo:v1` : `${H}/hello:v1`}": ${chain}`;
    },
  },
  {
    client: 'buildx', ops: ['pull', 'push'],
    from: 'docker buildx / BuildKit (github.com/moby/buildkit solver and util/resolver over containerd remotes/docker; github.com/docker/buildx)',
    ref: 'buildx "ERROR: failed to solve: %v"; BuildKit image source "failed to resolve source metadata for %s: %w"; exporter "failed to push %s: %w"; containerd authorizer/resolver chain',
    render(w, op) {
      if (op === 'push') {
        if (!['push-denied', 'locked', 'token-401'].includes(w)) return undefined;
        return `ERROR: failed to solve: failed to push ${H}/hello:v1: ${containerdChain(w, op)}`;
      }
      const ref = w === 'tag-unknown' ? `${H}/hello:v2` : w === 'repository-unknown' ? `${H}/helo:v1` : `${H}/hello:v1`;
      const chain = containerdChain(w, op);
      if (!chain) return undefined;
      return `#2 [internal] load metadata for ${ref}\n#2 ERROR: ${chain}\n------\n > [internal] load metadata for ${ref}:\n------\nDockerfile:1\n--------------------\n   1 | >>> FROM ${ref}\n--------------------\nERROR: failed to solve: ${ref}: failed to resolve source metadata for ${ref}: ${chain}`;
    },
  },
  {
    client: 'github-actions', ops: ['login', 'pull', 'push'],
    from: 'GitHub Actions docker/login-action (github.com/docker/login-action src/docker.ts) and Azure/docker-login (github.com/Azure/docker-login src/login.ts) followed by a docker step',
    ref: 'login-action docker.ts: throw new Error(res.stderr.trim()) shown as "Error: <docker login stderr>"; Azure/docker-login writes config.json without checking, so the fault shows in the next docker pull/push step ("Error: Process completed with exit code 1.")',
    render(w, op) {
      const d = dockerDaemon(w, op);
      if (!d) return undefined;
      if (op === 'login') return `Run docker/login-action@v3\nLogging into ${H}...\nError: ${d}`;
      return `Run docker ${op} ${H}/hello:v1\n${d}\nError: Process completed with exit code 1.`;
    },
  },
  {
    client: 'azure-pipelines', ops: ['login', 'pull', 'push'],
    from: 'Azure Pipelines Docker@2 task (github.com/microsoft/azure-pipelines-tasks Tasks/DockerV2; azure-pipelines-task-lib toolrunner)',
    ref: 'docker stderr lines as "##[error]…"; toolrunner LIB_ProcessExitCode "The process \'%s\' failed with exit code %s"',
    render(w, op) {
      const d = dockerDaemon(w, op);
      if (!d) return undefined;
      const cmd = op === 'login' ? `/usr/bin/docker login -u *** -p *** ${H}` : `/usr/bin/docker ${op} ${H}/hello:v1`;
      return `${cmd}\n${d.split('\n').map((l) => (/^(Error|denied|unauthorized|toomanyrequests)/.test(l) ? `##[error]${l}` : l)).join('\n')}\n##[error]The process '/usr/bin/docker' failed with exit code 1`;
    },
  },
];

/** Every composed text: each tool, each scenario it can meet, in the operation the scenario breaks (or the tool's nearest). */
export function composeFromSource(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const t of TOOLS) {
    for (const f of FAULTS) {
      // A login fault shows in a tool without a login at its first pull; a pull fault in a tool that only logs in at its login.
      const op: CorpusOperation = t.ops.includes(f.op) ? f.op : f.op === 'login' && t.ops.includes('pull') ? 'pull' : f.op === 'pull' && t.ops.includes('login') ? 'login' : f.op;
      if (!t.ops.includes(op)) continue;
      const text = t.render(f.wire, op);
      if (!text) continue;
      out.push({ client: t.client, operation: op, scenario: f.scenario, expectedCause: f.cause, acceptable: [], source: { from: t.from, ref: t.ref }, text });
    }
  }
  return out;
}
