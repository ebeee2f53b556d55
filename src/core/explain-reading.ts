// What a pasted error says about itself, read before any cause is ranked: the tool that printed it,
// the operation it tried, the registry host, the image reference and the codes it quotes (OCI
// distribution codes, HTTP statuses, Entra AADSTS, ARM error codes, check-health codes). Each
// tool is known by the way it frames an error (docker's "Error response from daemon", skopeo's
// `level=fatal msg=`, containers/image's "initializing source docker://", BuildKit's
// "failed to solve", Helm's "Error: failed to authorize", kubelet's "ErrImagePull" …).
import type { Localized } from './catalogue/types';

export type ExplainTool =
  | 'docker' | 'podman' | 'skopeo' | 'buildah' | 'buildkit' | 'containerd' | 'kubelet' | 'helm' | 'az'
  | 'curl' | 'docker-sdk' | 'azure-sdk' | 'github-actions' | 'azure-pipelines' | 'oras' | 'crane';
export type ExplainOperation = 'login' | 'pull' | 'push' | 'list' | 'import' | 'build';

export interface TextReading {
  tool?: ExplainTool;
  operation?: ExplainOperation;
  host?: string;
  /** host/repository[:tag|@digest] as quoted. */
  image?: string;
  /** OCI distribution error codes (upper case), in order of appearance. */
  ociCodes: string[];
  /** HTTP statuses the text names (401, 403 …); 'EOF' for a connection closed without an answer. */
  httpStatus: string[];
  aadsts: string[];
  armCodes: string[];
  checkHealthCodes: string[];
}

