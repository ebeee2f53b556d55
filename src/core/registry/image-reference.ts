// What a diagnosis is about beyond the registry: an image (repository, tag or digest), the
// operation the user attempts and the identity they attempt it as. One model for the CLI, the
// report, the tree and the problems. Secrets never live here (they travel in ExplicitCredentials),
// so a target may be persisted and shown as it is.
import { parseRegistryInput, RegistryInputError, type CloudSuffix, type RegistryTarget } from './target';

export type Operation = 'login' | 'pull' | 'push';
export const OPERATIONS: readonly Operation[] = ['login', 'pull', 'push'];

/** An image inside a registry: repository and at most one of tag/digest as typed (both when `repo:tag@sha256:…`). */
export interface ImageReference {
  /** Lower-case repository path, e.g. 'app' or 'team/app'. */
  repository: string;
  tag?: string;
  /** `<algorithm>:<hex>`, e.g. 'sha256:…' (64 hex digits for sha256). */
  digest?: string;
}

/** Who attempts the operation. */
export type IdentitySpec =
  | { kind: 'azure' }
  | { kind: 'docker' }
  | { kind: 'sp'; clientId?: string }
  | { kind: 'admin' }
  | { kind: 'token'; name?: string }
  | { kind: 'exposed-token' }
  | { kind: 'aks'; cluster: string }
  | { kind: 'mi'; clientId: string }
  /** An Azure resource that pulls from the registry (App Service app, Container App, container group, ML workspace), by name or resource id. */
  | { kind: 'service'; name: string };
export type IdentityKind = IdentitySpec['kind'];
export const IDENTITY_KINDS: readonly IdentityKind[] = ['azure', 'docker', 'sp', 'admin', 'token', 'exposed-token', 'aks', 'mi', 'service'];

export class TargetInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetInputError';
  }
}

// The distribution spec's grammar (docker/distribution reference.go), lower-case only.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export function parseRepository(raw: string): string {
  const repository = raw.trim();
  if (!repository) throw new TargetInputError('The repository is empty: give one such as app or team/app.');
  if (repository.length > 255) throw new TargetInputError('The repository name is longer than 255 characters.');
  for (const part of repository.split('/')) {
    if (!PATH_COMPONENT.test(part)) {
      const hint = part !== part.toLowerCase() ? ' (repository names are lower case)' : '';
      throw new TargetInputError(`"${repository.slice(0, 100)}" is not a repository name${hint}: use lower-case letters, digits and . _ - between them, parts separated by /, e.g. team/app.`);
    }
  }
  return repository;
}

export function parseDigest(raw: string): string {
  const m = DIGEST.exec(raw);
  if (!m) throw new TargetInputError(`"${raw.slice(0, 100)}" is not a digest: write it as sha256:<64 hex digits>.`);
  const expected = DIGEST_HEX_LENGTH[m[1]];
  if (expected !== undefined && (m[2].length !== expected || !/^[a-f0-9]+$/.test(m[2]))) {
    throw new TargetInputError(`The digest ${raw.slice(0, 100)} has ${m[2].length} characters after '${m[1]}:', not ${expected} lower-case hex digits: copy it whole, e.g. from docker images --digests.`);
  }
  return raw;
}

export function parseTag(raw: string): string {
  if (!TAG.test(raw)) throw new TargetInputError(`"${raw.slice(0, 100)}" is not a tag: up to 128 letters, digits, _ . and -, not starting with . or -.`);
  return raw;
}

