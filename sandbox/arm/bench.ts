// Bench: time to list N registries (default 10 000 in 100 subscriptions) with core's
// listRegistries through the real SDKs against the simulator on 127.0.0.1, and how many ARM calls
// it took (goal: < 2 s, ≤ 3 calls). `npx tsx sandbox/arm/bench.ts [--json]`; or import benchListRegistries.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addScaleRegistries, defaultState, DEFAULT_IDS } from './state';
import { startArmSimulator } from './server';
import { credentialFromEnvironment } from '../../src/core/azure/credential';
import { listRegistries } from '../../src/core/azure/list-registries';

function throwawayTls(): { dir: string; ca: string; key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-armbench-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=bench CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']);
  run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1']);
  fs.writeFileSync(path.join(dir, 'ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '1', '-extfile', 'ext']);
  const r = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return { dir, ca: r('ca.crt'), key: r('leaf.key'), cert: r('leaf.crt') };
}

export interface ListBench { registries: number; ms: number; /** CPU of client + simulator (same process): load-independent. */ cpuMs: number; armCalls: number; source: string; fallbackMs?: number; fallbackArmCalls?: number }

export async function benchListRegistries(opts: { subscriptions?: number; perSubscription?: number; fallback?: boolean } = {}): Promise<ListBench> {
  const tlsFiles = throwawayTls();
  const state = defaultState();
  addScaleRegistries(state, { subscriptions: opts.subscriptions ?? 100, perSubscription: opts.perSubscription ?? 100 });
  const sim = await startArmSimulator({ state, tls: { key: tlsFiles.key, cert: tlsFiles.cert } });
  try {
    const secret = state.servicePrincipals[0].secrets[0].value;
    const { credential } = credentialFromEnvironment({ AZURE_TENANT_ID: DEFAULT_IDS.tenantId, AZURE_CLIENT_ID: DEFAULT_IDS.spAppId, AZURE_CLIENT_SECRET: secret, AZURE_AUTHORITY_HOST: sim.url }, { extraCaPem: [tlsFiles.ca] });
    const azure = { credential, armEndpoint: sim.url, allowCustomEndpointAudience: true, extraCaPem: [tlsFiles.ca] };
    await credential.getToken('https://management.azure.com/.default'); // sign-in is not part of the listing
    sim.handler.resetCalls();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await listRegistries(azure);
    const c = process.cpuUsage(c0);
    const out: ListBench = { registries: r.registries.length, ms: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000), armCalls: sim.handler.armCalls(), source: r.source };
    if (opts.fallback) {
      sim.handler.resetCalls();
      const t1 = performance.now();
      await listRegistries(azure, { resourceGraph: false });
      out.fallbackMs = Math.round(performance.now() - t1);
      out.fallbackArmCalls = sim.handler.armCalls();
    }
    return out;
  } finally {
    await sim.stop();
    fs.rmSync(tlsFiles.dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchListRegistries({ fallback: process.argv.includes('--fallback') }).then((r) => {
    if (process.argv.includes('--json')) console.log(JSON.stringify(r));
    else console.log(`listed ${r.registries} registries via ${r.source} in ${r.ms} ms (CPU ${r.cpuMs} ms, client and simulator together) with ${r.armCalls} ARM call(s) (goal < 2000 ms, ≤ 3 calls)${r.fallbackMs !== undefined ? `; per-subscription fallback: ${r.fallbackMs} ms, ${r.fallbackArmCalls} calls` : ''}`);
  }, (e: unknown) => { console.error(e); process.exitCode = 1; });
}
