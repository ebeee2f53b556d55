// `FROM contoso/app:2` where `contoso` is a registry the account can see: docker reads it as the
// Docker Hub image docker.io/contoso/app, so the line gets a hint to write the login server. No
// `vscode`: lines in, candidates out.
import type { FileKind } from '../../core/references';

export interface HubLookalike {
  line: number;
  /** Columns of the first path segment (what the code action replaces). */
  start: number;
  end: number;
  /** The image as written (`contoso/app:2`). */
  image: string;
  /** The first path segment, lower case (`contoso`). */
  name: string;
}

const MAX_LINES = 20_000;
const FROM = /^(\s*FROM\s+(?:--[\w-]+=\S+\s+)*)(\S+)/i;
const YAML_IMAGE = /^(\s*(?:-\s+)?image:\s*["']?)([^\s"'#]+)/;
// A Docker Hub namespace: no dot, colon or "localhost" (those make the first segment a registry host).
const HUB_NAMESPACE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Images whose first segment would be a Docker Hub namespace. */
export function hubImageCandidates(kind: FileKind, text: string): HubLookalike[] {
  const out: HubLookalike[] = [];
  const pattern = kind === 'dockerfile' ? FROM : YAML_IMAGE;
  const lines = text.split(/\r?\n/, MAX_LINES);
  lines.forEach((lineText, line) => {
    const m = pattern.exec(lineText);
    if (!m) return;
    const image = m[2];
    const slash = image.indexOf('/');
    if (slash <= 0 || image.includes('$')) return;
    const first = image.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || !HUB_NAMESPACE.test(first.toLowerCase())) return;
    out.push({ line, start: m[1].length, end: m[1].length + slash, image, name: first.toLowerCase() });
  });
  return out;
}

/** The candidates whose namespace is the name of a known registry, with that registry's login server. */
export function hubLookalikes(candidates: HubLookalike[], known: ReadonlyMap<string, string>): (HubLookalike & { loginServer: string })[] {
  return candidates.flatMap((c) => {
    const loginServer = known.get(c.name);
    return loginServer ? [{ ...c, loginServer }] : [];
  });
}
