import { strict as assert } from 'node:assert';
import { lightProbe, verdictOfAnswer } from '../../../src/core/net/light-probe';
import { LightProbeQueue } from '../../../src/core/net/light-probe-queue';
import type { LightProbeResult } from '../../../src/core/net/light-probe';
import { makePki, type TestPki } from './helpers/pki';
import { closedPort, httpsServer, type Running } from './helpers/servers';

describe('light probe (the tree\'s health at a glance)', function () {
  this.timeout(20000);
  const host = 'contoso.azurecr.io';
  let pki: TestPki;
  let registry: Running;
  let firewall: Running;
  const seen: { authorization?: string }[] = [];
  before(async () => {
    pki = makePki([host]);
    registry = await httpsServer(pki.cert, pki.key, (req, res) => {
      seen.push({ authorization: req.headers.authorization });
      res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${host}/oauth2/token",service="${host}"` }).end('{}');
    });
    firewall = await httpsServer(pki.cert, pki.key, (_req, res) => res.writeHead(403).end("client with IP '192.0.2.9' is not allowed access"));
  });
  after(async () => { await registry.close(); await firewall.close(); pki.cleanup(); });
  const net = { resolve: { [host]: '127.0.0.1' }, extraCaPem: [] as string[] };

  it('calls a registry that answers /v2/ with its own challenge reachable, sending no credentials', async () => {
    const r = await lightProbe(host, { ...net, port: registry.port, extraCaPem: [pki.caPem] });
    assert.equal(r.health, 'reachable', r.detail);
    assert.ok(seen.length > 0 && seen.every((s) => s.authorization === undefined));
  });

  it('calls a 403, a closed port and an untrusted certificate refused', async () => {
    assert.equal((await lightProbe(host, { ...net, port: firewall.port, extraCaPem: [pki.caPem] })).health, 'refused');
    assert.equal((await lightProbe(host, { ...net, port: await closedPort() })).health, 'refused');
    assert.equal((await lightProbe(host, { ...net, port: registry.port })).health, 'refused', 'the test CA is not trusted here');
  });

  it('calls a name that does not resolve unreachable', async () => {
    const r = await lightProbe('nosuchregistry.invalid', { timeoutMs: 4000 });
    assert.equal(r.health, 'unreachable', r.detail);
  });

  it('refuses a 401 whose challenge points elsewhere', () => {
    assert.equal(verdictOfAnswer(host, 401, 'Bearer realm="https://evil.example/token",service="x"').health, 'refused');
    assert.equal(verdictOfAnswer(host, 401, undefined).health, 'refused');
    assert.equal(verdictOfAnswer(host, 200, undefined).health, 'reachable');
  });
});

describe('light probe queue', () => {
  it('runs at most `concurrency` probes at once, once per registry, and keeps answers for the TTL', async () => {
    let clock = 1_000;
    let running = 0;
    let most = 0;
    const calls: string[] = [];
    const q = new LightProbeQueue({
      concurrency: 2, ttlMs: 60_000, now: () => clock,
      probe: async (s): Promise<LightProbeResult> => {
        calls.push(s); running++; most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return { health: s.startsWith('down') ? 'unreachable' : 'reachable', at: clock, detail: '' };
      },
    });
    for (const s of ['a.azurecr.io', 'b.azurecr.io', 'down1.azurecr.io', 'A.azurecr.io', 'd.azurecr.io', 'b.azurecr.io']) q.request(s);
    await q.idle();
    assert.equal(most, 2);
    assert.deepEqual(calls.sort(), ['a.azurecr.io', 'b.azurecr.io', 'd.azurecr.io', 'down1.azurecr.io']);
    assert.equal(q.get('down1.azurecr.io')?.health, 'unreachable');
    q.request('a.azurecr.io');
    await q.idle();
    assert.equal(calls.length, 4, 'a fresh answer is not probed again');
    clock += 61_000;
    q.request('a.azurecr.io');
    await q.idle();
    assert.equal(calls.length, 5, 'a stale answer is probed again');
  });

  it('turns a probe that throws into "unreachable" instead of losing the row', async () => {
    const q = new LightProbeQueue({ probe: () => Promise.reject(new Error('boom')) });
    q.request('x.azurecr.io');
    await q.idle();
    assert.equal(q.get('x.azurecr.io')?.health, 'unreachable');
  });
});
