// Serves the ARM + Entra simulator (sandbox/arm/, the azure area's) on management.sandbox.test and
// login.sandbox.test (192.0.2.x:443) with the sandbox CA's certificate: one handler, two servers.
import * as https from 'node:https';
import type { ArmState } from './arm/state';
import { createArmHandler, type ArmHandler } from './arm/server';
import type { TlsPair } from './front/login-server';

export interface ArmHandle { handler: ArmHandler; stop(): Promise<void> }

export async function startArm(o: { state: ArmState; tls: TlsPair; addresses: string[]; port?: number }): Promise<ArmHandle> {
  const handler = createArmHandler(o.state);
  const servers: https.Server[] = [];
  for (const addr of o.addresses) {
    const s = https.createServer({ key: o.tls.key, cert: o.tls.cert }, handler);
    await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(o.port ?? 443, addr, () => { s.off('error', reject); resolve(); }); });
    servers.push(s);
  }
  return {
    handler,
    stop: async () => {
      handler.releaseHung();
      await Promise.all(servers.map((s) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); })));
    },
  };
}