// First match wins: the most telling frames first (a CI log wraps docker's words, BuildKit wraps containerd's).
const TOOLS: [ExplainTool, RegExp][] = [
  ['github-actions', /docker\/login-action|azure\/docker-login|##\[error\].*(?:login-action|docker\/build-push-action)|::error::|Run docker\/login-action|Run azure\/docker-login/i],
  ['azure-pipelines', /##\[error\]|Docker@2|task: Docker|##\[section\]|##vso\[/i],
  ['helm', /\bhelm\b|Error: authenticating to "|failed to perform "(?:FetchReference|Fetch|Push|Resolve)" on (?:source|destination)|Error: (?:INSTALLATION|UPGRADE) FAILED|is not a valid chart repository|failed to fetch .*index\.yaml|chart "[^"]+"|oci:\/\/[^\s]+\/(?:helm|charts?)\b|Error: pull access denied|Error: failed to do request|Error: unexpected status from HEAD request|Error: login attempt/i],
  ['buildkit', /failed to solve|\bbuildx\b|\[internal\] load metadata|ERROR \[[^\]]*\]|failed to compute cache key|importing cache manifest|exporting to image|failed to push [^\s]+: failed to authorize/i],
  ['kubelet', /ErrImagePull|ImagePullBackOff|Failed to pull image|kubelet|Back-off pulling image/i],
  ['containerd', /\bctr: |\bnerdctl\b|(?:^|\n)FATA\[\d{4}\] |containerd|failed to resolve reference "[^"]+"|rpc error: code = (?:Unknown|NotFound) desc/i],
  // az writes its own lines as upper-case "ERROR: " / "WARNING: " (containers/image writes "Error: ").
  ['az', /az acr (?:login|build|import|repository|check-health|run|task)|^(?:ERROR|WARNING): |\bCONNECTIVITY_[A-Z_]+_ERROR\b|Try running 'az acr check-health|\baz login\b|\(AuthorizationFailed\)|\(ResourceNotFound\)|Code: [A-Z][A-Za-z]+\s/m],
  ['skopeo', /\bskopeo\b|level=fatal msg=/i],
  ['buildah', /\bbuildah\b/i],
  ['podman', /\bpodman\b|Trying to pull [^\s]+\.\.\.|Error: initializing source docker:\/\/|Error: (?:reading manifest|trying to reuse blob|writing blob|copying system image)/i],
  ['docker-sdk', /\(HTTP code \d{3}\)|\d{3} Client Error for http\+docker:|docker\.errors\.|APIError|dockerode|\{"message":"[^"]*"\}\s*$/im],
  ['azure-sdk', /RestError|@azure\/container-registry|ContainerRegistryClient|AuthenticationRequiredError|CredentialUnavailableError/i],
  ['curl', /\bcurl: \(\d+\)|\bcurl\b/i],
  ['oras', /\boras\b|^Error response from registry: /im],
  // go-containerregistry's transport errors ("GET https://…: CODE: message") and crane's own words.
  ['crane', /\bcrane\b|HEAD responses have no body, use GET for details|no child with platform \S+ in index|^Error: (?:GET|HEAD|PUT|POST) https:\/\/\S+: [A-Z_]+: /im],
  ['docker', /Error response from daemon|\bdocker (?:login|pull|push|build|run)\b|Login Succeeded|Cannot connect to the Docker daemon|unauthorized: authentication required|denied: requested access|\bdocker\b/i],
];

const OPERATIONS: [ExplainOperation, RegExp][] = [
  // A build that failed while pushing its result (buildx --push, build-push-action) failed a push.
  ['push', /failed to push\b|error pushing|pushing (?:image|manifest)/i],
  ['import', /az acr import|\bimport(?:ing)? (?:the )?image|Import failed|--source [^\s]+/i],
  ['build', /az acr build|failed to solve|docker build|buildx|\bbuild(?:ing)? (?:step|context)|Run ID: |\[internal\] load metadata/i],
  ['list', /is not a valid chart repository|repository (?:list|show-tags|show)|\/v2\/_catalog|list-tags|show-tags|registry:catalog|listing (?:repositories|tags)/i],
  // Push before pull: a push's words name blobs and uploads, and "pull" appears in its hints.
  ['push', /\bpush(?:ing|ed)?\b|writing blob|blobs\/uploads|trying to reuse blob|failed to copy: .*(?:upload|commit)|PUT .*\/manifests\/|copying (?:blob|config)[^\n]*\n[^\n]*writing|:push\b/i],
  ['pull', /\bpull(?:ing|ed)?\b|reading manifest|initializing source|failed to resolve reference|failed to do request: Head|\/manifests\/|ErrImagePull|images\/create|failed to fetch|error pulling image|download failed|manifest for [^\s]+ not found|:pull\b/i],
  ['login', /\blog(?:ging)? ?in(?:to)?\b|\blogin\b|authenticating creds|pinging container registry|\/v2\/"?:|\/oauth2\/(?:token|exchange)|credentials? (?:were|was) (?:rejected|not accepted)/i],
];

const REGISTRY_SUFFIX = /\.azurecr\.(?:io|cn|us)$|\.azurecr\.[a-z]+$/i;
// Hosts and references are read from the text's words (split on blanks and quotes), each anchored:
// scanning the whole text for them backtracks quadratically on hostile input ("a.a.a.…").
const WORD_SPLIT = /[\s"'()<>,;\\[\]{}]+/;
const IMAGE_WORD = /^(?:[a-z]+:\/\/)?([a-z0-9][a-z0-9.-]{0,252}\.[a-z]{2,}(?::\d+)?\/[a-z0-9._\-/]{1,255}(?::[\w][\w.-]{0,127}|@sha256:[a-f0-9]{12,64})?)[.:]*$/i;
const HOST_WORD = /(?:^|[/@])([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]{1,63}){0,3}\.azurecr\.[a-z]{2,3})(?=$|[/:.])/i;
const MAX_WORDS = 4000;

const OCI_CODES = ['UNAUTHORIZED', 'DENIED', 'NAME_UNKNOWN', 'MANIFEST_UNKNOWN', 'TOOMANYREQUESTS', 'BLOB_UNKNOWN', 'BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'NAME_INVALID', 'TAG_INVALID', 'MANIFEST_INVALID', 'MANIFEST_BLOB_UNKNOWN', 'DIGEST_INVALID', 'SIZE_INVALID', 'UNSUPPORTED'];
// Upper case as the API writes it (in JSON, or after a colon in a Go chain), not the English word.
const OCI = new RegExp(`(?:"code"\\s*:\\s*"|\\b)(${OCI_CODES.join('|')})\\b(?=["\\s:,]|$)`, 'g');
// A bare status: "401 Unauthorized", "status: 403", "returned error: 404", "(HTTP code 500)", "unexpected status code 429", "Response code: 401".
// (Not a stack trace's line and column: "modem.js:424:9", "events:536:35", "line 429, in".)
const HTTP = /(?:\b(?:status(?: code)?|response code|returned error|HTTP code|HTTP\/\d(?:\.\d)?|code)\W{0,3}|\b(?<![:\d]|line ))([45]\d\d)\b(?!:\d)(?=\s*(?:unauthorized|forbidden|not found|too many requests|internal server error|bad gateway|service unavailable|gateway time-?out|client error|server error|\)|$|\s*[-:,.]|\s*\w))/gi;
const DOCKER_API_STATUS = /\b[45]\d\d (?:Server|Client) Error(?::[^\n]{0,40})? for (?:http\+docker|url: http\+docker):\/\/\S+(?: \w+(?: \w+)?(?= \())?|\(HTTP code [45]\d\d\)(?: [a-z ]{0,40}-)?|\bstatusCode: [45]\d\d(?=,\s*json)/gi;
const AADSTS = /\bAADSTS(\d{5,7})\b/g;
const ARM = /\b(AuthorizationFailed|ResourceNotFound|ResourceGroupNotFound|SubscriptionNotFound|MissingSubscriptionRegistration|InvalidAuthenticationToken(?:Tenant|Audience)?|ExpiredAuthenticationToken|LinkedAuthorizationFailed|RegistryNameNotAvailable|ResourceNotFoundError|InvalidResourceName|ParentResourceNotFound|RequestDisallowedByPolicy|Conflict|InvalidTemplate|BadRequest|ScopeLocked|TaskRunFailed|RegistryResourceLocked|ImportFailed|ManifestUnknown)\b/g;
const CHECK_HEALTH = /\b(?:CONNECTIVITY|DOCKER|HELM|NOTARY)_[A-Z_]+_ERROR\b|\bLOGIN_SERVER_ERROR\b|\bCMK_ERROR\b/g;

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

export function readText(text: string): TextReading {
  const t = text.slice(0, 64 * 1024);
  const tool = TOOLS.find(([, re]) => re.test(t))?.[0];
  const operation = OPERATIONS.find(([, re]) => re.test(t))?.[0];
  const words = t.split(WORD_SPLIT, MAX_WORDS).filter((w) => w.length >= 4 && w.length <= 600);
  const images = words.map((w) => IMAGE_WORD.exec(w)?.[1]).filter((i): i is string => !!i)
    .filter((i) => !/^[^/]+\/v2\b|\/(?:oauth2|v2)\//.test(i));
  const image = images.find((i) => REGISTRY_SUFFIX.test(i.split('/')[0])) ?? images.find((i) => /:[\w][\w.-]*$|@sha256:/.test(i) && !/\.(?:com|org|net)\/[a-z]+\/?$/i.test(i) && !/^(?:aka\.ms|docs\.|learn\.|github\.com|registry\.k8s)/i.test(i));
  const host = (image ? image.split('/')[0] : undefined) ?? words.map((w) => HOST_WORD.exec(w)?.[1]).find((h): h is string => !!h);
  // The Docker Engine API's own status around the registry's words (docker-py's "500 Server Error for
  // http+docker://…", docker-sdk's "(HTTP code 500)", dockerode's "statusCode: 500") is the daemon's, not the registry's.
  const httpStatus = uniq([...t.replace(DOCKER_API_STATUS, ' ').matchAll(HTTP)].map((m) => m[1]));
  if (/\bEOF\b/.test(t)) httpStatus.push('EOF');
  return {
    tool, operation, host, image,
    ociCodes: uniq([...t.matchAll(OCI)].map((m) => m[1])),
    httpStatus,
    aadsts: uniq([...t.matchAll(AADSTS)].map((m) => `AADSTS${m[1]}`)),
    armCodes: uniq([...t.matchAll(ARM)].map((m) => m[1])),
    checkHealthCodes: uniq(t.match(CHECK_HEALTH) ?? []),
  };
}

const OP_NL: Record<ExplainOperation, string> = { login: 'aanmelding', pull: 'pull', push: 'push', list: 'lijst', import: 'import', build: 'build' };

/** One line: "docker push of contoso.azurecr.io/web:1 → 401" (English and Dutch). */
export function describeReading(r: TextReading): Localized | undefined {
  const codes = [...r.httpStatus, ...r.ociCodes, ...r.aadsts, ...r.armCodes, ...r.checkHealthCodes];
  const what = r.image ?? r.host;
  if (!r.tool && !r.operation && !what && !codes.length) return undefined;
  const arrow = codes.length ? ` → ${codes.slice(0, 4).join(', ')}` : '';
  const en = `${r.tool ?? 'a client'}${r.operation ? ` ${r.operation}` : ''}${what ? ` of ${what}` : ''}${arrow}`;
  const nl = `${r.tool ?? 'een client'}${r.operation ? ` ${OP_NL[r.operation]}` : ''}${what ? ` van ${what}` : ''}${arrow}`;
  return { en, nl };
}
