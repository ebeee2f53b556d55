// How a reference writes its registry, by the one naming rule (../registry/name-rules.ts): an
// `az acr login -n` value is a resource name, every other reference a login server.
import { loginServerOfWritten, writtenNameProblems, type NameProblem } from '../registry/name-rules';
import type { RegistryReference } from './types';

export type { NameCauseId, NameProblem } from '../registry/name-rules';

export function checkReferenceName(ref: RegistryReference): NameProblem[] {
  return writtenNameProblems(ref.written, ref.kind === 'workflowAzAcrLogin' ? 'resource-name' : 'login-server');
}

/** The login server a reference points at, when it can be known from the text alone. */
export function loginServerOf(ref: RegistryReference): string | undefined {
  return loginServerOfWritten(ref.written);
}
