// One call for front ends: parse what the user typed, pick the checks, run them.
//   const report = await diagnose('contoso', env, { onEvent, signal, budgetMs });
//   const report = await diagnose('contoso.azurecr.io/app:1.4', withTarget(env, { operation: 'push', identity }), options);
import { parseRegistryInput, type RegistryTarget } from '../registry/target';
import { parseRegistryAndImage, type ImageReference } from '../registry/image-reference';
import { withTarget } from './target';
import { withClientProxy } from './client-proxy';
import { allChecks, type CheckSet } from '../checks/index';
import { getCause } from '../catalogue/index';
import type { DiagnoseEnvironment } from './environment';
import type { Check, DiagnosisReport, EngineEvent } from './types';
import { runDiagnosis, streamDiagnosis, type RunOptions } from './runner';

export interface DiagnoseOptions extends RunOptions {
  /** Which areas to check (default all). */
  checks?: CheckSet;
  /** Run exactly these checks instead (tests, "re-run one check"). */
  only?: string[];
}

function prepare(input: string | RegistryTarget, env: DiagnoseEnvironment, options: DiagnoseOptions): { target: RegistryTarget; env: DiagnoseEnvironment; checks: Check[]; run: RunOptions } {
  // A registry, or a registry and an image (`contoso.azurecr.io/app:1.4`): the image becomes the
  // run's target unless the environment names one. Throws RegistryInputError / TargetInputError.
  let target: RegistryTarget;
  if (typeof input === 'string') {
    const split = splitImage(input);
    target = split.target;
    if (split.image && !env.image) env = withTarget(env, { image: split.image });
  } else {
    target = input;
  }
  env = withClientProxy(env);
  const every = allChecks(target, env, 'all');
  let checks = options.checks && options.checks !== 'all' ? allChecks(target, env, options.checks) : every;
  if (options.only?.length) {
    // Keep what the chosen checks need, transitively, so their data is there.
    const byId = new Map<string, Check>(checks.map((c) => [c.id, c]));
    const keep = new Set<string>();
    const add = (id: string) => { const c = byId.get(id); if (!c || keep.has(id)) return; keep.add(id); [...c.needs, ...(c.after ?? [])].forEach(add); };
    options.only.forEach(add);
    checks = checks.filter((c) => keep.has(c.id));
  }
  return { target, env, checks, run: { causeOf: getCause, knownCheckIds: new Set(every.map((c) => c.id)), ...options } };
}

/**
 * The registry and the image of what the user typed. A URL (https://…/v2/) names no image: the
 * name check explains it as typed. A bare name before an image (contoso/hello:v1) is judged as
 * typed too: docker reads it as a Docker Hub repository (name.missing-suffix), so no image is
 * looked up in the registry for it.
 */
export function splitImage(input: string): { target: RegistryTarget; image?: ImageReference } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim())) return { target: parseRegistryInput(input) };
  const parsed = parseRegistryAndImage(input);
  // Docker never reaches the registry with such a reference: the image is not looked up there.
  if (parsed.image && parsed.registry.inputIssues.includes('missingSuffix')) return { target: parseRegistryInput(input) };
  return { target: parsed.registry, image: parsed.image };
}

export function diagnose(input: string | RegistryTarget, env: DiagnoseEnvironment, options: DiagnoseOptions = {}): Promise<DiagnosisReport> {
  const p = prepare(input, env, options);
  return runDiagnosis(p.checks, p.target, p.env, p.run);
}

export function diagnoseStream(input: string | RegistryTarget, env: DiagnoseEnvironment, options: DiagnoseOptions = {}): AsyncGenerator<EngineEvent, DiagnosisReport, undefined> {
  const p = prepare(input, env, options);
  return streamDiagnosis(p.checks, p.target, p.env, p.run);
}
