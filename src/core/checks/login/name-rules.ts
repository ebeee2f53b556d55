// The login name checks' verdicts over the one naming rule (../../registry/name-rules.ts): `docker login`
// takes the lower-case fully qualified login server (myregistry.azurecr.io); `az acr login --name`
// takes the resource name (myregistry).
import type { RegistryTarget } from '../../registry/target';
import { knownSuffixOf, nameDistance, type NameCauseId } from '../../registry/name-rules';
import { msg, type Message } from '../../text/message';

export { nameDistance };

export interface NameVerdict {
  causeId: NameCauseId | 'name.registry-not-found';
  message: Message;
  /** What to type instead. */
  suggestion?: string;
}

/**
 * Problems visible in what the user typed, without asking anyone. A bare name (contoso) is the
 * registry's resource name, which az acr login --name and az acr check-health --name take: not
 * a fault (see `resourceNameNote`). It is one only in a login-server position: an image reference
 * (contoso/hello:v1) sends docker to Docker Hub, as FROM contoso/… in a Dockerfile does. Upper case
 * is a fault in a login server (Contoso.azurecr.io); a resource name is matched case-insensitively.
 */
export function inputVerdicts(t: RegistryTarget, tool = 'docker'): NameVerdict[] {
  const out: NameVerdict[] = [];
  const bare = t.inputIssues.includes('missingSuffix');
  const imageRef = t.inputIssues.includes('hasPath');
  if (t.inputIssues.includes('upperCase') && (!bare || imageRef)) {
    out.push({ causeId: 'name.upper-case', suggestion: t.loginServer, message: msg('"{input}" has upper-case letters; {tool} needs the login server in lower case: {loginServer}.', { tool, input: t.input, loginServer: t.loginServer }) });
  }
  if (bare && imageRef) {
    const typedHost = t.input.slice(0, t.input.indexOf('/'));
    out.push({
      causeId: 'name.missing-suffix', suggestion: t.loginServer,
      // podman looks a short name up in registries.conf's unqualified-search-registries instead.
      message: tool === 'podman'
        ? msg('"{input}" names the registry without its domain suffix: podman looks {typedHost}/… up in the search registries of registries.conf (unqualified-search-registries), not in the registry; the image reference needs the full login server {loginServer}.', { input: t.input, typedHost, loginServer: t.loginServer })
        : msg('"{input}" names the registry without its domain suffix: {tool} reads {typedHost}/… as a Docker Hub repository, not the registry; the image reference needs the full login server {loginServer}.', { tool, input: t.input, typedHost, loginServer: t.loginServer }),
    });
    return out;
  }
  if (t.inputIssues.includes('hasScheme') || imageRef || t.inputIssues.includes('hasPort')) {
    out.push({
      causeId: 'name.resource-name-vs-login-server', suggestion: t.loginServer,
      message: msg('"{input}" is not a login server: {tool} login takes the bare host name {loginServer} (no https://, path or port).', { tool, input: t.input, loginServer: t.loginServer }),
    });
  }
  return out;
}

/**
 * For a bare resource name (what az acr login --name takes): which login server it was resolved
 * to, and the reminder that docker needs that full lower-case name. Information, not a cause.
 */
export function resourceNameNote(t: RegistryTarget, tool = 'docker'): Message | undefined {
  if (!t.inputIssues.includes('missingSuffix') || t.inputIssues.includes('hasPath')) return undefined;
  return msg('"{input}" is the registry\'s resource name (as az acr login --name and az acr check-health --name take it); diagnosing its login server {loginServer}. {tool} login, push and pull need that full lower-case name: {tool} login {loginServer}.', { tool, input: t.input, loginServer: t.loginServer });
}

/** Registries ARM knows, reduced to what naming needs. */
export interface KnownRegistry {
  name: string;
  loginServer: string;
  id?: string;
}

/** Compare the target with what ARM lists (the signed-in account's registries). */
export function armVerdict<T extends KnownRegistry>(t: RegistryTarget, known: T[], tool = 'docker'): { match?: T; verdict?: NameVerdict } {
  const byLogin = known.find((r) => r.loginServer.toLowerCase() === t.loginServer);
  if (byLogin) return { match: byLogin };
  const byName = known.find((r) => r.name.toLowerCase() === t.name);
  if (byName) {
    const ls = byName.loginServer.toLowerCase();
    const suffix = knownSuffixOf(ls);
    if (suffix && suffix !== t.suffix && ls === `${t.name}.${suffix}`) {
      return {
        match: byName,
        verdict: { causeId: 'name.wrong-cloud-suffix', suggestion: ls, message: msg('Registry {name} lives in the cloud with suffix .{suffix}: its login server is {ls}, not {loginServer}.', { name: byName.name, suffix, ls, loginServer: t.loginServer }) },
      };
    }
    return {
      match: byName,
      verdict: { causeId: 'name.resource-name-vs-login-server', suggestion: ls, message: msg('Registry resource {name} has the login server {ls}, not {loginServer}: use {ls} with {tool} and {name} with az acr login --name.', { tool, name: byName.name, ls, loginServer: t.loginServer }) },
    };
  }
  const close = known
    .map((r) => ({ r, d: nameDistance(r.name.toLowerCase(), t.name) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(t.name.length / 4)))
    .sort((a, b) => a.d - b.d)[0];
  return {
    verdict: {
      causeId: 'name.registry-not-found',
      suggestion: close?.r.loginServer,
      message: (close ? msg('No registry named {name} ({loginServer}) is visible to the signed-in account; did you mean {loginServer2}?', { name: t.name, loginServer: t.loginServer, loginServer2: close.r.loginServer }) : msg('No registry named {name} ({loginServer}) is visible to the signed-in account.', { name: t.name, loginServer: t.loginServer })),
    },
  };
}
