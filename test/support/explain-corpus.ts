// The explain corpus: error texts real clients printed against the sandbox (`npm run corpus`,
// test/data/explain-corpus/<client>/<scenario>.json) and samples written from each tool's own source
// (test/data/explain-corpus/from-source/*.json), each with the cause that produced it. Shared by the
// recorder (integration, root), the unit test that holds explain to it and the bench row.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { redact } from '../../src/core/text/redact';
import { repoRoot } from '../integration/matrix/root';

export type CorpusOperation = 'login' | 'pull' | 'push' | 'list' | 'import' | 'build';

export interface CorpusEntry {
  client: string;
  operation: CorpusOperation;
  scenario: string;
  expectedCause: string;
  /** Causes the text cannot tell from the expected one (documented per scenario below): top 3 is enough. */
  acceptable: string[];
  /** 'recorded' (a real run in the sandbox) or where a hand-written sample's wording comes from. */
  source: 'recorded' | { from: string; ref: string };
  command?: string;
  exitCode?: number | null;
  clientVersion?: string;
  text: string;
}

export const CORPUS_DIR = path.join(repoRoot(), 'test', 'data', 'explain-corpus');

/**
 * Causes no client's words can tell apart: the registry (or the client) answers each with the same
 * status and body, so explain may rank them beside one another. Each group says why.
 */
/** ACR's token service answers every refused user name and password with one 401 "authentication required". */
const SAME_401 = ['network.challenge-invalid', 'credentials.invalid', 'credentials.service-principal-invalid', 'credentials.admin-user-disabled', 'credentials.exposed-token-username', 'expiry.service-principal-secret', 'expiry.repository-token-password', 'expiry.repository-token-disabled', 'credentials.stale-docker-credential', 'expiry.aad-token-expired', 'credentials.access-token-failed'];
/** A pull refused with 401 reads the same whether no credential, a stale stored one or an expired token was sent. */
const PULL_401 = ['credentials.anonymous-pull-disabled', 'credentials.anonymous-pull-blocked', 'credentials.stale-docker-credential', 'expiry.aad-token-expired', 'credentials.invalid'];
/** A refused pull or push is one "denied" (or a 401 naming the action) for a missing role, a token's scope map, ABAC and an assignment not yet applied. */
const SAME_DENIED = ['authz.missing-acrpull', 'authz.missing-acrpush', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'authz.role-propagation-pending', 'authz.aks-kubelet-missing-acrpull'];
/** A firewall refusal (403) reads the same for public access off, an IP rule, a private endpoint the client does not use, a service endpoint rule (or network rules that could not be saved). */
const SAME_403 = ['network.public-access-disabled', 'network.ip-rule-excludes-client', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing', 'network.private-endpoint-not-approved', 'network.resource-provider-unregistered'];
/** A dropped connection or timeout to the login server: a black hole, a firewall, an NSG, a missing daemon proxy. */
const SAME_TIMEOUT = ['network.login-server-timeout', 'network.nsg-blocks-registry', 'network.firewall-blocks-registry', 'network.daemon-proxy-missing', 'network.login-server-unreachable', 'network.bastion-endpoint-unsupported'];
/** A stalled blob download: the data endpoint blocked, a replica's, a private endpoint's missing data record, a firewall's. */
const SAME_BLOB = ['network.data-endpoint-blocked', 'network.replica-data-endpoint-blocked', 'network.private-endpoint-data-dns-missing', 'network.firewall-blocks-registry'];
/** A name that does not resolve: no such registry, the resource name or another cloud's suffix typed, no suffix, DNS itself. */
const NAME_UNRESOLVED = ['network.dns-resolution-failed', 'name.registry-not-found', 'name.resource-name-vs-login-server', 'name.wrong-cloud-suffix', 'name.missing-suffix', 'network.private-endpoint-dns-public'];
/** az acr's one sentence "Could not connect to the registry login server" covers DNS, a refusal and a timeout. */
const AZ_COULD_NOT_CONNECT = ['network.login-server-unreachable', 'network.login-server-timeout', 'network.dns-resolution-failed', 'network.private-endpoint-not-approved', 'network.tls-untrusted', 'network.bastion-endpoint-unsupported'];
/** az's "did not issue a challenge" is any /v2/ answer but a 401 challenge (acr/_docker_utils.py): a broken challenge, a 429, a 403, no answer. */
const AZ_NO_CHALLENGE = ['network.challenge-invalid', 'network.throttled', 'network.public-access-disabled', 'network.login-server-unreachable'];
/** az acr repository's "Error: authentication required." after its token was issued: the token's rights, or a challenge that sent az to the wrong realm. */
const AZ_CATALOG_401 = ['authz.missing-acrpull', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'authz.role-propagation-pending', 'network.challenge-invalid'];
/** A connection that does not route: an endpoint not approved, an NSG, a firewall, a private endpoint reached through Bastion. */
const NO_ROUTE = ['network.login-server-unreachable', 'network.private-endpoint-not-approved', 'network.nsg-blocks-registry', 'network.firewall-blocks-registry', 'network.login-server-timeout', 'network.bastion-endpoint-unsupported'];
/** A missing tag and a missing repository both come back as "not found" from several clients. */
const NOT_FOUND = ['image.tag-not-found', 'image.repository-not-found'];

/** A Docker API socket that is not there reads the same (connect ENOENT) whatever left it out: no daemon, a rootless one elsewhere, Cloud Shell. */
const NO_SOCKET = ['docker.daemon-unreachable', 'client.docker-rootless-socket', 'client.cloud-shell-no-daemon'];
// "docker: command not found": WSL without Docker Desktop's integration looks like no client at all
// (the WSL shim's own text names it; the shell's does not).
const NO_CLIENT = ['client.wsl-integration-off', 'docker.cli-missing', 'client.tool-not-found'];

const GROUPS = [NO_SOCKET, NO_CLIENT, SAME_401, PULL_401, SAME_DENIED, SAME_403, SAME_TIMEOUT, SAME_BLOB, NAME_UNRESOLVED, AZ_COULD_NOT_CONNECT, AZ_NO_CHALLENGE, AZ_CATALOG_401, NO_ROUTE, NOT_FOUND];

/** The causes a text of `expectedCause` may rank beside it: the others of its group. */
export function acceptableFor(expectedCause: string, operation?: CorpusOperation): string[] {
  const groups = GROUPS.filter((g) => g.includes(expectedCause));
  // A pull's bare 401 (a daemon's "Head …: unauthorized") cannot say whether a credential was sent at all.
  if (operation === 'pull' && SAME_401.includes(expectedCause)) groups.push(PULL_401);
  return [...new Set(groups.flat())].filter((c) => c !== expectedCause);
}

/** GUIDs the sandbox invents for itself (no real tenant's), kept so texts stay realistic; any other is masked. */
export const SANDBOX_GUIDS = new Set([
  '00000000-0000-0000-0000-000000000000', '8f3c5d2a-6b1e-4c7d-9a0f-1e2d3c4b5a61', '2b6f0c1e-3d4a-4e5b-8c9d-0a1b2c3d4e5f',
  '5e1a7c3b-9d2f-4a6e-8b0c-7f3e2d1c0b9a', '0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d', '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  '3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a', '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b', '4d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a',
  '7c6b5a4f-3e2d-4c1b-0a9f-8e7d6c5b4a3f', 'ffffffff-ffff-4fff-bfff-ffffffffffff',
]);
export const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

// The escape byte starts a terminal colour.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const CTR_PROGRESS = /^(?:\S+:\s+(?:resolved|resolving|waiting|downloading|done|exists|uploading|pushing)\s+\||elapsed: [\d.]+ ?s\s+total:)/;

/** What goes into a corpus file: secrets (known values and shapes) hidden, other GUIDs masked, temp paths named. */
export function corpusText(text: string, known: readonly string[], tempDirs: readonly string[] = []): string {
  let out = redact(text, known);
  for (const d of tempDirs) if (d) out = out.split(d).join('<tmp>');
  out = out.replace(GUID, (g) => (SANDBOX_GUIDS.has(g.toLowerCase()) ? g : 'ffffffff-ffff-4fff-bfff-ffffffffffff'));
  // Terminal colours, progress bars (ctr's per-layer table among them) and trailing blanks say nothing about the fault.
  out = out.replace(ANSI, '').split('\n').filter((l) => !CTR_PROGRESS.test(l)).join('\n');
  return out.replace(/\r/g, '\n').split('\n').map((l) => l.trimEnd()).filter((l, i, a) => l || (i > 0 && a[i - 1])).join('\n').trim().slice(0, 8000);
}

export function entryFile(e: Pick<CorpusEntry, 'client' | 'scenario' | 'operation' | 'source'>): string {
  if (e.source === 'recorded') return path.join(CORPUS_DIR, e.client, `${e.scenario}.json`);
  return path.join(CORPUS_DIR, 'from-source', `${e.client}.json`);
}

/** Every corpus entry: recorded files hold one entry, from-source files a list. */
export function loadCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const client of fs.readdirSync(dir).sort()) {
    const d = path.join(dir, client);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).filter((n) => n.endsWith('.json')).sort()) {
      const v = JSON.parse(fs.readFileSync(path.join(d, f), 'utf8')) as CorpusEntry | CorpusEntry[];
      out.push(...(Array.isArray(v) ? v : [v]));
    }
  }
  return out;
}

