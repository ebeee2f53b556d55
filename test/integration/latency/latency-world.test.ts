// A world on the `near` profile: every host sits behind a relay that really delays (TLS handshakes
// pay their round trips, per kind of host), the hosts still work (registry challenge, Entra + ARM
// through the real SDK), and the relays stop with the world. Lower bounds only.
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as path from 'node:path';
import { startWorld, type SandboxWorld } from '../../../sandbox/world';
import { stopSharedWorld } from '../sandbox/shared-world';
import { IP } from '../../../sandbox/addresses';
import { httpRequest } from '../../../src/core/net/http';
import { runProc } from '../matrix/run-proc';
import { ROOT } from '../matrix/root';

function handshake(world: SandboxWorld, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const s = tls.connect({ host: world.hosts[host], port: 443, servername: host, ca: world.caPem });
    s.once('secureConnect', () => { resolve(performance.now() - t0); s.destroy(); });
    s.once('error', reject);
  });
}

describe('sandbox latency mode (near)', function () {
  this.timeout(180_000);
  let world: SandboxWorld;
  before(async () => { await stopSharedWorld(); world = await startWorld({ scenario: 'healthy', latency: 'near' }); });
  after(async () => { await world?.stop(); });

  it('a TLS handshake to the login server and a data endpoint takes at least TCP + TLS round trips of the registry', async () => {
    const rtt = world.latency.profile.registryRttMs;
    assert.equal(rtt, 20);
    for (const host of [world.loginServer, 'contoso.westeurope.data.azurecr.io']) {
      const ms = await handshake(world, host);
      assert.ok(ms >= 2 * rtt - 2, `${host}: handshake ${ms.toFixed(1)} ms < 2 × ${rtt} ms`);
    }
  });

  it('Entra and ARM pay their own, longer round trips', async () => {
    const rtt = world.latency.profile.azureRttMs;
    for (const host of ['login.sandbox.test', 'management.sandbox.test']) {
      const ms = await handshake(world, host);
      assert.ok(ms >= 2 * rtt - 2, `${host}: handshake ${ms.toFixed(1)} ms < 2 × ${rtt} ms`);
    }
  });

  it('the hosts still work through the relays: the /v2/ challenge, and a whole diagnosis (Entra, ARM, token exchange) finds nothing wrong', async () => {
    world.latency.resetStats();
    const r = await httpRequest({ url: `https://${world.loginServer}/v2/`, extraCaPem: [world.caPem], timeoutMs: 10_000 });
    assert.equal(r.status, 401);
    assert.match(String(r.headers['www-authenticate']), /Bearer realm=/);
    const d = await runProc(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'diagnose', world.loginServer, '--json'], world.clientEnv(), { timeoutMs: 60_000 });
    const report = JSON.parse(d.stdout) as { causes: { causeId: string }[]; durationMs: number };
    assert.deepEqual(report.causes.map((c) => c.causeId), [], d.stderr.slice(-2000));
    const stats = world.latency.stats();
    assert.ok(stats[`${IP.contoso}:443`].connections >= 2 && stats[`${IP.contoso}:443`].flights >= 3, JSON.stringify(stats[`${IP.contoso}:443`]));
    assert.ok(stats[`${IP.login}:443`].flights >= 2, `Entra flights ${stats[`${IP.login}:443`].flights}`);
    assert.ok(stats[`${IP.management}:443`].flights >= 1, `ARM flights ${stats[`${IP.management}:443`].flights}`);
    // The diagnosis signs in (Entra, then the registry's exchange): at least an Entra and a registry round trip each way.
    assert.ok(report.durationMs >= 2 * world.latency.profile.azureRttMs, `diagnosis ${report.durationMs} ms`);
  });

  it('the black hole still answers nothing (a TLS handshake through its relay times out)', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const s = tls.connect({ host: IP.blackHole, port: 443, servername: 'contoso.azurecr.io', ca: world.caPem });
      const t = setTimeout(() => { s.destroy(); resolve('timeout'); }, 1500);
      s.once('secureConnect', () => { clearTimeout(t); s.destroy(); resolve('connected'); });
      s.once('error', (e) => { clearTimeout(t); resolve(`error ${e.message}`); });
    });
    assert.equal(outcome, 'timeout');
  });

  it('the relays stop with the world: nothing listens on the public ports afterwards', async () => {
    await world.stop();
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(443, IP.contoso); s.once('connect', () => { s.destroy(); resolve(false); }); s.once('error', () => resolve(true));
    });
    world = undefined as unknown as SandboxWorld;
    assert.equal(refused, true);
  });
});
