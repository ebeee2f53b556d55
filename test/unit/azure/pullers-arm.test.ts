// The pullers through the real ARM pipeline against the simulator: Resource Graph finds them (and
// only those the sign-in may read), config/web and the app settings decide App Service's
// credentials (Reader may not list app settings), identities resolve or do not, thousands of apps
// are paged and bounded, and the verdicts name each cause.
import * as assert from 'node:assert/strict';
import { defaultState, DEFAULT_IDS, roleAssignment, type ArmState } from '../../../sandbox/arm/state';
import { addContainerApp, addContainerGroup, addRegistryDnsZone, addSite, addUserAssignedIdentity, addVnet, grant, readable } from '../../../sandbox/scenarios/puller-world';
import { pullerWorld } from '../../../sandbox/arm/pullers';
import { listPullers } from '../../../src/core/azure/pullers';
import { assessPullers } from '../../../src/core/checks/pullers/assess';
import { verdictWord } from '../../../src/core/checks/pullers/verdicts';
import { enableVnetImagePull, usePullerManagedIdentity } from '../../../src/core/azure/puller-fixes';
import { startFixture, type Fixture } from './simulator-fixture';

const NOW = new Date();
const causesOf = (a: Awaited<ReturnType<typeof assessPullers>>, name: string) => a.verdicts.find((v) => v.puller.name === name)?.problems.map((p) => p.causeId);

function world(): ArmState {
  const s = defaultState(NOW);
  const reg = s.registries[0];
  // Healthy: a site and a container app whose system identities hold AcrPull.
  grant(s, reg, addSite(s, { name: 'web-ok', pullWith: 'system' }, NOW).principalId!, 'AcrPull', NOW);
  grant(s, reg, addContainerApp(s, { name: 'app-ok', pullWith: 'system' }, NOW).principalId!, 'AcrPull', NOW);
  // A site whose identity lacks AcrPull; a container app with admin credentials (admin is off).
  addSite(s, { name: 'web-noacr', pullWith: 'system' }, NOW);
  addContainerApp(s, { name: 'app-admin', pullWith: 'admin' }, NOW);
  // A container group with a user-assigned identity that was deleted since (its resource is gone).
  const gone = addUserAssignedIdentity(s, 'gone-id', NOW);
  pullerWorld(s).userAssignedIdentities = pullerWorld(s).userAssignedIdentities.filter((u) => u.id !== gone.resourceId);
  readable(s, gone.resourceId.replace(/\/providers\/.*$/, ''), NOW);
  addContainerGroup(s, { name: 'ci-gone', pullWith: gone }, NOW);
  // A site that pulls with the stored admin user in its app settings.
  addSite(s, { name: 'web-settings', pullWith: 'settings' }, NOW);
  return s;
}