export interface CorpusVerdict {
  entry: CorpusEntry;
  ranked: string[];
  first: boolean;
  top3: boolean;
  /** The corpus test's rule: the cause first, or one it cannot be told from first with the cause (or only such causes) in the top 3. */
  pass: boolean;
}

export function judge(entry: CorpusEntry, ranked: string[]): CorpusVerdict {
  const first = ranked[0] === entry.expectedCause;
  const top3 = ranked.slice(0, 3).includes(entry.expectedCause);
  // The first is a cause the text cannot tell from the truth, and either the truth is in the top 3
  // or the whole top 3 is such causes (a bare 401 fits more causes than three places hold).
  const acceptable = new Set([...acceptableFor(entry.expectedCause, entry.operation), ...entry.acceptable]);
  const near = new Set([entry.expectedCause, ...acceptable]);
  const pass = first || (acceptable.has(ranked[0] ?? '') && (top3 || (ranked.length > 0 && ranked.slice(0, 3).every((c) => near.has(c)))));
  return { entry, ranked, first, top3, pass };
}

/** Per client: texts, ranked first, in the top 3, passing. */
export function rates(verdicts: CorpusVerdict[]): { client: string; texts: number; first: number; top3: number; pass: number }[] {
  const by = new Map<string, CorpusVerdict[]>();
  for (const v of verdicts) by.set(v.entry.client, [...(by.get(v.entry.client) ?? []), v]);
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([client, vs]) => ({
    client, texts: vs.length, first: vs.filter((v) => v.first).length, top3: vs.filter((v) => v.top3).length, pass: vs.filter((v) => v.pass).length,
  }));
}
