// Arguments of the fix commands (code actions pass them; anyone else may too, so check them).
import { isInt, isRecord, isShortString } from '../../shared/ipc';
import { parseRegistryInput, type RegistryTarget } from '../../core/registry/target';

export interface FixArgs { target: RegistryTarget; causeId: string; index: number }

export function fixArgs(arg: unknown): FixArgs | undefined {
  if (!isRecord(arg) || !isShortString(arg.loginServer, 300) || !isShortString(arg.causeId, 100, /^[a-z0-9][a-z0-9.-]*$/) || !isInt(arg.index, 0, 19)) return undefined;
  try {
    return { target: parseRegistryInput(arg.loginServer), causeId: arg.causeId, index: arg.index };
  } catch {
    return undefined;
  }
}
