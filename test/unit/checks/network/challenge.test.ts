import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { challengeCheck, registryFirewallCheck } from '../../../../src/core/checks/network/challenge';
import { NET } from '../../../../src/core/checks/network/ids';
import { testContext } from '../../../support/check-context';
import { makePki } from '../../net/helpers/pki';
import { connectProxy, httpsServer, type Running } from '../../net/helpers/servers';
import { renderMessage } from '../../../../src/core/text/message';

// The login server is a loopback HTTPS server with a test CA, reached through a loopback CONNECT
// proxy (the check always dials port 443; the proxy carries the tunnel to the server's port).
describe('net.challenge and net.registry-firewall (loopback registry)', function () {
  this.timeout(15000);
  const pki = makePki(['contoso.azurecr.io']);
  const running: Running[] = [];
  afterEach(async () => { for (const r of running.splice(0)) await r.close(); });

  async function challenge(answer: (res: ServerResponse) => void) {
    const server = await httpsServer(pki.cert, pki.key, (_req, res) => answer(res)); running.push(server);
    const proxy = await connectProxy('ok', server.port); running.push(proxy);
    return challengeCheck.run(testContext({ env: { proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` }, extraCaPem: [pki.caPem] }, signal: AbortSignal.timeout(10000) }));
  }

  it('passes on a 401 Bearer challenge whose realm is the login server, and hands on realm and service', async () => {
    const out = await challenge((res) => res.writeHead(401, { 'www-authenticate': 'Bearer realm="https://contoso.azurecr.io/oauth2/token",service="contoso.azurecr.io"' }).end());
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.deepEqual(out.data, { realm: 'https://contoso.azurecr.io/oauth2/token', service: 'contoso.azurecr.io' });
  });

  it('fails with network.challenge-invalid when the realm would send credentials elsewhere', async () => {
    const out = await challenge((res) => res.writeHead(401, { 'www-authenticate': 'Bearer realm="https://evil.example/token",service="contoso.azurecr.io"' }).end());
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.challenge-invalid');
  });

  it('fails with network.throttled on 429', async () => {
    const out = await challenge((res) => res.writeHead(429, { 'retry-after': '30' }).end());
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.throttled');
    assert.equal(out.evidence?.retryAfter, '30');
  });

  it('fails with network.challenge-invalid when something else answers 200', async () => {
    const out = await challenge((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>'));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.challenge-invalid');
  });

  it('net.registry-firewall turns the challenge\'s 403 into ip-rule-excludes-client when ARM is unknown', async () => {
    const out = await registryFirewallCheck.run(testContext({ findings: { [NET.challenge]: { status: 'fail', evidence: { status: 403, clientIp: '203.0.113.7' } } } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.ip-rule-excludes-client');
    assert.equal(out.fixParams?.clientIp, '203.0.113.7');
  });

  it('net.registry-firewall is info when the registry was not reached', async () => {
    const out = await registryFirewallCheck.run(testContext({ findings: { [NET.challenge]: 'fail' } }));
    assert.equal(out.status, 'info');
  });
});
