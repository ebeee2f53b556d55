// Listing registries with the real SDK clients against the simulator: Resource Graph in one
// paged query, the per-subscription fallback, and the 10 000-registry scale in ≤ 3 ARM calls.
import { strict as assert } from 'node:assert';
import { addScaleRegistries, defaultState, DEFAULT_IDS, roleAssignment } from '../../../sandbox/arm/state';
import { armRequest } from '../../../src/core/azure/connection';
import { listRegistries } from '../../../src/core/azure/list-registries';
import { listSubscriptions, listTenants } from '../../../src/core/azure/list-subscriptions';
import { startFixture, type Fixture } from './simulator-fixture';

describe('azure: listing registries (real SDK clients against the ARM simulator)', function () {
  this.timeout(120_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  it('lists the account\'s registries through Resource Graph, with replicas, network facts and tenant', async () => {
    f = await startFixture();
    f.sim.handler.resetCalls();
    const r = await listRegistries(f.azure);
    assert.equal(r.source, 'resource-graph');
    assert.deepEqual(r.failures, []);
    const names = r.registries.map((x) => x.name);
    // The SP reads contoso (Reader on the registry) but not fabrikam (other tenant).
    assert.deepEqual(names, ['contoso']);
    const c = r.registries[0];
    assert.equal(c.loginServer, 'contoso.azurecr.io');
    assert.equal(c.sku, 'Premium');
    assert.equal(c.location, 'westeurope');
    assert.deepEqual(c.replicaRegions, ['northeurope']);
    assert.equal(c.publicNetworkAccess, 'Enabled');
    assert.equal(c.networkDefaultAction, 'Allow');
    assert.equal(c.tenantId, DEFAULT_IDS.tenantId);
    assert.equal(c.resourceGroup, 'contoso-rg');
    assert.equal(c.adminUserEnabled, false);
    const arm = f.sim.handler.calls.filter((x) => x.kind === 'arm');
    assert.equal(arm.length, 1);
    assert.match(arm[0].path, /^\/providers\/Microsoft\.ResourceGraph\/resources$/);
  });

  it('reflects a state change (firewall on, private endpoint) on the next listing', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    reg.arm.properties.networkRuleSet!.defaultAction = 'Deny';
    reg.arm.properties.privateEndpointConnections.push({
      id: `${reg.arm.id}/privateEndpointConnections/pe1`, name: 'pe1', type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
      properties: { privateEndpoint: { id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/privateEndpoints/pe1' }, privateLinkServiceConnectionState: { status: 'Pending' }, provisioningState: 'Succeeded' },
    });
    for (const graph of [true, false]) {
      const r = await listRegistries(f.azure, { resourceGraph: graph });
      const c = r.registries.find((x) => x.name === 'contoso')!;
      assert.equal(c.networkDefaultAction, 'Deny', `graph=${graph}`);
      assert.deepEqual(c.privateEndpoints, [{ name: 'pe1', status: 'Pending' }], `graph=${graph}`);
    }
  });

  it('falls back to registries.list() per subscription when Resource Graph is refused', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'error500', pathContains: 'Microsoft.ResourceGraph' };
    f.sim.handler.resetCalls();
    const r = await listRegistries(f.azure);
    assert.equal(r.source, 'per-subscription');
    assert.equal(r.graphError?.kind, 'server');
    assert.deepEqual(r.registries.map((x) => x.name), ['contoso']);
    assert.deepEqual(r.registries[0].replicaRegions, ['northeurope'], 'replicas from the data endpoint host names');
    const paths = f.sim.handler.calls.filter((x) => x.kind === 'arm').map((x) => x.path);
    assert.ok(paths.includes('/subscriptions'), 'the fallback asked which subscriptions exist');
    assert.ok(paths.some((p) => /\/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries$/.test(p)));
  });

  it('lists 10 000 registries in 100 subscriptions in at most 3 ARM calls (the fallback needs > 100)', async () => {
    const state = defaultState();
    addScaleRegistries(state, { subscriptions: 100, perSubscription: 100 });
    f = await startFixture(state);
    f.sim.handler.resetCalls();
    const r = await listRegistries(f.azure);
    const calls = f.sim.handler.armCalls();
    assert.equal(r.source, 'resource-graph');
    assert.equal(r.registries.length, 10_001);
    assert.ok(calls <= 3, `ARM calls: ${calls}`);
    assert.equal(new Set(r.registries.map((x) => x.subscriptionId)).size, 101);
    assert.ok(r.registries.every((x) => x.loginServer.endsWith('.azurecr.io') && x.sku && x.location));
    // The same listing without Resource Graph costs a call per subscription (what the scale mode is for).
    f.sim.handler.resetCalls();
    const slow = await listRegistries(f.azure, { resourceGraph: false, subscriptionIds: state.subscriptions.slice(0, 5).map((s) => s.subscriptionId) });
    assert.equal(f.sim.handler.armCalls(), 5);
    assert.ok(slow.registries.length >= 300);
  });

  it('the simulator\'s cached Resource Graph answer follows in-place edits, ARM writes to frozen scale registries and access changes', async () => {
    const state = defaultState();
    addScaleRegistries(state, { subscriptions: 3, perSubscription: 2 });
    f = await startFixture(state);
    const byName = async () => new Map((await listRegistries(f.azure)).registries.map((x) => [x.name, x]));
    const first = await byName();
    assert.equal(first.size, 7);
    assert.equal(first.get('contoso')?.publicNetworkAccess, 'Enabled');
    // A test edits an ordinary resource in place: the same query answers the new state.
    state.registries.find((r) => r.arm.name === 'contoso')!.arm.properties.publicNetworkAccess = 'Disabled';
    assert.equal((await byName()).get('contoso')?.publicNetworkAccess, 'Disabled');
    // Scale registries are frozen (so they can be cached by identity): editing one in place throws …
    const scale = state.registries.find((r) => r.arm.name === 'scale001r000')!;
    assert.throws(() => { scale.arm.properties.publicNetworkAccess = 'Disabled'; }, TypeError);
    // … while an ARM PATCH thaws it, and the listing shows the change.
    const sub1 = scale.arm.id.split('/')[2];
    state.roleAssignments.push(roleAssignment({ scope: scale.arm.id, role: 'Contributor', principalId: DEFAULT_IDS.spObjectId, subscriptionId: sub1, createdOn: new Date(0) }));
    await armRequest(f.azure, 'PATCH', scale.arm.id, { apiVersion: '2023-07-01', body: { properties: { publicNetworkAccess: 'Disabled' } }, operation: 'test patch' });
    const afterPatch = await byName();
    assert.equal(afterPatch.get('scale001r000')?.publicNetworkAccess, 'Disabled');
    assert.equal(afterPatch.get('scale001r001')?.publicNetworkAccess, 'Enabled');
    // Access removed in place (the Reader assignment on a scale subscription): its registries go.
    const sub2 = state.subscriptions.find((s) => s.displayName === 'Scale 002')!.subscriptionId;
    const i = state.roleAssignments.findIndex((a) => a.properties.scope === `/subscriptions/${sub2}`);
    assert.ok(i >= 0);
    state.roleAssignments.splice(i, 1);
    const afterRevoke = await byName();
    assert.equal(afterRevoke.size, 5);
    assert.ok(!afterRevoke.has('scale002r000'));
  });

  it('follows Resource Graph $skipToken pages (1 200 subscriptions → 2 pages of ≤ 1 000 rows)', async () => {
    const state = defaultState();
    addScaleRegistries(state, { subscriptions: 1200, perSubscription: 1 });
    f = await startFixture(state);
    f.sim.handler.resetCalls();
    const r = await listRegistries(f.azure);
    const graphCalls = f.sim.handler.calls.filter((x) => x.path.includes('ResourceGraph'));
    assert.equal(graphCalls.length, 2);
    assert.equal(r.registries.length, 1201);
  });

  it('limits the listing to chosen subscriptions', async () => {
    const state = defaultState();
    addScaleRegistries(state, { subscriptions: 3, perSubscription: 2 });
    f = await startFixture(state);
    const want = [state.subscriptions.at(-1)!.subscriptionId];
    const r = await listRegistries(f.azure, { subscriptionIds: want });
    assert.deepEqual([...new Set(r.registries.map((x) => x.subscriptionId))], want);
    assert.equal(r.registries.length, 2);
  });

  it('lists tenants and subscriptions the service principal can see', async () => {
    f = await startFixture();
    const tenants = await listTenants(f.azure);
    assert.deepEqual(tenants.map((t) => t.tenantId).sort(), [DEFAULT_IDS.tenantId, DEFAULT_IDS.secondTenantId].sort());
    const subs = await listSubscriptions(f.azure);
    assert.deepEqual(subs.map((s) => [s.subscriptionId, s.displayName]), [[DEFAULT_IDS.subscriptionId, 'Contoso Production']]);
    // Signed in to the second tenant, the same app sees that tenant's subscription and registry.
    const other = f.accessAs(DEFAULT_IDS.secondTenantId, DEFAULT_IDS.spAppId, f.secret);
    const subs2 = await listSubscriptions(other);
    assert.deepEqual(subs2.map((s) => s.subscriptionId), [DEFAULT_IDS.secondSubscriptionId]);
    const regs2 = await listRegistries(other);
    assert.deepEqual(regs2.registries.map((x) => x.name), ['fabrikam']);
  });
});

