// What a report diagnoses beyond its registry: the image, the operation and the identity. Plain
// data (no `vscode`, no secrets) so the panel, its restored state and the commands share it.
import {
  defaultOperation, formatImage, parseImageInRegistry, TargetInputError,
  type IdentitySpec, type ImageReference, type Operation,
} from '../../../core/registry/image-reference';

export interface DiagnosisTarget {
  image?: ImageReference;
  operation: Operation;
  identity: IdentitySpec;
}

export const DEFAULT_IDENTITY: IdentitySpec = { kind: 'azure' };

export function defaultTarget(image?: ImageReference, operation?: Operation, identity?: IdentitySpec): DiagnosisTarget {
  return { image, operation: operation ?? defaultOperation(image), identity: identity ?? DEFAULT_IDENTITY };
}

/**
 * The header's image text → an image of this registry. Empty means none; the registry's own login
 * server in front is dropped; another registry's is refused (that one needs its own report).
 */
export function imageOfText(text: string, loginServer: string): ImageReference | undefined {
  let rest = text.trim();
  if (!rest) return undefined;
  const slash = rest.indexOf('/');
  const head = slash > 0 ? rest.slice(0, slash).toLowerCase() : '';
  if (head === loginServer.toLowerCase()) rest = rest.slice(slash + 1);
  else if (/[.:]/.test(head) || head === 'localhost') {
    throw new TargetInputError(`${head.slice(0, 100)} is another registry than ${loginServer}: diagnose that registry on its own, or give the image without a registry (e.g. app:1.4).`);
  }
  return parseImageInRegistry(rest);
}

export function imageText(image: ImageReference | undefined): string | undefined {
  return image ? formatImage(image) : undefined;
}

export function sameTarget(a: DiagnosisTarget, b: DiagnosisTarget): boolean {
  return imageText(a.image) === imageText(b.image) && a.operation === b.operation && JSON.stringify(a.identity) === JSON.stringify(b.identity);
}
