// `image:` values in YAML (compose services, Kubernetes containers, workflow container jobs and
// services), found in the parsed tree: block or flow style, quoted or not, through an alias to
// its anchor, in every document of the file; a comment or a script that says "image:" is not one.
import { isMap } from 'yaml';
import { acrHostOfImage } from './image-host';
import type { ScanBudget } from './scan-budget';
import type { ReferenceKind, RegistryReference } from './types';
import { rangeIn, stringScalar, walkYaml, type YamlFile } from './yaml-tree';

export function findYamlImageReferences(file: YamlFile, kind: ReferenceKind, budget: ScanBudget): RegistryReference[] {
  const found: RegistryReference[] = [];
  // An anchor used by several aliases is written once: one reference, where it is written.
  const seen = new Set<number>();
  walkYaml(file, {
    pair(key, value, _map, doc) {
      if (key !== 'image' || budget.stopped === 'findings') return;
      const node = stringScalar(file, doc, value);
      if (!node || isMap(value)) return;
      const image = node.value.trim();
      const host = acrHostOfImage(image);
      if (!host) return;
      const range = rangeIn(file, node, host.host);
      if (!range || seen.has(node.range?.[0] ?? -1)) return;
      seen.add(node.range?.[0] ?? -1);
      const ref: RegistryReference = { kind, written: host.host, image, range };
      found.push(ref);
      budget.add(ref);
    },
  });
  return found;
}
