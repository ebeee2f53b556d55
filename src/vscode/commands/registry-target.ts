// The tree's argument parser (tree/registry-argument.ts) + the core's name rules → a target.
import { parseRegistryInput, type RegistryTarget } from '../../core/registry/target';
import { toRegistryArgument } from '../tree/registry-argument';

export function targetFromArg(arg: unknown): RegistryTarget | undefined {
  const parsed = toRegistryArgument(arg);
  if (!parsed) return undefined;
  try { return parseRegistryInput(parsed.loginServer); } catch { return undefined; }
}
