// `image:` values in YAML (compose files, Kubernetes manifests, workflow container jobs),
// found line by line so ranges are exact and a half-typed file still yields results.
import { acrHostOfImage } from './image-host';
import type { ReferenceKind, RegistryReference } from './types';

// image: value, optionally as a list item, optionally quoted; a trailing comment is allowed.
const IMAGE = /^(\s*(?:-\s+)?image:\s*)(["']?)([^\s"'#]+)\2/;

export function findYamlImageReferences(text: string, kind: ReferenceKind): RegistryReference[] {
  const refs: RegistryReference[] = [];
  text.split(/\r?\n/).forEach((line, lineNo) => {
    const m = IMAGE.exec(line);
    if (!m) return;
    const image = m[3];
    const host = acrHostOfImage(image);
    if (!host) return;
    const start = m[1].length + m[2].length + host.offset;
    refs.push({ kind, written: host.host, image, range: { line: lineNo, start, end: start + host.host.length } });
  });
  return refs;
}
