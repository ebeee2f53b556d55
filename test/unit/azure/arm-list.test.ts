// armList (src/core/azure/connection.ts): a subscription-wide ARM list in pages, followed through
// nextLink against the ARM simulator (1000 items a page, as ARM), bounded, and never to a host
// other than the ARM endpoint (the bearer token goes with every page).
import { strict as assert } from 'node:assert';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { DEFAULT_IDS, roleAssignment, type VirtualNetworkJson } from '../../../sandbox/arm/state';
import { armList } from '../../../src/core/azure/connection';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { listSubnets } from '../../../src/core/azure/network-resources';
import { startFixture, testPki, type Fixture } from './simulator-fixture';

function vnet(i: number): VirtualNetworkJson {
  const id = `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/contoso-rg/providers/Microsoft.Network/virtualNetworks/vnet-${i}`;
  return {
    id, name: `vnet-${i}`, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.0.0.0/24'] },
      subnets: [{ id: `${id}/subnets/default`, name: 'default', type: 'Microsoft.Network/virtualNetworks/subnets', properties: { addressPrefix: '10.0.0.0/24', provisioningState: 'Succeeded' } }],
    },
  };
}

describe('azure: armList follows nextLink (ARM simulator)', function () {
  this.timeout(60_000);
  let f: Fixture | undefined;
  afterEach(async () => { await f?.stop(); f = undefined; });

  it('reads every page of a large subscription (2500 virtual networks: 3 pages), and stops at maxPages', async () => {
    f = await startFixture();
    const before = f.state.virtualNetworks.length;
    for (let i = 0; i < 2500; i++) f.state.virtualNetworks.push(vnet(i));
    // The service principal reads the resource group the networks are in (it reads only the registry otherwise).
    f.state.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/contoso-rg`, role: 'Reader', principalId: DEFAULT_IDS.spObjectId, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(Date.now() - 86_400_000) }));
    const subnets = await listSubnets(f.azure, DEFAULT_IDS.subscriptionId);
    assert.equal(subnets.filter((s) => /\/virtualNetworks\/vnet-\d+\/subnets\/default$/.test(s.id)).length, 2500);
    const path = `/subscriptions/${DEFAULT_IDS.subscriptionId}/providers/Microsoft.Network/virtualNetworks`;
    const two = await armList(f.azure, path, { apiVersion: '2023-09-01', operation: 'list virtual networks', maxPages: 2 });
    assert.equal(two.length, 2000);
    assert.equal((await armList(f.azure, path, { apiVersion: '2023-09-01', operation: 'list virtual networks' })).length, 2500 + before);
  });

  it('does not follow a next-page link to another host (the token would go with it)', async () => {
    f = await startFixture();
    const pki = testPki();
    let requests = 0;
    const fakeArm = https.createServer({ key: pki.keyPem, cert: pki.certPem }, (_req, res) => {
      requests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: [{ id: 'a' }], nextLink: 'https://attacker.example/next?$skipToken=1000' }));
    });
    await new Promise<void>((r) => fakeArm.listen(0, '127.0.0.1', r));
    try {
      const azure = { ...f.azure, armEndpoint: `https://127.0.0.1:${(fakeArm.address() as AddressInfo).port}` };
      await assert.rejects(
        () => armList(azure, '/subscriptions/s/providers/Microsoft.Network/networkInterfaces', { apiVersion: '2023-09-01', operation: 'list network interfaces' }),
        (e: unknown) => e instanceof AzureAccessError && e.kind === 'invalid-response' && /attacker\.example/.test(e.message),
      );
      assert.equal(requests, 1, 'the foreign link was not requested through ARM either');
      fakeArm.removeAllListeners('request');
      fakeArm.on('request', (_req, res) => { requests++; res.end(JSON.stringify({ value: [{ id: 'b' }], nextLink: 'not a url' })); });
      await assert.rejects(() => armList(azure, '/x', { apiVersion: '1', operation: 'list' }), /not a URL/);
    } finally {
      await new Promise<void>((r) => fakeArm.close(() => r()));
    }
  });
});