describe('pullers through ARM (simulator)', function () {
  this.timeout(60_000);
  let fx: Fixture;
  before(async () => { fx = await startFixture(world()); });
  after(async () => { await fx.stop(); });

  it('lists what references the login server, with one Resource Graph query', async () => {
    fx.sim.handler.resetCalls();
    const r = await listPullers(fx.azure, { id: fx.state.registries[0].arm.id, name: 'contoso', loginServer: 'contoso.azurecr.io' });
    assert.deepEqual(r.pullers.map((p) => p.name).sort(), ['app-admin', 'app-ok', 'ci-gone', 'web-noacr', 'web-ok', 'web-settings']);
    assert.equal(r.truncated, false);
    assert.equal(fx.sim.handler.armCalls(), 1);
  });

  it('judges each: AcrPull missing, admin user disabled, identity deleted, healthy ones ok', async () => {
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
    assert.deepEqual(causesOf(a, 'web-noacr'), ['pullers.identity-missing-acrpull']);
    assert.deepEqual(causesOf(a, 'app-admin'), ['pullers.admin-user-disabled']);
    assert.deepEqual(causesOf(a, 'ci-gone'), ['pullers.identity-unresolved']);
    assert.equal(verdictWord(a.verdicts.find((v) => v.puller.name === 'web-ok')!), 'ok');
    assert.equal(verdictWord(a.verdicts.find((v) => v.puller.name === 'app-ok')!), 'ok');
  });

  it('Reader may not list app settings: the stored credentials stay unknown, and no secret is read', async () => {
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { named: 'web-settings', now: NOW });
    const v = a.verdicts[0];
    assert.equal(v.puller.credential.kind, 'unknown');
    assert.match(v.unknowns.join(' '), /AuthorizationFailed/);
    assert.ok(!JSON.stringify(a).includes('not-a-real-password'));
  });

  it('with the right to list them, the admin user name in the app settings is the credential', async () => {
    const site = pullerWorld(fx.state).sites.find((x) => x.arm.name === 'web-settings')!;
    const sp = fx.state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId)!;
    fx.state.roleAssignments.push({ ...fx.state.roleAssignments.find((x) => x.properties.principalId === sp.objectId)!, name: 'c0c0c0c0-0000-4000-8000-000000000001', id: `${site.arm.id}/providers/Microsoft.Authorization/roleAssignments/c0c0c0c0-0000-4000-8000-000000000001`,
      properties: { ...fx.state.roleAssignments.find((x) => x.properties.principalId === sp.objectId)!.properties, scope: site.arm.id, roleDefinitionId: `/subscriptions/${DEFAULT_IDS.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c` } });
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { named: 'web-settings', now: NOW });
    assert.deepEqual(a.verdicts[0].puller.credential, { kind: 'admin', username: 'contoso' });
    assert.deepEqual(a.verdicts[0].problems.map((p) => p.causeId), ['pullers.admin-user-disabled']);
    assert.ok(!JSON.stringify(a).includes('not-a-real-password'), 'the password is never carried');
  });

  it('a named puller that does not exist gives no verdicts (the check reports it as an unresolved identity)', async () => {
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { named: 'no-such-app', now: NOW });
    assert.equal(a.verdicts.length, 0);
  });
});

describe('pullers through ARM: networks and scale (simulator)', function () {
  this.timeout(120_000);

  it('public access off with a private endpoint: the unlinked DNS zone and the VNet image pull are found', async () => {
    const s = defaultState(NOW);
    const reg = s.registries[0];
    reg.arm.properties.publicNetworkAccess = 'Disabled';
    reg.arm.properties.privateEndpointConnections.push({
      id: `${reg.arm.id}/privateEndpointConnections/pe1`, name: 'pe1', type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
      properties: { privateEndpoint: { id: `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/contoso-rg/providers/Microsoft.Network/privateEndpoints/pe1` }, privateLinkServiceConnectionState: { status: 'Approved', description: '', actionsRequired: 'None' }, provisioningState: 'Succeeded' },
    } as never);
    const aciNet = addVnet(s, 'aci-vnet', '10.3');
    const webNet = addVnet(s, 'web-vnet', '10.4');
    addRegistryDnsZone(s, [webNet.vnetId], NOW);
    const ua = addUserAssignedIdentity(s, 'ci-pull', NOW);
    grant(s, reg, ua.principalId, 'AcrPull', NOW);
    addContainerGroup(s, { name: 'ci-private', pullWith: ua, subnetId: aciNet.subnetId }, NOW);
    grant(s, reg, addSite(s, { name: 'web-public-pull', pullWith: 'system', subnetId: webNet.subnetId, vnetImagePullEnabled: false }, NOW).principalId!, 'AcrPull', NOW);
    grant(s, reg, addSite(s, { name: 'web-vnet-pull', pullWith: 'system', subnetId: webNet.subnetId, vnetImagePullEnabled: true }, NOW).principalId!, 'AcrPull', NOW);
    const fx = await startFixture(s);
    try {
      const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
      assert.deepEqual(causesOf(a, 'ci-private'), ['pullers.private-dns-not-linked']);
      assert.deepEqual(causesOf(a, 'web-public-pull'), ['pullers.vnet-image-pull-off']);
      assert.deepEqual(causesOf(a, 'web-vnet-pull'), []);
      const fix = a.verdicts.find((v) => v.puller.name === 'ci-private')!.problems[0].fixParams;
      assert.equal(fix.dnsZone, 'privatelink.azurecr.io');
      assert.equal(fix.vnet, 'aci-vnet');
    } finally { await fx.stop(); }
  });

  it('thousands of apps are paged by Resource Graph and bounded: the listing stops at the bound and says so', async () => {
    const s = defaultState(NOW);
    for (let i = 0; i < 2500; i++) addSite(s, { name: `bulk-${String(i).padStart(4, '0')}`, pullWith: 'system' }, NOW);
    const fx = await startFixture(s);
    try {
      fx.sim.handler.resetCalls();
      const r = await listPullers(fx.azure, { id: s.registries[0].arm.id, name: 'contoso', loginServer: 'contoso.azurecr.io' }, { maxRows: 1200, pageSize: 500 });
      assert.equal(r.pullers.length, 1200);
      assert.equal(r.truncated, true);
      assert.equal(r.totalRecords, 2500);
      assert.equal(fx.sim.handler.armCalls(), 3, 'pages of 500, 500 and 200');
      const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW, maxRows: 1200, judgedMax: 10 });
      assert.equal(a.verdicts.length, 10);
      // 1 190 apps beyond the bound and the default world's AKS cluster (listed after Resource Graph's rows).
      assert.equal(a.unjudged.length, 1191);
      assert.equal(a.unjudged.at(-1)?.kind, 'aks');
      assert.ok(a.verdicts.every((v) => v.problems[0]?.causeId === 'pullers.identity-missing-acrpull'));
    } finally { await fx.stop(); }
  });
});

