// The registry naming rule, in one place: how a registry is written (upper case, a wrong or
// missing cloud suffix, a login server where `az acr login -n` wants the resource name), which
// cloud suffix a login server has, and how far apart two names are. The editor's problems
// (references/name-check.ts) and the login name checks (checks/login/name-rules.ts, which add the
// verdicts' messages) both read it. Cause ids from the catalogue, so both speak the same language.
import { editDistance } from '../text/edit-distance';
import { CLOUD_SUFFIXES, parseRegistryInput, RegistryInputError, type CloudSuffix } from './target';

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

/** Where a name is written: where docker wants a login server, or where `az acr login -n` wants the resource name. */
export type NamePosition = 'login-server' | 'resource-name';

export function writtenNameProblems(written: string, position: NamePosition): NameProblem[] {
  const problems: NameProblem[] = [];
  if (written !== written.toLowerCase()) {
    problems.push({ causeId: 'name.upper-case', suggestion: written.toLowerCase() });
  }
  const lower = written.toLowerCase();
  const dot = lower.indexOf('.');
  if (position === 'resource-name') {
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

/** The login server a written name points at, when it can be known from the text alone. */
export function loginServerOfWritten(written: string): string | undefined {
  try {
    return parseRegistryInput(written).loginServer;
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

/** The cloud suffix a login server ends with, if it is one of Azure's. */
export function knownSuffixOf(loginServer: string): CloudSuffix | undefined {
  return CLOUD_SUFFIXES.find((s) => loginServer.endsWith(`.${s}`));
}

/** Edit distance of two registry names, inputs capped (names are ≤ 50 characters). */
export function nameDistance(a: string, b: string): number {
  return editDistance(a.slice(0, 60), b.slice(0, 60));
}
