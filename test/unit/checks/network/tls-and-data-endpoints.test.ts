// net.tls (the login server's certificate, verified by the check itself) and net.data-endpoints
// (every replica's data endpoint) against loopback HTTPS servers with a test CA, reached through a
// loopback CONNECT proxy; a host kept off the proxy (NO_PROXY) and pinned to 127.0.0.1:443, where
// nothing listens, is a blocked endpoint.
import * as assert from 'node:assert/strict';
import { tlsCheck } from '../../../../src/core/checks/network/client-path';
import { dataEndpointsCheck } from '../../../../src/core/checks/network/data-path';
import { NET } from '../../../../src/core/checks/network/ids';
import type { NetworkArmFacts } from '../../../../src/core/checks/network/registry-network-facts';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { testContext } from '../../../support/check-context';
import { makePki } from '../../net/helpers/pki';
import { blackHole, connectProxy, httpsServer, type Running } from '../../net/helpers/servers';
import { renderMessage } from '../../../../src/core/text/message';

const LOGIN = 'contoso.azurecr.io';
const HOME = 'contoso.westeurope.data.azurecr.io';
const REPLICA = 'contoso.eastus.data.azurecr.io';

function armFacts(over: Partial<NetworkArmFacts> = {}): NetworkArmFacts {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso', name: 'contoso', resourceGroup: 'rg', subscriptionId: 's',
    location: 'West Europe', sku: 'Premium', loginServer: LOGIN, publicNetworkAccess: 'Enabled',
    networkRuleSet: { defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] }, networkRuleBypassOptions: 'AzureServices',
    dataEndpointEnabled: true, dataEndpointHostNames: [HOME, REPLICA], replicationRegions: ['westeurope', 'eastus'],
    privateEndpoints: [], serviceEndpointSubnets: [], subnets: [], providerRegistrations: [], gaps: [], ...over,
  };
}

describe('net.tls and net.data-endpoints (loopback HTTPS behind a loopback CONNECT proxy)', function () {
  this.timeout(20000);
  const pki = makePki([LOGIN, HOME, REPLICA]);
  const running: Running[] = [];
  afterEach(async () => { for (const r of running.splice(0)) await r.close(); });

  /** An HTTPS server answering 200 (with the test CA's certificate, or another CA's) behind a CONNECT proxy. */
  async function behindProxy(cert = pki.cert, key = pki.key, mode: 'ok' | '403' = 'ok'): Promise<Pick<DiagnoseEnvironment, 'proxy' | 'extraCaPem'>> {
    const server = await httpsServer(cert, key, (_req, res) => { res.writeHead(200); res.end(); }); running.push(server);
    const proxy = await connectProxy(mode, server.port); running.push(proxy);
    return { proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` }, extraCaPem: [pki.caPem] };
  }

  describe('net.tls', () => {
    const tls = (env: Partial<DiagnoseEnvironment>, signal = AbortSignal.timeout(15000)) => tlsCheck.run(testContext({ env, signal }));

    it('passes on a certificate the trusted CA issued for the login server, handing on its issuer', async () => {
      const out = await tls(await behindProxy());
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.equal(out.causeId, undefined);
      assert.equal(out.evidence?.verify, 'ok');
      assert.ok((out.data as { issuer: string }).issuer);
    });

    it('fails with network.tls-untrusted on a certificate from a CA the client does not trust (an intercepting proxy)', async () => {
      const out = await tls(await behindProxy(pki.otherCert, pki.otherKey));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.tls-untrusted');
      assert.ok(out.fixParams?.issuer, 'the issuer to trust or remove is named');
    });

    it('fails when the proxy refuses the tunnel, naming the proxy', async () => {
      const out = await tls(await behindProxy(pki.cert, pki.key, '403'));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.client-proxy-broken');
    });

    it('fails with a handshake timeout when the server accepts and never answers', async () => {
      const hole = await blackHole(); running.push(hole);
      const proxy = await connectProxy('ok', hole.port); running.push(proxy);
      // The run's deadline for the check (the runner's timeoutMs) is what ends the wait.
      const out = await tls({ proxy: { httpsProxy: `http://127.0.0.1:${proxy.port}` } }, AbortSignal.timeout(1000));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.login-server-timeout');
      assert.match(renderMessage(out.message), /TLS handshake timeout/);
    });
  });

  describe('net.data-endpoints', () => {
    const run = (env: Partial<DiagnoseEnvironment>, arm?: NetworkArmFacts) =>
      dataEndpointsCheck.run(testContext({ env, data: arm ? { [NET.arm]: arm } : {}, signal: AbortSignal.timeout(15000) }));

    it('is info without ARM\'s view, and when dedicated data endpoints are off', async () => {
      assert.equal((await run({})).status, 'info');
      const off = await run({}, armFacts({ dataEndpointEnabled: false }));
      assert.equal(off.status, 'info');
      assert.deepEqual(off.evidence, { dataEndpointEnabled: false });
    });

    it('passes when every replica\'s data endpoint answers', async () => {
      const out = await run(await behindProxy(), armFacts());
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.deepEqual(out.evidence?.endpoints, [`${HOME}: ok`, `${REPLICA}: ok`]);
    });

    it('fails with network.replica-data-endpoint-blocked when only a replica\'s endpoint is blocked', async () => {
      const env = await behindProxy();
      const out = await run({ ...env, proxy: { ...env.proxy, noProxy: REPLICA }, resolve: { [REPLICA]: '127.0.0.1' } }, armFacts());
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.replica-data-endpoint-blocked');
      assert.equal(out.fixParams?.dataEndpoint, REPLICA);
    });

    it('fails with network.data-endpoint-blocked for the home region\'s endpoint, named before a replica\'s', async () => {
      const env = await behindProxy();
      const out = await run({ ...env, proxy: { ...env.proxy, noProxy: `${HOME},${REPLICA}` }, resolve: { [HOME]: '127.0.0.1', [REPLICA]: '127.0.0.1' } }, armFacts());
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.data-endpoint-blocked');
      assert.equal(out.fixParams?.dataEndpoint, HOME);
    });

    it('fails with network.tls-untrusted when a data endpoint shows another CA\'s certificate', async () => {
      const out = await run(await behindProxy(pki.otherCert, pki.otherKey), armFacts({ dataEndpointHostNames: [HOME] }));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.tls-untrusted');
    });
  });
});
