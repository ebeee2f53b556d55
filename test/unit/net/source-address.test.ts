import { strict as assert } from 'node:assert';
import { sourceAddressToward } from '../../../src/core/net/source-address';
import { subnetFacts } from '../../../src/core/azure/network-resources';
import { subnetHolding } from '../../../src/core/checks/network/vnet-egress';

describe('this machine\'s place in a virtual network', () => {
  it('the source address toward loopback is loopback; no address for garbage or a cancelled run', async () => {
    assert.equal(await sourceAddressToward('127.0.0.1'), '127.0.0.1');
    for (const bad of ['', 'contoso.azurecr.io', '999.1.1.1', '1.2.3.4/24']) assert.equal(await sourceAddressToward(bad), undefined, bad);
    assert.equal(await sourceAddressToward('127.0.0.1', AbortSignal.abort()), undefined);
  });

  it('picks the most specific readable subnet holding the address; junk subnets hold nothing', () => {
    const sn = (name: string, p: unknown) => subnetFacts({ id: `/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/${name}`, properties: p });
    const subnets = [sn('wide', { addressPrefix: '10.0.0.0/8' }), sn('narrow', { addressPrefixes: ['10.1.0.0/24', 'junk'] }), sn('junk', { addressPrefix: 42, addressPrefixes: 'x' }), subnetFacts(null), subnetFacts('x')];
    assert.equal(subnetHolding(subnets, '10.1.0.4')?.id.split('/').pop(), 'narrow');
    assert.equal(subnetHolding(subnets, '10.2.0.4')?.id.split('/').pop(), 'wide');
    assert.equal(subnetHolding(subnets, '192.0.2.1'), undefined);
    assert.deepEqual(subnetFacts({ properties: { networkSecurityGroup: 'x', routeTable: { id: 5 } } }).networkSecurityGroupId, undefined);
  });
});
