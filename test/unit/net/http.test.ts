import { strict as assert } from 'node:assert';
import http from 'node:http';
import { httpRequest } from '../../../src/core/net/http';
import { NetError, toNetError } from '../../../src/core/net/errors';
import { resolveHost } from '../../../src/core/net/dns';
import { makePki, type TestPki } from './helpers/pki';
import { httpsServer, blackHole, closedPort, connectProxy, type Running } from './helpers/servers';

describe('net/http client', function () {
  this.timeout(20000);
  let pki: TestPki;
  let good: Running;
  let evil: Running;
  const host = 'contoso.azurecr.io';
  before(() => { pki = makePki([host, 'contoso.westeurope.data.azurecr.io']); });
  after(() => pki.cleanup());
  beforeEach(async () => {
    good = await httpsServer(pki.cert, pki.key, (req, res) => {
      if (req.url === '/v2/') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${host}/oauth2/token",service="${host}"`, 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      } else if (req.url === '/redirect') {
        res.writeHead(307, { location: 'https://contoso.westeurope.data.azurecr.io/blob?sig=abc' }); res.end();
      } else if (req.url === '/big') {
        res.writeHead(200); res.end(Buffer.alloc(200_000, 'x'));
      } else if (req.url === '/echo') {
        let b = ''; req.on('data', (d) => { b += d; }); req.on('end', () => { res.writeHead(200, { 'x-host': req.headers.host ?? '' }); res.end(`${req.method} ${b}`); });
      } else { res.writeHead(404); res.end(); }
    });
    evil = await httpsServer(pki.otherCert, pki.otherKey, (_req, res) => { res.end('intercepted'); });
  });
  afterEach(async () => { await good.close(); await evil.close(); });

  const base = () => ({ resolve: { [host]: '127.0.0.1', 'contoso.westeurope.data.azurecr.io': '127.0.0.1' }, extraCaPem: [pki.caPem] });

  it('gets a 401 challenge with headers, body, timings and TLS facts', async () => {
    const res = await httpRequest({ ...base(), url: `https://${host}:${good.port}/v2/`, timeoutMs: 5000 });
    assert.equal(res.status, 401);
    assert.match(String(res.headers['www-authenticate']), /^Bearer realm=/);
    assert.deepEqual(res.json(), { errors: [{ code: 'UNAUTHORIZED' }] });
    assert.equal(res.remoteAddress, '127.0.0.1');
    assert.equal(res.tls.trusted, true);
    assert.equal(res.tls.issuer, 'ACR Doctor Test CA');
    assert.ok(res.timings.totalMs >= res.timings.firstByteMs);
  });

  it('does not follow redirects and resolves Location', async () => {
    const res = await httpRequest({ ...base(), url: `https://${host}:${good.port}/redirect`, timeoutMs: 5000 });
    assert.equal(res.status, 307);
    assert.equal(res.location(), 'https://contoso.westeurope.data.azurecr.io/blob?sig=abc');
  });

  it('sends a body and the Host header without port 443', async () => {
    const res = await httpRequest({ ...base(), url: `https://${host}:${good.port}/echo`, method: 'POST', body: 'a=b', timeoutMs: 5000 });
    assert.equal(res.text(), 'POST a=b');
    assert.equal(res.headers['x-host'], `${host}:${good.port}`);
  });

  it('caps the body', async () => {
    const res = await httpRequest({ ...base(), url: `https://${host}:${good.port}/big`, maxBodyBytes: 1000, timeoutMs: 5000 });
    assert.equal(res.body.length, 1000);
    assert.equal(res.truncated, true);
  });

  it('rejects an untrusted certificate and names its issuer', async () => {
    await assert.rejects(httpRequest({ ...base(), url: `https://${host}:${evil.port}/`, timeoutMs: 5000 }), (e: NetError) => {
      assert.equal(e.kind, 'tls-untrusted');
      assert.equal(e.details.issuer, 'Evil Proxy Inc');
      assert.match(e.message, /Evil Proxy Inc/);
      return true;
    });
  });

  it('rejects a certificate for another name', async () => {
    await assert.rejects(httpRequest({ resolve: { 'other.azurecr.io': '127.0.0.1' }, extraCaPem: [pki.caPem], url: `https://other.azurecr.io:${good.port}/v2/`, timeoutMs: 5000 }),
      (e: NetError) => e.kind === 'tls-name');
  });

  it('reports refused connections in the connect phase', async () => {
    const port = await closedPort();
    await assert.rejects(httpRequest({ ...base(), url: `https://${host}:${port}/v2/`, timeoutMs: 5000 }),
      (e: NetError) => e.phase === 'connect' && e.kind === 'refused');
  });

  it('times out on a black hole within the deadline', async () => {
    const hole = await blackHole();
    const t0 = Date.now();
    try {
      await assert.rejects(httpRequest({ ...base(), url: `https://${host}:${hole.port}/v2/`, timeoutMs: 300 }),
        (e: NetError) => e.kind === 'timeout' && e.phase === 'tls');
      assert.ok(Date.now() - t0 < 3000);
    } finally { await hole.close(); }
  });

  it('stops when the caller aborts', async () => {
    const hole = await blackHole();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    try {
      await assert.rejects(httpRequest({ ...base(), url: `https://${host}:${hole.port}/v2/`, signal: ac.signal, timeoutMs: 10000 }),
        (e: NetError) => e.kind === 'aborted');
    } finally { await hole.close(); }
  });

  it('classifies DNS failures (no real lookup: unit tests stay on loopback)', async () => {
    const e = toNetError(Object.assign(new Error('getaddrinfo ENOTFOUND contoso.azurecr.io'), { code: 'ENOTFOUND' }), 'connect');
    assert.equal(e.phase, 'dns');
    assert.equal(e.kind, 'not-found');
    await assert.rejects(resolveHost('contoso.azurecr.io', { 'contoso.azurecr.io': 'not-an-ip' }, new AbortController().signal), /not an IP address/);
    assert.deepEqual((await resolveHost('192.0.2.20', undefined, new AbortController().signal)).source, 'literal');
  });

  it('tunnels through a CONNECT proxy, and not for NO_PROXY hosts', async () => {
    const proxy = await connectProxy('ok');
    try {
      const res = await httpRequest({ extraCaPem: [pki.caPem], proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` }, url: `https://${host}:${good.port}/v2/`, timeoutMs: 5000 });
      assert.equal(res.status, 401);
      assert.equal(res.proxy, `http://127.0.0.1:${proxy.port}`);
      assert.deepEqual(proxy.connects, [`${host}:${good.port}`]);
      const direct = await httpRequest({ ...base(), proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}`, noProxy: '.azurecr.io' }, url: `https://${host}:${good.port}/v2/`, timeoutMs: 5000 });
      assert.equal(direct.proxy, undefined);
      assert.equal(proxy.connects.length, 1);
    } finally { await proxy.close(); }
  });

  it('reports a proxy that closes after CONNECT as proxyconnect EOF', async () => {
    const proxy = await connectProxy('eof');
    try {
      await assert.rejects(httpRequest({ proxy: { httpsProxy: `127.0.0.1:${proxy.port}` }, url: `https://${host}/v2/`, timeoutMs: 5000 }),
        (e: NetError) => e.phase === 'proxy' && e.kind === 'reset' && /proxyconnect tcp: EOF/.test(e.message));
    } finally { await proxy.close(); }
  });

  it('reports a proxy that refuses CONNECT and a proxy that is down', async () => {
    const proxy = await connectProxy('403');
    try {
      await assert.rejects(httpRequest({ proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` }, url: `https://${host}/v2/`, timeoutMs: 5000 }),
        (e: NetError) => e.kind === 'proxy-refused' && e.details.status === 403);
    } finally { await proxy.close(); }
    const port = await closedPort();
    await assert.rejects(httpRequest({ proxy: { httpsProxy: `http://127.0.0.1:${port}` }, url: `https://${host}/v2/`, timeoutMs: 5000 }),
      (e: NetError) => e.phase === 'proxy' && e.kind === 'refused');
  });

  it('rejects non-https and garbage URLs with a clear error', async () => {
    await assert.rejects(httpRequest({ url: 'http://x/' }), /only https/);
    await assert.rejects(httpRequest({ url: 'not a url' }), /not a URL/);
  });

  it('keeps its own connection when the host process replaces http.request (as VS Code\'s extension host does)', async () => {
    // VS Code's proxy support (@vscode/proxy-agent) wraps http.request and swaps in its own agent;
    // an agent ignores `createConnection` and would dial the request's absent host (127.0.0.1:80).
    const original = http.request;
    let wrapped = 0;
    (http as { request: unknown }).request = (options: http.RequestOptions, cb?: (res: http.IncomingMessage) => void) => {
      wrapped++;
      return original({ ...options, agent: new http.Agent() }, cb);
    };
    try {
      const res = await httpRequest({ ...base(), url: `https://${host}:${good.port}/v2/`, timeoutMs: 5000 });
      assert.equal(res.status, 401);
      assert.equal(res.remoteAddress, '127.0.0.1');
      assert.equal(wrapped, 0, 'the probe does not go through the (patched) http.request');
    } finally {
      (http as { request: unknown }).request = original;
    }
  });
});
