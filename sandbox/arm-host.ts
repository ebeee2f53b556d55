// Serves the ARM + Entra simulator (built in sandbox/arm/ by the azure area) on
// management.sandbox.test / login.sandbox.test with the sandbox CA's certificate.
import type { ArmState } from './arm/state';
import type { TlsPair } from './front/login-server';

export interface ArmHandle { stop(): Promise<void> }

export async function startArm(o: { state: ArmState; tls: TlsPair; management: string; login: string }): Promise<ArmHandle | undefined> {
  let mod: Record<string, unknown>;
  try { mod = require('./arm/server'); } catch { return undefined; }
  const start = mod.startArmSimulator as ((opts: unknown) => Promise<ArmHandle>) | undefined;
  if (typeof start !== 'function') return undefined;
  return start({ state: o.state, tls: o.tls, management: o.management, login: o.login });
}
