// Registry references in one file: the entry point the problems view calls.
import { findDockerfileReferences } from './dockerfile';
import { fileKindOf } from './file-kind';
import type { RegistryReference } from './types';
import { findWorkflowReferences } from './workflow';
import { findYamlImageReferences } from './yaml-images';

export * from './types';
export { fileKindOf } from './file-kind';
export { checkReferenceName, loginServerOf, type NameProblem, type NameCauseId } from './name-check';

/** Files beyond this size are not scanned (a generated manifest is not worth the typing lag). */
export const MAX_SCANNED_CHARS = 1_000_000;

export function findRegistryReferences(path: string, text: string): RegistryReference[] {
  if (text.length > MAX_SCANNED_CHARS) return [];
  switch (fileKindOf(path, text)) {
    case 'dockerfile': return findDockerfileReferences(text);
    case 'compose': return findYamlImageReferences(text, 'composeImage');
    case 'kubernetes': return findYamlImageReferences(text, 'kubernetesImage');
    case 'workflow':
      return [...findYamlImageReferences(text, 'workflowImage'), ...findWorkflowReferences(text)]
        .sort((a, b) => a.range.line - b.range.line || a.range.start - b.range.start);
    default: return [];
  }
}
