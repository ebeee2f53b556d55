// A cheap check of how a registry is written, needing no diagnosis: upper case, a wrong
// or missing cloud suffix, a login server where `az acr login -n` wants the resource name.
// Returns cause ids from the catalogue so problems and the report speak the same language.
import { CLOUD_SUFFIXES, parseRegistryInput, RegistryInputError } from '../registry/target';
import type { RegistryReference } from './types';

export type NameCauseId =
  | 'name.upper-case'
  | 'name.missing-suffix'
  | 'name.wrong-cloud-suffix'
  | 'name.resource-name-vs-login-server';

export interface NameProblem {
  causeId: NameCauseId;
  /** What the name should probably be, when that is clear (e.g. the lower-case form). */
  suggestion?: string;
}

export function checkReferenceName(ref: RegistryReference): NameProblem[] {
  const written = ref.written;
  const problems: NameProblem[] = [];
  if (written !== written.toLowerCase()) {
    problems.push({ causeId: 'name.upper-case', suggestion: written.toLowerCase() });
  }
  const lower = written.toLowerCase();
  const dot = lower.indexOf('.');
  if (ref.kind === 'workflowAzAcrLogin') {
    // az acr login -n takes the resource name; a login server works only with a warning.
    // contoso-<hash>.azurecr.io (a domain name label scope): the resource name is contoso.
    if (dot >= 0) problems.push({ causeId: 'name.resource-name-vs-login-server', suggestion: resourceNameOf(written) ?? lower.slice(0, dot) });
    return problems;
  }
  if (dot < 0) {
    problems.push({ causeId: 'name.missing-suffix', suggestion: `${lower}.${CLOUD_SUFFIXES[0]}` });
    return problems;
  }
  const rest = lower.slice(dot + 1);
  if (!(CLOUD_SUFFIXES as readonly string[]).includes(rest)) {
    problems.push({ causeId: 'name.wrong-cloud-suffix', suggestion: `${lower.slice(0, dot)}.${nearestSuffix(rest)}` });
  }
  return problems;
}

/** The login server a reference points at, when it can be known from the text alone. */
export function loginServerOf(ref: RegistryReference): string | undefined {
  try {
    return parseRegistryInput(ref.written).loginServer;
  } catch (e) {
    if (e instanceof RegistryInputError) return undefined;
    throw e;
  }
}

function resourceNameOf(written: string): string | undefined {
  try {
    return parseRegistryInput(written).name;
  } catch (e) {
    if (e instanceof RegistryInputError) return undefined;
    throw e;
  }
}

function nearestSuffix(rest: string): string {
  if (rest.endsWith('.cn')) return 'azurecr.cn';
  if (rest.endsWith('.us')) return 'azurecr.us';
  return CLOUD_SUFFIXES[0];
}