describe('pullers: the fixes through ARM (simulator)', function () {
  this.timeout(60_000);

  it('image pull over the VNet: refused to a Reader, done for a Contributor of the app, then already done', async () => {
    const s = defaultState(NOW);
    const net = addVnet(s, 'web-vnet', '10.4');
    const site = addSite(s, { name: 'web-fix', pullWith: 'system', subnetId: net.subnetId }, NOW);
    const fx = await startFixture(s);
    try {
      await assert.rejects(enableVnetImagePull(fx.azure, site.arm.id), /AuthorizationFailed|does not have authorization/);
      contributor(s, site.arm.id);
      assert.equal((await enableVnetImagePull(fx.azure, site.arm.id)).changed, true);
      assert.equal(pullerWorld(s).sites[0].arm.properties.vnetImagePullEnabled, true);
      assert.equal((await enableVnetImagePull(fx.azure, site.arm.id)).changed, false);
      await assert.rejects(enableVnetImagePull(fx.azure, '/subscriptions/x/resourceGroups/y/providers/Microsoft.App/containerApps/z'), /not an App Service app/);
    } finally { await fx.stop(); }
  });

  it('switch to the managed identity: a Container App\'s registry entry and an App Service app\'s siteConfig', async () => {
    const s = defaultState(NOW);
    const app = addContainerApp(s, { name: 'app-fix', pullWith: 'admin' }, NOW);
    app.identity = { type: 'SystemAssigned', principalId: '0f0f0f0f-1111-4222-8333-444444444444' };
    pullerWorld(s).containerApps[0].identity = app.identity;
    const site = addSite(s, { name: 'web-fix', pullWith: 'settings' }, NOW);
    pullerWorld(s).sites[0].arm.identity = { type: 'SystemAssigned', principalId: '0f0f0f0f-1111-4222-8333-444444444445' };
    contributor(s, app.id); contributor(s, site.arm.id);
    const fx = await startFixture(s);
    try {
      assert.equal((await usePullerManagedIdentity(fx.azure, app.id, 'contoso.azurecr.io')).changed, true);
      assert.deepEqual(pullerWorld(s).containerApps[0].properties.configuration.registries, [{ server: 'contoso.azurecr.io', identity: 'system' }]);
      assert.equal((await usePullerManagedIdentity(fx.azure, app.id, 'contoso.azurecr.io')).changed, false);
      assert.equal((await usePullerManagedIdentity(fx.azure, site.arm.id, 'contoso.azurecr.io')).changed, true);
      assert.equal(pullerWorld(s).sites[0].arm.properties.siteConfig.acrUseManagedIdentityCreds, true);
    } finally { await fx.stop(); }
  });
});

function contributor(s: ArmState, scope: string): void {
  const sp = s.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
  s.roleAssignments.push(roleAssignment({ scope, role: 'Contributor', principalId: sp.objectId, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(NOW.getTime() - 86_400_000) }));
}
