// Registry references in one file: the entry point the problems view calls.
import { findDockerfileReferences } from './dockerfile';
import { fileKindOf } from './file-kind';
import { ScanBudget, type ScanLimits } from './scan-budget';
import type { RegistryReference } from './types';
import { findWorkflowReferences } from './workflow';
import { findYamlImageReferences } from './yaml-images';
import { readYaml, type YamlError } from './yaml-tree';

export * from './types';
export { fileKindOf } from './file-kind';
export { checkReferenceName, loginServerOf, type NameProblem, type NameCauseId } from './name-check';
export { DEFAULT_SCAN_LIMITS, type ScanLimits } from './scan-budget';
export type { YamlError } from './yaml-tree';

/** Files beyond this size are not scanned (a generated manifest is not worth the typing lag). */
export const MAX_SCANNED_CHARS = 1_000_000;

export interface ScanResult {
  refs: RegistryReference[];
  /** Set when the scan stopped early: at the cap on references, or when its time was up. */
  stopped?: 'findings' | 'time' | 'size';
  /** A YAML file that does not parse: its first error (references outside the broken part are still found). */
  yamlError?: YamlError;
}

/** A YAML file with none of these cannot hold a reference: it is not parsed at all. */
const MAY_REFER = /azurecr|\baz\s+acr\s+login\b|docker\/login-action/i;

/** The file's references, bounded in number and time (see scan-budget.ts). */
export function scanRegistryReferences(path: string, text: string, limits: Partial<ScanLimits> = {}): ScanResult {
  if (text.length > MAX_SCANNED_CHARS) return { refs: [], stopped: 'size' };
  const budget = new ScanBudget(limits);
  const kind = fileKindOf(path, text);
  if (kind === 'dockerfile') return result(findDockerfileReferences(text, budget), budget);
  if (!kind || !MAY_REFER.test(text)) return { refs: [] };
  const file = readYaml(text, budget);
  const refs = kind === 'workflow'
    ? [...findYamlImageReferences(file, 'workflowImage', budget), ...findWorkflowReferences(file, budget)]
    : findYamlImageReferences(file, kind === 'compose' ? 'composeImage' : 'kubernetesImage', budget);
  refs.sort((a, b) => a.range.line - b.range.line || a.range.start - b.range.start);
  return result(refs.slice(0, budget.limits.maxFindings), budget, file.error);
}

function result(refs: RegistryReference[], budget: ScanBudget, yamlError?: YamlError): ScanResult {
  const r: ScanResult = { refs };
  if (budget.stopped) r.stopped = budget.stopped;
  if (yamlError) r.yamlError = yamlError;
  return r;
}

export function findRegistryReferences(path: string, text: string, limits: Partial<ScanLimits> = {}): RegistryReference[] {
  return scanRegistryReferences(path, text, limits).refs;
}
