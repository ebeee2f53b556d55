// Registry references in one file: the entry point the problems view calls.
import { findDockerfileReferences } from './dockerfile';
import { fileKindOf } from './file-kind';
import { ScanBudget, type ScanLimits } from './scan-budget';
import type { RegistryReference } from './types';
import { findWorkflowReferences } from './workflow';
import { findYamlImageReferences } from './yaml-images';

export * from './types';
export { fileKindOf } from './file-kind';
export { checkReferenceName, loginServerOf, type NameProblem, type NameCauseId } from './name-check';
export { DEFAULT_SCAN_LIMITS, type ScanLimits } from './scan-budget';

/** Files beyond this size are not scanned (a generated manifest is not worth the typing lag). */
export const MAX_SCANNED_CHARS = 1_000_000;

export interface ScanResult {
  refs: RegistryReference[];
  /** Set when the scan stopped early: at the cap on references, or when its time was up. */
  stopped?: 'findings' | 'time' | 'size';
}

/** The file's references, bounded in number and time (see scan-budget.ts). */
export function scanRegistryReferences(path: string, text: string, limits: Partial<ScanLimits> = {}): ScanResult {
  if (text.length > MAX_SCANNED_CHARS) return { refs: [], stopped: 'size' };
  const budget = new ScanBudget(limits);
  let refs: RegistryReference[];
  switch (fileKindOf(path, text)) {
    case 'dockerfile': refs = findDockerfileReferences(text, budget); break;
    case 'compose': refs = findYamlImageReferences(text, 'composeImage', budget); break;
    case 'kubernetes': refs = findYamlImageReferences(text, 'kubernetesImage', budget); break;
    case 'workflow':
      refs = [...findYamlImageReferences(text, 'workflowImage', budget), ...findWorkflowReferences(text, budget)]
        .sort((a, b) => a.range.line - b.range.line || a.range.start - b.range.start);
      break;
    default: refs = [];
  }
  return budget.stopped ? { refs, stopped: budget.stopped } : { refs };
}

export function findRegistryReferences(path: string, text: string, limits: Partial<ScanLimits> = {}): RegistryReference[] {
  return scanRegistryReferences(path, text, limits).refs;
}
