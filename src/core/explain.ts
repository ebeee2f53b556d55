// "Paste an error": map Docker / az / curl output to causes. Specific patterns (exact texts
// from the seeds and from registry-recipe.md) first; then every catalogue record's symptoms.
import { allCauses } from './catalogue/index';
import type { CauseId, Localized } from './catalogue/types';
import { redact } from './text/redact';
import { hostProblems } from './explain-hosts';
import { BARE_STATUS, DIALECT_RULES } from './explain-dialects';
import { CLIENT_RULES } from './explain-clients';
import { bareForbiddenCauses, bareUnauthorizedCauses, causeFits, isGenericAccessCause, TELL_APART } from './explain-fit';
import { describeReading, readText, type TextReading } from './explain-reading';

export interface SymptomRule {
  /** What the rule recognises (for tests and the "why" line). */
  label: string;
  pattern: RegExp;
  /** Most likely first. */
  causes: CauseId[];
  weight: number;
  /** The text names the fault itself (throttling, a lock, a missing manifest, DNS): it outranks any credentials or rights cause. */
  specific?: boolean;
  /** Says no more than "the registry refused the credentials" (a bare unauthorized). */
  generic?: boolean;
  /** Says no more than "403 Forbidden" (the firewall's refusal without its "client with IP … is not allowed"). */
  forbidden?: boolean;
  /** Named groups become params (clientIp, host, code). */
}

