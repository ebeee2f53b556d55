// Which images a file pushes (`docker push <image>`, `docker image push`, `podman push`, in a
// workflow's run steps or a script), so a reference's "Diagnose" asks about a push, not a pull.
// A line scan like the reference scanners', bounded by their size limit. No `vscode`.
import { MAX_SCANNED_CHARS } from '../../core/references';

const PUSH = /\b(?:docker|podman)\s+(?:image\s+)?push\s+(?:--?[a-z-]+(?:=\S+)?\s+)*([^\s'"`;|&]+)/gi;

/** The pushed image references, lower case, as written (`${{ … }}` expressions are left out). */
export function pushedImages(text: string): Set<string> {
  const out = new Set<string>();
  if (text.length > MAX_SCANNED_CHARS) return out;
  for (const m of text.matchAll(PUSH)) {
    const ref = m[1];
    if (ref.includes('${{') || ref.startsWith('$')) continue;
    out.add(ref.toLowerCase());
  }
  return out;
}

/** `contoso.azurecr.io/app:1` → `app:1` (the part after the registry host), or undefined. */
export function imageAfterHost(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const slash = image.indexOf('/');
  return slash > 0 && image.length > slash + 1 ? image.slice(slash + 1) : undefined;
}