describe('azure: listRegistriesForTree (the tree\'s lister shape)', function () {
  this.timeout(60_000);
  it('answers for the selected subscriptions and reports an unreadable one as a failure on fallback', async () => {
    const { listRegistriesForTree } = await import('../../../src/core/azure/list-registries');
    const f = await startFixture();
    try {
      const ok = await listRegistriesForTree({ subscriptionIds: [DEFAULT_IDS.subscriptionId], credential: f.azure.credential, armEndpoint: f.azure.armEndpoint, armScope: f.azure.armScope, extraCaPem: f.azure.extraCaPem, signal: new AbortController().signal });
      assert.deepEqual(ok.registries.map((r) => r.loginServer), ['contoso.azurecr.io']);
      f.state.faults.arm = { kind: 'error500', pathContains: 'ResourceGraph' };
      const mixed = await listRegistriesForTree({ subscriptionIds: [DEFAULT_IDS.subscriptionId, DEFAULT_IDS.secondSubscriptionId], credential: f.azure.credential, armEndpoint: f.azure.armEndpoint, armScope: f.azure.armScope, extraCaPem: f.azure.extraCaPem, signal: new AbortController().signal });
      assert.deepEqual(mixed.registries.map((r) => r.name), ['contoso']);
      assert.equal(mixed.failures.length, 1);
      assert.equal(mixed.failures[0].subscriptionId, DEFAULT_IDS.secondSubscriptionId);
      assert.equal(mixed.failures[0].error.kind, 'unauthenticated', 'a subscription of another tenant: InvalidAuthenticationTokenTenant');
    } finally {
      await f.stop();
    }
  });
});