export const SYMPTOM_RULES: SymptomRule[] = [
  { label: 'ACR firewall refusal with client IP', pattern: /client with ip '(?<clientIp>[0-9a-f.:]{2,45})' is not allowed access/i, causes: ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing'], weight: 100 },
  { label: 'Docker daemon down', pattern: /cannot connect to the docker daemon|is the docker daemon running/i, causes: ['docker.daemon-unreachable'], weight: 100, specific: true },
  { label: 'proxy closed after CONNECT', pattern: /proxyconnect tcp: eof/i, causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing'], weight: 95 },
  { label: 'proxy unreachable', pattern: /proxyconnect tcp:/i, causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing'], weight: 90 },
  { label: 'DNS lookup failed', pattern: /dial tcp: lookup (?<host>[a-z0-9.-]+)/i, causes: ['network.dns-resolution-failed', 'name.registry-not-found', 'network.private-endpoint-dns-public'], weight: 90, specific: true },
  { label: 'unknown host', pattern: /no such host|could not resolve host|name or service not known|getaddrinfo enotfound/i, causes: ['network.dns-resolution-failed'], weight: 80, specific: true },
  { label: 'certificate not trusted', pattern: /x509: certificate signed by unknown authority|x509:|certificate verify failed|unable to get local issuer certificate|self[- ]signed certificate/i, causes: ['network.tls-untrusted'], weight: 90, specific: true },
  { label: 'layer download failed', pattern: /error pulling image configuration|download failed after attempts/i, causes: ['network.data-endpoint-blocked', 'network.replica-data-endpoint-blocked', 'network.private-endpoint-data-dns-missing'], weight: 90 },
  { label: 'data endpoint named', pattern: /(?<host>\b[a-z0-9]{5,50}\.[a-z0-9-]+\.data\.azurecr\.(?:io|cn|us))/i, causes: ['network.data-endpoint-blocked', 'network.replica-data-endpoint-blocked'], weight: 60 },
  { label: 'throttled', pattern: /toomanyrequests|429 too many requests/i, causes: ['network.throttled'], weight: 90, specific: true },
  { label: 'network settings not saved', pattern: /failed to save firewall and virtual network settings/i, causes: ['network.sku-no-network-rules', 'network.resource-provider-unregistered'], weight: 90 },
  { label: 'private endpoint not reachable', pattern: /host is not reachable/i, causes: ['network.private-endpoint-dns-public', 'network.private-endpoint-not-approved', 'network.private-endpoint-data-dns-missing'], weight: 80 },
  { label: 'no answer in time', pattern: /client\.timeout exceeded while awaiting headers/i, causes: ['network.login-server-timeout', 'network.daemon-proxy-missing', 'network.data-endpoint-blocked'], weight: 70 },
  { label: 'handshake or dial timeout', pattern: /tls handshake timeout|i\/o timeout|context deadline exceeded|operation timed out/i, causes: ['network.login-server-timeout', 'network.daemon-proxy-missing'], weight: 60 },
  { label: 'connection refused', pattern: /(?<!proxyconnect tcp: )dial tcp (?<host>[0-9a-f.:[\]]+):\d+: connect: connection refused|(?<!proxyconnect.{0,80})(?<!lookup [^\n]{0,160})connection refused/i, causes: ['network.login-server-unreachable'], weight: 70 },
  { label: 'az could not connect', pattern: /could not connect to the registry login server/i, causes: ['network.login-server-unreachable', 'network.login-server-timeout', 'network.dns-resolution-failed'], weight: 50 },
  { label: 'login refused with 403', pattern: /login attempt (?:to \S+ )?failed with status: 403 forbidden|403 forbidden|error parsing http 403 response body/i, causes: ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing', 'network.client-proxy-broken'], weight: 60, forbidden: true },
  { label: 'connection closed mid-way', pattern: /unexpected eof|connection reset by peer/i, causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing'], weight: 40 },
  { label: 'AAD application unknown', pattern: /unauthorized: application not registered with aad/i, causes: ['credentials.service-principal-invalid', 'credentials.aad-exchange-failed'], weight: 90 },
  { label: 'authentication required', pattern: /unauthorized: authentication required/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'credentials.anonymous-pull-blocked', 'credentials.anonymous-pull-disabled', 'expiry.aad-token-expired'], weight: 70, generic: true },
  { label: 'registry said unauthorized', pattern: /\/v2\/"?: unauthorized/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential'], weight: 65, generic: true },
  { label: 'access denied', pattern: /denied: requested access to the resource is denied/i, causes: ['authz.missing-acrpush', 'authz.missing-acrpull', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'image.locked', 'image.repository-not-found'], weight: 80 },
  // The named image: a tag, a repository, a platform, a lock (docker's, containerd's and ACR's words).
  { label: 'manifest not found', pattern: /manifest for (?<image>[^\s:]+(?::[^\s]+)?) not found|manifest unknown|manifest_unknown/i, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 92, specific: true },
  { label: 'repository unknown', pattern: /name unknown|name_unknown|repository name not known to registry|repository (?:\S+ )?(?:does not exist(?! or may require)|not found)/i, causes: ['image.repository-not-found', 'image.tag-not-found'], weight: 92, specific: true },
  { label: 'pull access denied', pattern: /pull access denied for (?<image>\S+?),? repository does not exist or may require 'docker login'/i, causes: ['image.repository-not-found', 'credentials.anonymous-pull-disabled', 'authz.missing-acrpull'], weight: 88 },
  { label: 'image not found', pattern: /(?:failed to resolve reference|error response from daemon)\b.*\bnot found\b/i, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 75 },
  { label: 'no platform in the index', pattern: /no matching manifest for (?<platform>[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?) in the manifest list entries/i, causes: ['image.platform-missing'], weight: 95, specific: true },
  { label: 'repository or image locked', pattern: /the operation is disallowed on this registry, repository or image/i, causes: ['image.locked'], weight: 95, specific: true },
  { label: 'repository name in upper case', pattern: /repository name must be lowercase/i, causes: ['name.upper-case'], weight: 85, specific: true },
  { label: 'docker CLI missing', pattern: /docker: (?:command )?not found|'docker' is not recognized/i, causes: ['docker.cli-missing'], weight: 90, specific: true },
];

/** check-health codes that belong to login causes (network ones come from the catalogue). */
const LOGIN_CHECK_HEALTH: Record<string, CauseId[]> = {
  DOCKER_COMMAND_ERROR: ['docker.cli-missing'], DOCKER_DAEMON_ERROR: ['docker.daemon-unreachable'],
  DOCKER_VERSION_ERROR: ['docker.version-too-old'], DOCKER_PULL_ERROR: ['docker.pull-failed'],
  HELM_COMMAND_ERROR: ['helm.version-too-old'], HELM_VERSION_ERROR: ['helm.version-too-old'],
  LOGIN_SERVER_ERROR: ['name.registry-not-found'], CONNECTIVITY_REFRESH_TOKEN_ERROR: ['credentials.aad-exchange-failed'],
  CONNECTIVITY_ACCESS_TOKEN_ERROR: ['credentials.access-token-failed'],
};

export interface ExplainMatch {
  causeId: CauseId;
  score: number;
  /** What in the text matched (redacted, short). */
  matched: string[];
}

/** One cause a bare "unauthorized" fits and the check that tells it from the others. */
export interface TellApart { causeId: CauseId; check: Localized }

export interface ExplainResult {
  matches: ExplainMatch[];
  /** Values read from the text (clientIp from a firewall refusal, host from a DNS error, code). */
  params: Record<string, string>;
  /** Texts that are not an access problem at all (e.g. a missing tag), and what a quoted registry name should be (English). */
  notes: string[];
  /** The same notes in English and Dutch. */
  localizedNotes: Localized[];
  /** What the text says about itself: tool, operation, host, image, codes. */
  reading: TextReading;
  /** That reading in one line ("docker push of contoso.azurecr.io/web:1 → 401"), English and Dutch. */
  understood?: Localized;
  /** The text says no more than "unauthorized" (or "403 Forbidden"): the few causes that fit, each with the check that tells it apart. */
  bareUnauthorized?: TellApart[];
  /** Which bare refusal that was: 401 (unauthorized) or 403 (forbidden). */
  bareSignal?: '401' | '403';
}

const MAX_TEXT = 64 * 1024;
const RULES: SymptomRule[] = [...SYMPTOM_RULES, ...DIALECT_RULES, ...CLIENT_RULES];

/** Codes that say more than "the registry refused the credentials". */
function saysMoreThanUnauthorized(r: TextReading): boolean {
  return r.ociCodes.some((c) => c !== 'UNAUTHORIZED') || r.httpStatus.some((s) => s !== '401') || r.aadsts.length > 0 || r.armCodes.length > 0 || r.checkHealthCodes.length > 0;
}

export function explainText(raw: string): ExplainResult {
  const text = redact(String(raw ?? '').slice(0, MAX_TEXT));
  const lower = text.toLowerCase();
  const reading = readText(text);
  const scores = new Map<CauseId, ExplainMatch>();
  const params: Record<string, string> = {};
  /** Per cause, the best score a specific rule gave it. */
  const specific = new Map<CauseId, number>();
  let ruleHits = 0;
  let onlyGeneric = true;
  let onlyForbidden = true;
  const add = (id: CauseId, score: number, matched: string) => {
    const m = scores.get(id) ?? { causeId: id, score: 0, matched: [] };
    m.score = Math.max(m.score, score);
    const snippet = matched.trim().slice(0, 160);
    const key = snippet.toLowerCase();
    // One quote per place in the text: a snippet inside another one already listed adds nothing.
    if (snippet && !m.matched.some((s) => s.toLowerCase().includes(key))) {
      m.matched = m.matched.filter((s) => !key.includes(s.toLowerCase()));
      m.matched.push(snippet);
    }
    scores.set(id, m);
  };
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    ruleHits++;
    if (!rule.generic) onlyGeneric = false;
    if (!rule.forbidden) onlyForbidden = false;
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v && !params[k]) params[k] = v.toLowerCase();
    // Earlier causes in a rule are more likely: a small decreasing bonus keeps that order.
    rule.causes.forEach((id, i) => {
      add(id, rule.weight - i, m[0]);
      if (rule.specific) specific.set(id, Math.max(specific.get(id) ?? 0, rule.weight - i));
    });
  }
  for (const code of reading.checkHealthCodes) {
    params.code ??= code;
    onlyGeneric = false;
    onlyForbidden = false;
    const fromCatalogue = allCauses().filter((c) => c.checkHealthCode === code).map((c) => c.id);
    for (const id of [...fromCatalogue, ...(LOGIN_CHECK_HEALTH[code] ?? [])]) add(id, 95, code);
  }
  // A bare status line ("401 Unauthorized", "EOF") when no rule above read anything more.
  if (!ruleHits) {
    for (const st of reading.httpStatus) {
      const b = BARE_STATUS[st];
      if (b) b.causes.forEach((id, i) => add(id, b.weight - i, st));
    }
  }
  // Catalogue symptoms: plain lower-case substrings, a weaker signal than the rules above.
  for (const c of allCauses()) {
    for (const s of c.symptoms) {
      const at = s ? lower.indexOf(s.toLowerCase()) : -1;
      // Quote the user's own text (its case), not the catalogue's spelling.
      if (at < 0) continue;
      const quoted = text.slice(at, at + s.length);
      add(c.id, 30 + Math.min(20, s.length / 4), quoted.toLowerCase() === s.toLowerCase() ? quoted : s);
    }
  }
  const localizedNotes: Localized[] = [];
  if (/manifest unknown|not found: manifest unknown|name unknown/i.test(text)) {
    localizedNotes.push({
      en: 'The registry was reached and answered: the repository or tag does not exist (not an access problem).',
      nl: 'Het register werd bereikt en antwoordde: de opslagplaats of tag bestaat niet (geen toegangsprobleem).',
    });
  }
  // Registry names quoted in the error, judged as a typed name is.
  const problems = hostProblems(text);
  for (const p of problems) {
    add(p.causeId, 93, p.host);
    params.suggestedLoginServer ??= p.suggestion;
    localizedNotes.push(p.note);
  }
  // Only causes this tool and operation can meet (unless none would be left).
  let matches = [...scores.values()];
  const fitting = matches.filter((m) => causeFits(m.causeId, reading));
  if (fitting.length) matches = fitting;
  // A refused right on a push is most often AcrPush missing, on a pull or a list AcrPull: the
  // operation the text names leads the rights causes a "denied" fits (a token's scope map, ABAC,
  // an assignment not yet applied follow).
  const role = reading.operation === 'push' ? 'authz.missing-acrpush' : reading.operation === 'pull' || reading.operation === 'list' ? 'authz.missing-acrpull' : undefined;
  const roleMatch = role && matches.find((m) => m.causeId === role);
  if (roleMatch) {
    const bestRights = Math.max(...matches.filter((m) => m.causeId.startsWith('authz.')).map((m) => m.score));
    if (roleMatch.score < bestRights) roleMatch.score = bestRights + 0.5;
  }
  // Specific over generic: a text naming throttling, a lock, a missing manifest or a DNS failure
  // ranks that cause above every credentials or rights cause, whatever else the text says.
  const bestSpecific = Math.max(0, ...matches.filter((m) => !isGenericAccessCause(m.causeId)).map((m) => specific.get(m.causeId) ?? 0));
  const ranked = matches.map((m) => ({ m, key: bestSpecific && isGenericAccessCause(m.causeId) ? Math.min(m.score, bestSpecific - 1) : m.score }));
  ranked.sort((a, b) => b.key - a.key || b.m.score - a.m.score);
  matches = ranked.map((r) => ({ ...r.m, score: Math.round(r.key * 10) / 10 }));
  // Nothing beyond "unauthorized": say so, and name the check that tells the fitting causes apart.
  let bareUnauthorized: TellApart[] | undefined;
  const top = matches[0]?.causeId;
  if (top && onlyGeneric && isGenericAccessCause(top) && !bestSpecific && !saysMoreThanUnauthorized(reading) && !problems.length) {
    bareUnauthorized = bareUnauthorizedCauses(reading).map((id) => ({ causeId: id, check: TELL_APART[id]! })).filter((t) => t.check);
    localizedNotes.push({
      en: 'The text says only that the registry refused the request (unauthorized); it does not say why. The causes below fit; each line names the check that tells it from the others, and acr-doctor diagnose runs those checks.',
      nl: 'De tekst zegt alleen dat het register het verzoek weigerde (unauthorized), niet waarom. De oorzaken hieronder passen; elke regel noemt de controle die haar van de andere onderscheidt, en acr-doctor diagnose voert die controles uit.',
    });
  }
  let bareSignal: '401' | '403' | undefined = bareUnauthorized ? '401' : undefined;
  // Nothing beyond "403 Forbidden" (no "client with IP … is not allowed"): the firewall causes it fits, and how each is told apart.
  const onlyStatuses = reading.httpStatus.every((st) => st === '403') && reading.ociCodes.every((c) => c === 'DENIED');
  if (!bareUnauthorized && top && onlyForbidden && reading.httpStatus.includes('403') && onlyStatuses && !bestSpecific && !problems.length && !reading.aadsts.length && !reading.armCodes.length && !reading.checkHealthCodes.length && !params.clientIp) {
    bareUnauthorized = bareForbiddenCauses().map((id) => ({ causeId: id, check: TELL_APART[id]! })).filter((t) => t.check);
    bareSignal = '403';
    localizedNotes.push({
      en: 'The text says only that the registry refused the request (403 Forbidden); it does not say why. The causes below fit; each line names the check that tells it from the others, and acr-doctor diagnose runs those checks.',
      nl: 'De tekst zegt alleen dat het register het verzoek weigerde (403 Forbidden), niet waarom. De oorzaken hieronder passen; elke regel noemt de controle die haar van de andere onderscheidt, en acr-doctor diagnose voert die controles uit.',
    });
  }
  const notes = localizedNotes.map((n) => n.en);
  return { matches, params, notes, localizedNotes, reading, understood: describeReading(reading), ...(bareUnauthorized ? { bareUnauthorized, bareSignal } : {}) };
}
