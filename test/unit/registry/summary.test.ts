import * as assert from 'node:assert/strict';
import { describeRegistry, groupBySubscription, summaryFromArm, subscriptionIdOf, type RegistrySummary } from '../../../src/core/registry/summary';

const SUB = '2b6f0c1e-3d4a-4e5b-8c9d-0a1b2c3d4e5f';
const id = (name: string, sub = SUB) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/${name}`;

describe('registry summary', () => {
  it('reads the REST / Resource Graph shape (properties.*)', () => {
    const s = summaryFromArm({
      id: id('Contoso'), name: 'Contoso', location: 'westeurope', sku: { name: 'Premium', tier: 'Premium' },
      properties: {
        loginServer: 'Contoso.azurecr.io', publicNetworkAccess: 'Disabled', adminUserEnabled: false,
        networkRuleSet: { defaultAction: 'Deny', ipRules: [] },
        privateEndpointConnections: [{ name: 'pe1', properties: { privateLinkServiceConnectionState: { status: 'Pending' } } }],
      },
    }, ['northeurope']);
    assert.deepEqual(s, {
      id: id('Contoso'), name: 'contoso', loginServer: 'contoso.azurecr.io', subscriptionId: SUB, tenantId: undefined,
      resourceGroup: 'rg', location: 'westeurope', sku: 'Premium', publicNetworkAccess: 'Disabled', networkDefaultAction: 'Deny',
      privateEndpoints: [{ name: 'pe1', status: 'Pending' }], adminUserEnabled: false, replicaRegions: ['northeurope'],
    });
  });

  it('reads the SDK shape (flattened properties)', () => {
    const s = summaryFromArm({ id: id('fabrikam'), name: 'fabrikam', location: 'eastus', sku: { name: 'Basic' }, loginServer: 'fabrikam.azurecr.io', adminUserEnabled: true });
    assert.equal(s?.loginServer, 'fabrikam.azurecr.io');
    assert.equal(s?.adminUserEnabled, true);
    assert.deepEqual(s?.privateEndpoints, []);
    assert.equal(s?.networkDefaultAction, undefined, 'absent fields are not guessed');
  });

  it('rejects what is not a registry', () => {
    for (const bad of [null, 42, 'x', {}, { name: 'x' }, { properties: 'nope' }]) assert.equal(summaryFromArm(bad), undefined);
  });

  it('describes with login server, SKU and region, skipping unknowns', () => {
    assert.equal(describeRegistry({ name: 'c', loginServer: 'c.azurecr.io', sku: 'Premium', location: 'westeurope' }), 'c.azurecr.io · Premium · westeurope');
    assert.equal(describeRegistry({ name: 'c', loginServer: 'c.azurecr.io' }), 'c.azurecr.io');
  });

  it('groups by subscription, sorted, with empty lists for subscriptions without registries', () => {
    const r = (name: string, sub: string): RegistrySummary => ({ name, loginServer: `${name}.azurecr.io`, subscriptionId: sub });
    const groups = groupBySubscription([r('zeta', 'A'), r('alpha', 'a'), r('mid', 'b')], ['A', 'B', 'C']);
    assert.deepEqual([...groups.keys()], ['a', 'b', 'c']);
    assert.deepEqual(groups.get('a')!.map((x) => x.name), ['alpha', 'zeta']);
    assert.deepEqual(groups.get('c'), []);
  });

  it('finds the subscription id in a resource id', () => {
    assert.equal(subscriptionIdOf(id('x', 'ABC')), 'abc');
    assert.equal(subscriptionIdOf('nonsense'), undefined);
  });
});
