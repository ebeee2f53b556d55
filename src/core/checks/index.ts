// The registration point: every check the engine can run. Network checks live in ./network,
// login checks in ./login (LOGIN_CHECKS), the named image's in ./image; add a new area's array here.
import type { Check } from '../engine/types';
import type { DiagnoseEnvironment } from '../engine/environment';
import type { RegistryTarget } from '../registry/target';
import { networkChecks } from './network/index';
import { LOGIN_CHECKS } from './login/index';
import { IMAGE_CHECKS } from './image/index';
import { PULLER_CHECKS } from './pullers/index';

export type CheckSet = 'all' | 'network' | 'login';

export function allChecks(target: RegistryTarget, env: DiagnoseEnvironment, set: CheckSet = 'all'): Check[] {
  const out: Check[] = [];
  if (set !== 'login') out.push(...networkChecks(target, env));
  if (set !== 'network') out.push(...LOGIN_CHECKS, ...IMAGE_CHECKS);
  // Only when asked (--pulled-by, --identity service:<name>): each check's applies says so.
  out.push(...PULLER_CHECKS);
  return out;
}
