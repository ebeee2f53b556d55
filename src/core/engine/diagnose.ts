// One call for front ends: parse what the user typed, pick the checks, run them.
//   const report = await diagnose('contoso', env, { onEvent, signal, budgetMs });
import { parseRegistryInput, type RegistryTarget } from '../registry/target';
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

function prepare(input: string | RegistryTarget, env: DiagnoseEnvironment, options: DiagnoseOptions): { target: RegistryTarget; checks: Check[]; run: RunOptions } {
  const target = typeof input === 'string' ? parseRegistryInput(input) : input; // throws RegistryInputError with a clear message
  const every = allChecks(target, env, 'all');
  let checks = options.checks && options.checks !== 'all' ? allChecks(target, env, options.checks) : every;
  if (options.only?.length) {
    // Keep what the chosen checks need, transitively, so their data is there.
    const byId = new Map(checks.map((c) => [c.id, c]));
    const keep = new Set<string>();
    const add = (id: string) => { const c = byId.get(id); if (!c || keep.has(id)) return; keep.add(id); [...c.needs, ...(c.after ?? [])].forEach(add); };
    options.only.forEach(add);
    checks = checks.filter((c) => keep.has(c.id));
  }
  return { target, checks, run: { causeOf: getCause, knownCheckIds: new Set(every.map((c) => c.id)), ...options } };
}

export function diagnose(input: string | RegistryTarget, env: DiagnoseEnvironment, options: DiagnoseOptions = {}): Promise<DiagnosisReport> {
  const p = prepare(input, env, options);
  return runDiagnosis(p.checks, p.target, env, p.run);
}

export function diagnoseStream(input: string | RegistryTarget, env: DiagnoseEnvironment, options: DiagnoseOptions = {}): AsyncGenerator<EngineEvent, DiagnosisReport, undefined> {
  const p = prepare(input, env, options);
  return streamDiagnosis(p.checks, p.target, env, p.run);
}
