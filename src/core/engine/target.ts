// What a run is about beyond the registry, as every check reads it: the repository (the image's,
// else the one named with --repository), the operation (pull when an image is named) and the
// identity whose rights are judged. Front ends set the target with `withTarget`.
import {
  defaultOperation, parseImageInRegistry, TargetInputError, type IdentityKind, type IdentitySpec, type ImageReference, type Operation,
} from '../registry/image-reference';
import type { DiagnoseEnvironment } from './environment';

export interface DiagnosisTarget {
  image?: ImageReference;
  operation?: Operation;
  identity?: IdentitySpec;
}

/**
 * The environment with this image, operation and identity: the image names the repository, the
 * operation defaults to pull with an image (login without). A `repository` already set that is
 * not the image's is refused: the run would judge two different things.
 */
export function withTarget(env: DiagnoseEnvironment, t: DiagnosisTarget): DiagnoseEnvironment {
  const image = t.image ?? env.image;
  const given = env.repository?.trim();
  if (image && given) {
    const repo = repositoryOfText(given);
    if (repo && repo !== image.repository) {
      throw new TargetInputError(`The repository ${repo} and the image's repository ${image.repository} differ: name one of them (the image is enough).`);
    }
  }
  const operation = t.operation ?? env.operation ?? (image ? defaultOperation(image) : undefined);
  const identity = t.identity ?? env.identity;
  return {
    ...env,
    ...(image ? { image, repository: image.repository } : {}),
    ...(operation ? { operation } : {}),
    ...(identity ? { identity } : {}),
  };
}

/** 'hello', 'hello:v1' or 'hello@sha256:…' → 'hello' (lower case); undefined for blank text. */
function repositoryOfText(text: string): string | undefined {
  const r = text.trim().replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  return r ? r.toLowerCase() : undefined;
}

/** The repository the checks ask about: the image's, else the one given as text. */
export function targetRepository(env: Pick<DiagnoseEnvironment, 'image' | 'repository'>): string | undefined {
  return env.image?.repository ?? (env.repository ? repositoryOfText(env.repository) : undefined);
}

/** The image the checks look up: the named image, else `--repository repo:tag` read as one (no tag: undefined). */
export function targetImage(env: Pick<DiagnoseEnvironment, 'image' | 'repository'>): ImageReference | undefined {
  if (env.image) return env.image;
  const text = env.repository?.trim();
  if (!text || !/[:@]/.test(text.replace(/^[^/]*\//, ''))) return undefined;
  try { return parseImageInRegistry(text.toLowerCase()); } catch { return undefined; }
}

/** What the user attempts: as set, else pull with an image, else login. */
export function targetOperation(env: Pick<DiagnoseEnvironment, 'image' | 'operation'>): Operation {
  return env.operation ?? defaultOperation(env.image);
}

/**
 * Whether the run judges this identity. Without a named identity every credential in play is
 * judged, as before targets existed (the Azure sign-in, Docker's stored login, given credentials).
 */
export function judgesIdentity(env: Pick<DiagnoseEnvironment, 'identity'>, kind: IdentityKind): boolean {
  return !env.identity || env.identity.kind === kind;
}

/** The identity kinds judged through ExplicitCredentials (their secret arrives there). */
export const SECRET_IDENTITIES: readonly IdentityKind[] = ['sp', 'admin', 'token', 'exposed-token'];

/** The ExplicitCredentials kind that carries a given identity's secret. */
export function credentialKindOf(kind: IdentityKind): 'servicePrincipal' | 'admin' | 'repositoryToken' | 'exposedToken' | undefined {
  switch (kind) {
    case 'sp': return 'servicePrincipal';
    case 'admin': return 'admin';
    case 'token': return 'repositoryToken';
    case 'exposed-token': return 'exposedToken';
    default: return undefined;
  }
}

/**
 * Evidence key of a finding that could not find the named identity (an AKS cluster or managed
 * identity ARM does not list): the run judged nothing for it, so front ends treat it as bad input.
 */
export const UNRESOLVED_IDENTITY = 'unresolvedIdentity';

/** The message of the finding that could not find the named identity, if any. */
export function unresolvedIdentity(report: { findings: readonly { status: string; message: string; evidence: Record<string, unknown> }[] }): string | undefined {
  return report.findings.find((f) => f.status === 'fail' && f.evidence[UNRESOLVED_IDENTITY] === true)?.message;
}