/** `repo`, `repo:tag`, `repo@sha256:…` or `repo:tag@sha256:…` (no registry host). */
export function parseImageInRegistry(raw: string): ImageReference {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = parseDigest(rest.slice(at + 1)); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = parseTag(rest.slice(colon + 1)); rest = rest.slice(0, colon); }
  return { repository: parseRepository(rest), ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** A registry, optionally followed by an image: `contoso.azurecr.io/app:1.4` or just `contoso.azurecr.io`. */
export interface RegistryAndImage {
  registry: RegistryTarget;
  image?: ImageReference;
}

export function parseRegistryAndImage(raw: string, defaultSuffix: CloudSuffix = 'azurecr.io'): RegistryAndImage {
  if (typeof raw !== 'string') throw new RegistryInputError(String(raw), 'not text');
  const input = raw.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(input)?.[0] ?? '';
  const slash = input.indexOf('/', scheme.length);
  if (slash < 0 || !input.slice(slash + 1)) return { registry: parseRegistryInput(input, defaultSuffix) };
  const registry = parseRegistryInput(input.slice(0, slash), defaultSuffix);
  return { registry, image: parseImageInRegistry(input.slice(slash + 1)) };
}

/** `azure`, `docker`, `sp[:<client-id>]`, `admin`, `token[:<name>]`, `exposed-token`, `aks:<cluster>`, `mi:<client-id>`, `service:<name>`. */
export function parseIdentity(raw: string): IdentitySpec {
  const text = raw.trim();
  const colon = text.indexOf(':');
  const kind = (colon >= 0 ? text.slice(0, colon) : text).toLowerCase();
  const arg = colon >= 0 ? text.slice(colon + 1).trim() : '';
  const known = `one of ${IDENTITY_KINDS.map((k) => (k === 'aks' ? 'aks:<cluster>' : k === 'mi' ? 'mi:<client-id>' : k === 'service' ? 'service:<name>' : k)).join(', ')}`;
  switch (kind) {
    case 'azure': case 'docker': case 'admin': case 'exposed-token':
      if (arg) throw new TargetInputError(`The identity ${kind} takes nothing after ':'.`);
      return { kind };
    case 'sp':
      if (arg && !GUID.test(arg)) throw new TargetInputError(`"${arg.slice(0, 60)}" is not a client id: a service principal's application (client) id is a GUID.`);
      return arg ? { kind, clientId: arg.toLowerCase() } : { kind };
    case 'token':
      if (arg && !TOKEN_NAME.test(arg)) throw new TargetInputError(`"${arg.slice(0, 60)}" is not a repository-scoped token name (5-50 letters, digits and -).`);
      return arg ? { kind, name: arg } : { kind };
    case 'aks':
      if (!AKS_NAME.test(arg)) throw new TargetInputError(`aks needs the cluster's name, e.g. aks:my-cluster (${arg ? `"${arg.slice(0, 60)}" is not one` : 'none given'}).`);
      return { kind, cluster: arg };
    case 'mi':
      if (!GUID.test(arg)) throw new TargetInputError(`mi needs the managed identity's client id, a GUID, e.g. mi:00000000-0000-0000-0000-000000000000 (${arg ? `"${arg.slice(0, 60)}" is not one` : 'none given'}).`);
      return { kind, clientId: arg.toLowerCase() };
    case 'service':
      if (!SERVICE_NAME.test(arg) && !SERVICE_ID.test(arg)) throw new TargetInputError(`service needs the name or resource id of an App Service app (or site/sidecar), Container App, container group, Machine Learning workspace, AKS cluster, ACR task or connected registry that pulls from the registry, e.g. service:contoso-web (${arg ? `"${arg.slice(0, 60)}" is not one` : 'none given'}).`);
      return { kind, name: arg };
    default:
      throw new TargetInputError(`"${text.slice(0, 60)}" is not an identity: use ${known}.`);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_NAME = /^[a-zA-Z0-9-]{5,50}$/;
const AKS_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
// Azure resource names of these types: letters, digits, - _ . ( ); or a whole ARM resource id.
/** A resource's name, or an App Service sidecar's as site/container. */
export const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._()-]{0,259}(\/[a-zA-Z0-9][a-zA-Z0-9._-]{0,63})?$/;
/** A resource id, a child's (a slot, a registry's task or connected registry) and a slot's or site's sidecar (…/sitecontainers/<name>). */
export const SERVICE_ID = /^\/subscriptions\/[^/\s]+\/resourceGroups\/[^/\s]+\/providers\/[A-Za-z.]+\/[A-Za-z]+\/[^/\s]+(\/[A-Za-z]+\/[^/\s]+){0,2}$/i;

/** The operation when none is given: pull when an image is named, else login. */
export function defaultOperation(image: ImageReference | undefined): Operation {
  return image ? 'pull' : 'login';
}

/** `app:1.4`, `app@sha256:…`, `app` — as the user would type it after the login server. */
export function formatImage(image: ImageReference): string {
  return `${image.repository}${image.tag ? `:${image.tag}` : ''}${image.digest ? `@${image.digest}` : ''}`;
}
