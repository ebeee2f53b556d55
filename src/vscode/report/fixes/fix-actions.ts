// How a runnable fix is carried out. Azure changes go through the Azure SDK functions in
// src/core/azure/registry-fixes.ts; client-side commands (docker …) run in a terminal the
// user can see. Each action says exactly what it will change before it runs.
import type { ResolvedFix } from '../../../core/catalogue/types';
import type { RegistryTarget } from '../../../core/registry/target';

export interface FixExecution {
  /** Lines shown in the confirmation: what will change, where. */
  describe(): string[];
  run(signal: AbortSignal): Promise<string>;
}

export interface FixActions {
  /** undefined when this fix cannot be run from here (only copied or read); throws when it cannot be prepared. */
  plan(fix: ResolvedFix, target: RegistryTarget): Promise<FixExecution | undefined>;
  canRun(fix: ResolvedFix): boolean;
}
