// fetchRegistryView with the real ACR SDK client against the simulator: everything the checks
// read (network rules, data endpoints per region, tokens + scope maps, private endpoints,
// policies), null for an unknown registry, typed errors for 403 / 401.
import { strict as assert } from 'node:assert';
import { DEFAULT_IDS, roleAssignment, tokenRecord, scopeMapJson } from '../../../sandbox/arm/state';
import { fetchRegistryView, findRegistry, parseRegistryId } from '../../../src/core/azure/registry-view';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { armHttpClient } from '../../../src/core/azure/connection';
import { addPrincipal, startFixture, type Fixture } from './simulator-fixture';

describe('azure: registry view (real ACR SDK client against the ARM simulator)', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  it('finds contoso by login server, by resource name (any case) and by resource id', async () => {
    f = await startFixture();
    const id = f.state.registries[0].arm.id;
    for (const key of ['contoso.azurecr.io', 'CONTOSO', 'contoso', id]) {
      const v = await fetchRegistryView(f.azure, key);
      assert.ok(v, key);
      assert.equal(v.id, id);
      assert.equal(v.loginServer, 'contoso.azurecr.io');
    }
    assert.deepEqual(await findRegistry(f.azure, 'contoso.azurecr.io'), parseRegistryId(id));
  });

  it('returns the facts the checks decide on', async () => {
    f = await startFixture();
    const v = (await fetchRegistryView(f.azure, 'contoso.azurecr.io'))!;
    assert.equal(v.sku, 'Premium');
    assert.equal(v.subscriptionId, DEFAULT_IDS.subscriptionId);
    assert.equal(v.resourceGroup, 'contoso-rg');
    assert.equal(v.publicNetworkAccess, 'Enabled');
    assert.equal(v.defaultAction, 'Allow');
    assert.equal(v.networkRuleBypassOptions, 'AzureServices');
    assert.equal(v.adminUserEnabled, false);
    assert.equal(v.anonymousPullEnabled, false);
    assert.equal(v.roleAssignmentMode, 'LegacyRegistryPermissions');
    assert.equal(v.armAudienceDisabled, false);
    assert.equal(v.dataEndpointEnabled, true);
    assert.deepEqual(v.dataEndpoints, [
      { region: 'westeurope', host: 'contoso.westeurope.data.azurecr.io' },
      { region: 'northeurope', host: 'contoso.northeurope.data.azurecr.io' },
    ]);
    assert.deepEqual(v.replications.map((r) => [r.location, r.status, r.dataEndpointHost]), [
      ['westeurope', 'Ready', 'contoso.westeurope.data.azurecr.io'],
      ['northeurope', 'Ready', 'contoso.northeurope.data.azurecr.io'],
    ]);
    const tok = v.tokens.find((t) => t.name === 'ci-token')!;
    assert.equal(tok.status, 'enabled');
    assert.equal(tok.scopeMapName, 'hello-pull');
    assert.deepEqual(tok.actions, ['repositories/hello/content/read', 'repositories/hello/metadata/read']);
    assert.ok(tok.passwords[0].expiry instanceof Date && tok.passwords[0].expiry.getTime() > Date.now());
    assert.ok(v.scopeMaps.some((m) => m.name === '_repositories_pull'));
    assert.deepEqual(v.gaps, []);
    // No secret reaches the view (ARM never returns token password values on GET/list).
    const json = JSON.stringify(v);
    for (const secret of Object.values(f.state.registries[0].tokens[0].passwordValues)) assert.ok(!json.includes(secret));
  });

  it('reflects the settings a scenario breaks', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const p = reg.arm.properties;
    p.publicNetworkAccess = 'Disabled';
    p.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '203.0.113.7' }], virtualNetworkRules: [{ action: 'Allow', id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/default' }] };
    p.networkRuleBypassOptions = 'None';
    p.roleAssignmentMode = 'AbacRepositoryPermissions';
    p.policies.azureADAuthenticationAsArmPolicy = { status: 'disabled' };
    p.adminUserEnabled = true;
    p.anonymousPullEnabled = true;
    p.privateEndpointConnections.push({
      id: `${reg.arm.id}/privateEndpointConnections/pe-x`, name: 'pe-x', type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
      properties: { privateEndpoint: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/privateEndpoints/pe-x' }, privateLinkServiceConnectionState: { status: 'Pending', description: 'waiting' }, provisioningState: 'Succeeded' },
    });
    const past = new Date(Date.now() - 86_400_000);
    reg.scopeMaps.push(scopeMapJson(reg.arm.id, 'pusher', ['repositories/*/content/write']));
    reg.tokens.push(tokenRecord(reg.arm.id, 'old-token', 'pusher', { expiry: past, status: 'disabled' }));
    const v = (await fetchRegistryView(f.azure, 'contoso'))!;
    assert.equal(v.publicNetworkAccess, 'Disabled');
    assert.equal(v.defaultAction, 'Deny');
    assert.deepEqual(v.ipRules, ['203.0.113.7']);
    assert.deepEqual(v.virtualNetworkRules, ['/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/default']);
    assert.equal(v.networkRuleBypassOptions, 'None');
    assert.equal(v.roleAssignmentMode, 'AbacRepositoryPermissions');
    assert.equal(v.armAudienceDisabled, true);
    assert.equal(v.adminUserEnabled, true);
    assert.equal(v.anonymousPullEnabled, true);
    assert.deepEqual(v.privateEndpointConnections, [{ name: 'pe-x', privateEndpointId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/privateEndpoints/pe-x', status: 'Pending', description: 'waiting' }]);
    const old = v.tokens.find((t) => t.name === 'old-token')!;
    assert.equal(old.status, 'disabled');
    assert.equal(old.passwords[0].expiry?.getTime(), Math.floor(past.getTime() / 1000) * 1000 + (past.getTime() % 1000));
    assert.deepEqual(old.actions, ['repositories/*/content/write']);
  });

  it('a Basic registry has no replications or data endpoints', async () => {
    f = await startFixture();
    const other = f.accessAs(DEFAULT_IDS.secondTenantId, DEFAULT_IDS.spAppId, f.secret);
    const v = (await fetchRegistryView(other, 'fabrikam.azurecr.io'))!;
    assert.equal(v.sku, 'Basic');
    assert.deepEqual(v.replications, []);
    assert.deepEqual(v.dataEndpoints, []);
    assert.equal(v.defaultAction, undefined);
    // Its replications are asked for beside the registry's own read (the SKU is not known yet):
    // whatever ARM says to that is dropped for a Basic registry, never reported as a gap.
    assert.deepEqual(v.gaps, []);
  });

  it('asks for the registry\'s parts before the registry\'s own read has answered (one round trip, not two)', async () => {
    f = await startFixture();
    // The HTTP client every ARM request of the process goes through: when each request left, when the registry's answer came.
    const client = armHttpClient();
    const send = client.sendRequest.bind(client);
    const sent: { url: string; at: number }[] = [];
    let answered = Infinity;
    client.sendRequest = async (request) => {
      const url = request.url.split('?')[0];
      sent.push({ url, at: performance.now() });
      const response = await send(request);
      if (request.method === 'GET' && /\/registries\/contoso$/.test(url)) answered = Math.min(answered, performance.now());
      return response;
    };
    try {
      const v = await fetchRegistryView(f.azure, f.state.registries[0].arm.id);
      assert.ok(v);
      for (const part of ['replications', 'scopeMaps', 'tokens']) {
        const r = sent.find((s) => s.url.endsWith(`/registries/contoso/${part}`));
        assert.ok(r, `${part} was read`);
        assert.ok(r.at < answered, `${part} was asked for before the registry's read answered`);
      }
    } finally { client.sendRequest = send; }
  });

  it('returns null for a registry that does not exist (Resource Graph and fallback alike)', async () => {
    f = await startFixture();
    assert.equal(await fetchRegistryView(f.azure, 'nosuchregistry.azurecr.io'), null);
    const gone = f.state.registries[0].arm.id.replace(/contoso$/, 'gone');
    // Like ARM: without read rights on the resource group, a missing registry is a 403, not a 404…
    await assert.rejects(fetchRegistryView(f.azure, gone), (e: unknown) => e instanceof AzureAccessError && e.kind === 'forbidden');
    // …with Reader on the resource group it is a 404, which the view reports as null.
    f.state.roleAssignments.push(roleAssignment({ scope: gone.replace(/\/providers\/.*$/, ''), role: 'Reader', principalId: DEFAULT_IDS.spObjectId, subscriptionId: DEFAULT_IDS.subscriptionId }));
    assert.equal(await fetchRegistryView(f.azure, gone), null);
    f.state.faults.arm = { kind: 'error500', pathContains: 'ResourceGraph' };
    assert.equal(await fetchRegistryView(f.azure, 'nosuchregistry'), null);
    assert.equal((await fetchRegistryView(f.azure, 'contoso'))?.name, 'contoso');
  });

  it('a principal with only AcrPull cannot read the registry from ARM: a typed 403', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const puller = addPrincipal(f.state, 'puller', [{ role: 'AcrPull', scope: reg.arm.id }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, puller.appId, puller.secret);
    await assert.rejects(fetchRegistryView(az, reg.arm.id), (e: unknown) => {
      assert.ok(e instanceof AzureAccessError);
      assert.equal(e.kind, 'forbidden');
      assert.equal(e.status, 403);
      assert.equal(e.code, 'AuthorizationFailed');
      assert.match(e.message, /Microsoft\.ContainerRegistry\/registries\/read/);
      return true;
    });
    // Searching by name sees nothing readable: not found rather than an error.
    assert.equal(await fetchRegistryView(az, 'contoso.azurecr.io'), null);
  });

  it('rejects input that is not a registry name before calling Azure', async () => {
    f = await startFixture();
    f.sim.handler.resetCalls();
    await assert.rejects(fetchRegistryView(f.azure, "contoso' or 1==1"), (e: unknown) => e instanceof AzureAccessError && e.kind === 'bad-request');
    await assert.rejects(fetchRegistryView(f.azure, '/subscriptions/x/resourceGroups/y/providers/Other/z'), (e: unknown) => e instanceof AzureAccessError && e.kind === 'bad-request');
    assert.equal(f.sim.handler.armCalls(), 0);
  });
});
