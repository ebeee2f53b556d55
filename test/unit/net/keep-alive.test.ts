// The run's keep-alive pool (net/keep-alive.ts) with httpRequest against a real TLS server:
// requests given the pool share one connection per host; a connection never serves another host,
// another trust or another proxy; a connection the server closed is replaced, not reported.
import { strict as assert } from 'node:assert';
import { handOverConnection, httpRequest, warmKeepAlive } from '../../../src/core/net/http';
import { openTlsConnection } from '../../../src/core/net/connection';
import { KeepAlivePool, keepAliveKey } from '../../../src/core/net/keep-alive';
import { makePki, type TestPki } from './helpers/pki';
import { httpsServer, type Running } from './helpers/servers';

describe('net/keep-alive pool', function () {
  this.timeout(20000);
  let pki: TestPki;
  let server: Running & { handshakes(): number };
  /** Server side: the TLS connection (its remote port) each request arrived on, and its Host. */
  let seen: { port: number; host: string; auth: string }[];
  let closeAfterNext = false;
  let dropNext = false;
  const login = 'contoso.azurecr.io';
  const data = 'contoso.westeurope.data.azurecr.io';
  before(() => { pki = makePki([login, data]); });
  after(() => pki.cleanup());
  beforeEach(async () => {
    seen = [];
    closeAfterNext = false;
    dropNext = false;
    server = await httpsServer(pki.cert, pki.key, (req, res) => {
      seen.push({ port: (req.socket).remotePort ?? 0, host: req.headers.host ?? '', auth: req.headers.authorization ?? '' });
      if (dropNext) { dropNext = false; req.socket.destroy(); return; }
      res.end('ok');
      if (closeAfterNext) { closeAfterNext = false; setImmediate(() => req.socket.destroy()); }
    });
  });
  afterEach(async () => { await server.close(); });

  const base = () => ({ resolve: { [login]: '127.0.0.1', [data]: '127.0.0.1' }, extraCaPem: [pki.caPem], timeoutMs: 5000 });

  it('sends the requests of a run over one connection per host, and none of another host', async () => {
    const pool = new KeepAlivePool();
    try {
      const a = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/one`, headers: { authorization: 'Bearer secret-for-login' } });
      const b = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/two`, headers: { authorization: 'Bearer secret-for-login' } });
      const c = await httpRequest({ ...base(), keepAlive: pool, url: `https://${data}:${server.port}/blob` });
      assert.equal(a.reused, undefined);
      assert.equal(b.reused, true, 'the second request to the login server reused the connection');
      assert.equal(b.timings.tlsMs, undefined, 'a reused connection reports no TLS phase of its own');
      assert.equal(c.reused, undefined, 'another host never gets that connection');
      assert.equal(seen[0].port, seen[1].port);
      assert.notEqual(seen[2].port, seen[0].port);
      assert.equal(seen[2].host, `${data}:${server.port}`);
      assert.equal(seen[2].auth, '', 'no credential on the data endpoint connection');
    } finally { pool.close(); }
  });

  it('warms one connection ahead for a host: the first pooled request rides it, a probe and another host never do', async () => {
    const pool = new KeepAlivePool();
    const handshakes = () => server.handshakes();
    try {
      const url = `https://${login}:${server.port}/v2/`;
      warmKeepAlive({ ...base(), url, keepAlive: pool });
      warmKeepAlive({ ...base(), url, keepAlive: pool }); // one on its way already: not a second
      for (let i = 0; i < 100 && handshakes() < 1; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 30));
      assert.equal(handshakes(), 1, 'one connection opened ahead');
      assert.equal(seen.length, 0, 'nothing was sent on it');
      const probe = await httpRequest({ ...base(), url });
      assert.equal(probe.reused, undefined, 'a probe (no pool) dials its own connection');
      const other = await httpRequest({ ...base(), keepAlive: pool, url: `https://${data}:${server.port}/blob` });
      assert.equal(other.reused, undefined, 'another host does not get it');
      const first = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/oauth2/exchange`, method: 'POST', body: 'x' });
      assert.equal(first.reused, true, 'the first pooled request to the host rides the warmed connection');
      assert.equal(handshakes(), 3, 'the probe and the other host each had their own; the pooled request none');
    } finally { pool.close(); }
  });

  it('a warm-up that cannot connect is dropped silently and may be tried again', async () => {
    const pool = new KeepAlivePool();
    try {
      const gone = server.port;
      await server.close();
      warmKeepAlive({ ...base(), url: `https://${login}:${gone}/`, keepAlive: pool });
      await new Promise((r) => setTimeout(r, 100));
      server = await httpsServer(pki.cert, pki.key, (_req, res) => { res.end('ok'); });
      warmKeepAlive({ ...base(), url: `https://${login}:${server.port}/`, keepAlive: pool });
      for (let i = 0; i < 100 && server.handshakes() < 1; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 30));
      const r = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/one` });
      assert.equal(r.status, 200);
      assert.equal(r.reused, true);
    } finally { pool.close(); }
  });

  it('hands a probe\'s connection to the next probe of that host once, and never to a pooled (credentialed) request', async () => {
    const pool = new KeepAlivePool();
    try {
      const opts = { ...base(), host: login, port: server.port };
      const conn = await openTlsConnection({ ...opts, signal: AbortSignal.timeout(5000), verify: false });
      handOverConnection({ ...opts, pool }, conn);
      for (let i = 0; i < 100 && server.handshakes() < 1; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(server.handshakes(), 1);
      const pooled = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/oauth2/token`, headers: { authorization: 'Bearer secret' } });
      assert.equal(pooled.reused, undefined, 'a pooled request dials its own');
      assert.equal(server.handshakes(), 2);
      const probe = await httpRequest({ ...base(), handedOverBy: pool, url: `https://${login}:${server.port}/v2/` });
      assert.equal(probe.reused, true, 'the next probe starts on the handed-over connection');
      assert.equal(server.handshakes(), 2, 'no handshake for it');
      const again = await httpRequest({ ...base(), handedOverBy: pool, url: `https://${login}:${server.port}/v2/` });
      assert.equal(again.reused, undefined, 'taken once only');
      const other = await openTlsConnection({ ...opts, host: data, signal: AbortSignal.timeout(5000), verify: false });
      handOverConnection({ ...opts, host: data, pool }, other);
      const wrongHost = await httpRequest({ ...base(), handedOverBy: pool, url: `https://${login}:${server.port}/v2/` });
      assert.equal(wrongHost.reused, undefined, 'another host\'s connection is not taken');
    } finally { pool.close(); }
  });

  it('keys connections by host, port, trust, proxy and resolve override', () => {
    const k = (o: Partial<Parameters<typeof keepAliveKey>[0]> = {}) => keepAliveKey({ host: login, port: 443, resolve: { [login]: '10.0.0.1' }, extraCaPem: [pki.caPem], ...o });
    assert.equal(k(), k({ host: login.toUpperCase() }));
    assert.notEqual(k(), k({ host: data }));
    assert.notEqual(k(), k({ port: 8443 }));
    assert.notEqual(k(), k({ extraCaPem: [pki.otherCaPem] }));
    assert.notEqual(k(), k({ extraCaPem: undefined }));
    assert.notEqual(k(), k({ resolve: { [login]: '10.0.0.2' } }));
    assert.notEqual(k(), k({ proxy: { httpsProxy: 'http://proxy.corp:3128' } }));
    assert.notEqual(k({ proxy: { httpsProxy: 'http://a:b@proxy.corp:3128' } }), k({ proxy: { httpsProxy: 'http://a:c@proxy.corp:3128' } }));
    assert.equal(k({ proxy: { httpsProxy: 'http://proxy.corp:3128' }, direct: true }), k());
  });

  it('without the pool every request has its own connection (the probes)', async () => {
    await httpRequest({ ...base(), url: `https://${login}:${server.port}/one` });
    const b = await httpRequest({ ...base(), url: `https://${login}:${server.port}/two` });
    assert.equal(b.reused, undefined);
    assert.notEqual(seen[0].port, seen[1].port);
  });

  it('replaces a kept connection the server has closed instead of failing the request', async () => {
    const pool = new KeepAlivePool();
    try {
      closeAfterNext = true;
      await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/one` });
      await new Promise((r) => setTimeout(r, 50));
      const b = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/two` });
      assert.equal(b.status, 200);
      assert.equal(seen.length, 2);
      assert.notEqual(seen[0].port, seen[1].port);
    } finally { pool.close(); }
  });

  it('retries on a fresh connection when a kept one dies before the answer (the server closed it meanwhile)', async () => {
    const pool = new KeepAlivePool();
    try {
      await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/one` });
      dropNext = true;
      const b = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/two`, method: 'POST', body: 'grant_type=x' });
      assert.equal(b.status, 200);
      assert.equal(b.reused, undefined, 'answered on the new connection');
      assert.equal(seen.length, 3);
      assert.equal(seen[1].port, seen[0].port, 'first tried on the kept connection');
      assert.notEqual(seen[2].port, seen[0].port);
    } finally { pool.close(); }
  });

  it('after close() nothing is reused', async () => {
    const pool = new KeepAlivePool();
    await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/one` });
    pool.close();
    const b = await httpRequest({ ...base(), keepAlive: pool, url: `https://${login}:${server.port}/two` });
    assert.equal(b.reused, undefined);
    pool.close();
  });
});
