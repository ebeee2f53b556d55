// The login name checks' verdicts over the one naming rule (../../registry/name-rules.ts): `docker login`
// takes the lower-case fully qualified login server (myregistry.azurecr.io); `az acr login --name`
// takes the resource name (myregistry).
import type { RegistryTarget } from '../../registry/target';
import { knownSuffixOf, nameDistance, type NameCauseId } from '../../registry/name-rules';

export { nameDistance };

export interface NameVerdict {
  causeId: NameCauseId | 'name.registry-not-found';
  message: string;
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
export function inputVerdicts(t: RegistryTarget): NameVerdict[] {
  const out: NameVerdict[] = [];
  const bare = t.inputIssues.includes('missingSuffix');
  const imageRef = t.inputIssues.includes('hasPath');
  if (t.inputIssues.includes('upperCase') && (!bare || imageRef)) {
    out.push({ causeId: 'name.upper-case', suggestion: t.loginServer, message: `"${t.input}" has upper-case letters; docker needs the login server in lower case: ${t.loginServer}.` });
  }
  if (bare && imageRef) {
    const typedHost = t.input.slice(0, t.input.indexOf('/'));
    out.push({
      causeId: 'name.missing-suffix', suggestion: t.loginServer,
      message: `"${t.input}" names the registry without its domain suffix: docker reads ${typedHost}/… as a Docker Hub repository, not the registry; the image reference needs the full login server ${t.loginServer}.`,
    });
    return out;
  }
  if (t.inputIssues.includes('hasScheme') || imageRef || t.inputIssues.includes('hasPort')) {
    out.push({
      causeId: 'name.resource-name-vs-login-server', suggestion: t.loginServer,
      message: `"${t.input}" is not a login server: docker login takes the bare host name ${t.loginServer} (no https://, path or port).`,
    });
  }
  return out;
}

/**
 * For a bare resource name (what az acr login --name takes): which login server it was resolved
 * to, and the reminder that docker needs that full lower-case name. Information, not a cause.
 */
export function resourceNameNote(t: RegistryTarget): string | undefined {
  if (!t.inputIssues.includes('missingSuffix') || t.inputIssues.includes('hasPath')) return undefined;
  return `"${t.input}" is the registry's resource name (as az acr login --name and az acr check-health --name take it); diagnosing its login server ${t.loginServer}. docker login, push and pull need that full lower-case name: docker login ${t.loginServer}.`;
}

/** Registries ARM knows, reduced to what naming needs. */
export interface KnownRegistry {
  name: string;
  loginServer: string;
  id?: string;
}

/** Compare the target with what ARM lists (the signed-in account's registries). */
export function armVerdict<T extends KnownRegistry>(t: RegistryTarget, known: T[]): { match?: T; verdict?: NameVerdict } {
  const byLogin = known.find((r) => r.loginServer.toLowerCase() === t.loginServer);
  if (byLogin) return { match: byLogin };
  const byName = known.find((r) => r.name.toLowerCase() === t.name);
  if (byName) {
    const ls = byName.loginServer.toLowerCase();
    const suffix = knownSuffixOf(ls);
    if (suffix && suffix !== t.suffix && ls === `${t.name}.${suffix}`) {
      return {
        match: byName,
        verdict: { causeId: 'name.wrong-cloud-suffix', suggestion: ls, message: `Registry ${byName.name} lives in the cloud with suffix .${suffix}: its login server is ${ls}, not ${t.loginServer}.` },
      };
    }
    return {
      match: byName,
      verdict: { causeId: 'name.resource-name-vs-login-server', suggestion: ls, message: `Registry resource ${byName.name} has the login server ${ls}, not ${t.loginServer}: use ${ls} with docker and ${byName.name} with az acr login --name.` },
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
      message: `No registry named ${t.name} (${t.loginServer}) is visible to the signed-in account${close ? `; did you mean ${close.r.loginServer}?` : '.'}`,
    },
  };
}
