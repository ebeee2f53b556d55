// `image:` values in YAML (compose files, Kubernetes manifests, workflow container jobs),
// found line by line so ranges are exact and a half-typed file still yields results.
import { acrHostOfImage } from './image-host';
import { ScanBudget } from './scan-budget';
import type { ReferenceKind, RegistryReference } from './types';

// image: value, optionally as a list item, optionally quoted; a trailing comment is allowed.
const IMAGE = /^(\s*(?:-\s+)?image:\s*)(["']?)([^\s"'#]+)\2/;

export function findYamlImageReferences(text: string, kind: ReferenceKind, budget = new ScanBudget()): RegistryReference[] {
  const found: RegistryReference[] = [];
  const lines = text.split(/\r?\n/);
  for (let lineNo = 0; lineNo < lines.length && budget.nextLine(); lineNo++) {
    const m = IMAGE.exec(lines[lineNo]);
    if (!m) continue;
    const image = m[3];
    const host = acrHostOfImage(image);
    if (!host) continue;
    const start = m[1].length + m[2].length + host.offset;
    const ref: RegistryReference = { kind, written: host.host, image, range: { line: lineNo, start, end: start + host.host.length } };
    found.push(ref);
    if (!budget.add(ref)) break;
  }
  return found;
}
