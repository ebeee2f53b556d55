import * as assert from 'node:assert/strict';
import { dnsCheck, proxyCheck, tcpCheck } from '../../../../src/core/checks/network/client-path';
import { NET } from '../../../../src/core/checks/network/ids';
import { testContext } from '../../../support/check-context';
import { blackHole, connectProxy, type Running } from '../../net/helpers/servers';
import { renderMessage } from '../../../../src/core/text/message';

// Loopback servers and resolve overrides only: nothing here asks public DNS or the internet.
describe('client path: net.dns, net.proxy, net.tcp', function () {
  this.timeout(15000);
  const running: Running[] = [];
  afterEach(async () => { for (const r of running.splice(0)) await r.close(); });

  it('net.dns passes with a resolve override and hands on the addresses and their kind', async () => {
    const out = await dnsCheck.run(testContext({ env: { resolve: { 'contoso.azurecr.io': '10.1.2.3' } } }));
    assert.equal(out.status, 'pass');
    assert.deepEqual((out.data as { addresses: string[] }).addresses, ['10.1.2.3']);
    assert.equal(out.evidence?.source, 'override');
  });

  it('net.dns fails with network.dns-resolution-failed when the name does not resolve', async () => {
    const out = await dnsCheck.run(testContext({ env: { resolve: { 'contoso.azurecr.io': 'not-an-address' } } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.dns-resolution-failed');
  });

  it('net.dns is only info when a proxy resolves the name for the client', async () => {
    const out = await dnsCheck.run(testContext({ env: { resolve: { 'contoso.azurecr.io': 'not-an-address' }, proxy: { httpsProxy: 'http://127.0.0.1:3128' } } }));
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
  });

  it('net.proxy passes when the proxy tunnels CONNECT to the login server', async () => {
    const target = await blackHole(); running.push(target);
    const proxy = await connectProxy('ok', target.port); running.push(proxy);
    const out = await proxyCheck.run(testContext({ env: { proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` } } }));
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.evidence?.connectStatus, 200);
    assert.deepEqual(proxy.connects, ['contoso.azurecr.io:443']);
  });

  it('net.proxy fails with network.client-proxy-broken when the proxy hangs up on CONNECT', async () => {
    const proxy = await connectProxy('eof'); running.push(proxy);
    const out = await proxyCheck.run(testContext({ env: { proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` } } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.client-proxy-broken');
    assert.equal(out.fixParams?.proxy, `http://127.0.0.1:${proxy.port}`);
  });

  it('net.proxy fails on a malformed proxy setting, naming it', async () => {
    const out = await proxyCheck.run(testContext({ env: { proxy: { httpsProxy: 'ftp://nope' } } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.client-proxy-broken');
  });

  it('net.tcp fails when the login server\'s address does not answer (a TEST-NET address)', async () => {
    const out = await tcpCheck.run(testContext({
      env: { resolve: { 'contoso.azurecr.io': '192.0.2.1' } }, signal: AbortSignal.timeout(10000),
      data: { [NET.dns]: { host: 'contoso.azurecr.io', addresses: ['192.0.2.1'], kinds: ['public'], source: 'override', durationMs: 0 } },
    }));
    assert.equal(out.status, 'fail', renderMessage(out.message));
    assert.ok(out.causeId === 'network.login-server-timeout' || out.causeId === 'network.login-server-unreachable', out.causeId);
  });
});
