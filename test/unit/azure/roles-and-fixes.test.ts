// Role assignments, AKS kubelet identities and the Azure-side fixes with the real SDK clients
// against the simulator: what the login checks read and what "run fix" changes.
import { strict as assert } from 'node:assert';
import { DEFAULT_IDS, effectiveRegistryActions, checkRepositoryToken, networkDecision, roleAssignment } from '../../../sandbox/arm/state';
import { entraGroup, principalAndGroups } from '../../../sandbox/arm/groups';
import { registryDetails } from '../../../src/core/azure/registry-reads';
import { analyseRoles, groupsOf } from '../../../src/core/checks/login/registry-facts';
import { listRoleAssignments, recentAssignments, roleAssignmentCommand } from '../../../src/core/azure/role-assignments';
import { listAksClusters, checkKubeletPull, kubeletIdentityExists } from '../../../src/core/azure/aks';
import {
  addClientIpRule, createRoleAssignment, enablePublicNetworkAccess, enableTrustedServicesBypass, regenerateTokenPassword,
  approvePrivateEndpointConnection, registerResourceProvider, enableRepositoryToken, enableArmAudienceTokens,
} from '../../../src/core/azure/registry-fixes';
import { fetchRegistryView } from '../../../src/core/azure/registry-view';
import { providerRegistrationState, readPrivateEndpointDns, readSubnet } from '../../../src/core/azure/network-resources';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { addPrincipal, startFixture, type Fixture } from './simulator-fixture';

describe('azure: role assignments, AKS and fixes (real SDK clients against the ARM simulator)', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  it('lists a principal\'s assignments on the registry and above, with role names and dates', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const sub = `/subscriptions/${DEFAULT_IDS.subscriptionId}`;
    // An owner at subscription level (inherited) to read everyone's assignments.
    const owner = addPrincipal(f.state, 'owner', [{ role: 'Owner', scope: sub }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, owner.appId, owner.secret);
    const mine = await listRoleAssignments(f.azure, reg.arm.id, { principalId: DEFAULT_IDS.spObjectId });
    assert.deepEqual(mine.map((a) => a.roleName).sort(), ['AcrPush', 'Reader']);
    assert.ok(mine.every((a) => a.createdOn instanceof Date && !a.inherited && a.principalId === DEFAULT_IDS.spObjectId));
    const all = await listRoleAssignments(az, reg.arm.id);
    const names = all.map((a) => `${a.roleName}${a.inherited ? ' (inherited)' : ''}`).sort();
    assert.deepEqual(names, ['AcrPull', 'AcrPush', 'Owner (inherited)', 'Reader']);
    assert.equal(recentAssignments(all, new Date()).length, 0);
    assert.match(roleAssignmentCommand(DEFAULT_IDS.spObjectId, 'AcrPull', reg.arm.id), /^az role assignment create --assignee-object-id 0c9b8a7d-.* --role "AcrPull" --scope "\/subscriptions\//);
  });

  it('a role assigned to a group applies to its members (nested too): assignedTo() lists it, and ARM and the data plane honour it', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const member = addPrincipal(f.state, 'group-member', []);
    const team = entraGroup(DEFAULT_IDS.tenantId, 'platform-team', [member.objectId]);
    const pullers = entraGroup(DEFAULT_IDS.tenantId, 'acr-pullers', [team.objectId]);
    f.state.groups!.push(team, pullers);
    assert.deepEqual([...principalAndGroups(f.state, member.objectId)].sort(), [member.objectId, team.objectId, pullers.objectId].map((x) => x.toLowerCase()).sort());
    assert.deepEqual(effectiveRegistryActions(f.state, member.objectId, reg).actions, []);
    f.state.roleAssignments.push(
      roleAssignment({ scope: reg.arm.id, role: 'AcrPull', principalId: pullers.objectId, principalType: 'Group', subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(Date.now() - 86_400_000) }),
      roleAssignment({ scope: reg.arm.id, role: 'Reader', principalId: team.objectId, principalType: 'Group', subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(Date.now() - 86_400_000) }),
    );
    // The data plane (token service) and ARM's own RBAC both count roles through groups.
    assert.deepEqual(effectiveRegistryActions(f.state, member.objectId, reg).actions, ['pull']);
    const az = f.accessAs(DEFAULT_IDS.tenantId, member.appId, member.secret);
    const withGroups = await listRoleAssignments(az, reg.arm.id, { principalId: member.objectId });
    assert.deepEqual(withGroups.map((a) => `${a.roleName} ${a.principalType} ${a.principalId}`).sort(),
      [`AcrPull Group ${pullers.objectId}`, `Reader Group ${team.objectId}`].sort());
    // What the registry check reads: the principal's groups holding a role here.
    const facts = await registryDetails(az, { id: reg.arm.id, name: reg.arm.name, resourceGroup: DEFAULT_IDS.resourceGroup, subscriptionId: DEFAULT_IDS.subscriptionId, loginServer: reg.arm.properties.loginServer }, new AbortController().signal, member.objectId);
    assert.deepEqual(facts.gaps, []);
    assert.deepEqual([...facts.principalGroups!.groupIds].sort(), [team.objectId, pullers.objectId].sort());
    const roles = analyseRoles(facts.roleAssignments!, member.objectId, false, new Date(), groupsOf(facts, member.objectId));
    assert.equal(roles.canPull, true);
    assert.equal(roles.canReadArm, true);
    assert.equal(analyseRoles(facts.roleAssignments!, member.objectId, false, new Date()).canPull, false, 'without the groups nothing is held');
  });

  it('creating a role assignment needs Owner; the new one is pending for 10 minutes on the data plane', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const sp = DEFAULT_IDS.spObjectId;
    // The default SP (AcrPush + Reader) may not assign roles: ARM's AuthorizationFailed.
    await assert.rejects(createRoleAssignment(f.azure, { scope: reg.arm.id, role: 'AcrPull', principalId: sp }),
      (e: unknown) => e instanceof AzureAccessError && e.kind === 'forbidden' && /roleAssignments\/write/.test(e.message));
    const owner = addPrincipal(f.state, 'owner', [{ role: 'Owner', scope: reg.arm.id }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, owner.appId, owner.secret);
    const puller = addPrincipal(f.state, 'new-app', []);
    const before = effectiveRegistryActions(f.state, puller.objectId, reg);
    assert.deepEqual(before.actions, []);
    const r = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPull', principalId: puller.objectId });
    assert.equal(r.changed, true);
    assert.match(String(r.assignmentId), /\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}$/);
    const listed = await listRoleAssignments(az, reg.arm.id, { principalId: puller.objectId });
    assert.deepEqual(listed.map((a) => a.roleName), ['AcrPull']);
    assert.equal(recentAssignments(listed, new Date()).length, 1);
    const after = effectiveRegistryActions(f.state, puller.objectId, reg);
    assert.deepEqual(after.actions, []);
    assert.deepEqual(after.pending, ['pull']);
    assert.deepEqual(effectiveRegistryActions(f.state, puller.objectId, reg, new Date(Date.now() + 11 * 60_000)).actions, ['pull']);
    // Running the same fix again changes nothing.
    const again = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPull', principalId: puller.objectId });
    assert.equal(again.changed, false);
  });

  it('finds AKS clusters and whether their kubelet identity may pull', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const { clusters, failures } = await listAksClusters(f.azure);
    assert.deepEqual(failures, []);
    assert.equal(clusters.length, 1);
    const aks = clusters[0];
    assert.equal(aks.name, 'contoso-aks');
    assert.equal(aks.kubeletIdentity?.objectId, DEFAULT_IDS.kubeletObjectId);
    assert.equal(aks.kubeletIdentity?.clientId, DEFAULT_IDS.kubeletClientId);
    const ok = await checkKubeletPull(f.azure, aks, reg.arm.id);
    assert.equal(ok.canPull, true);
    // Remove the kubelet's AcrPull: the check says so and offers az aks update --attach-acr.
    f.state.roleAssignments = f.state.roleAssignments.filter((a) => a.properties.principalId !== DEFAULT_IDS.kubeletObjectId);
    const bad = await checkKubeletPull(f.azure, aks, reg.arm.id);
    assert.equal(bad.canPull, false);
    assert.match(bad.fixCommand, /^az aks update --name contoso-aks --resource-group contoso-rg .*--attach-acr \/subscriptions\/.*\/registries\/contoso$/);
  });

  it('tells a deleted kubelet identity (its AcrPull assignment left behind) from one it may not read', async () => {
    f = await startFixture();
    const [aks] = (await listAksClusters(f.azure)).clusters;
    assert.equal(await kubeletIdentityExists(f.azure, aks), true);
    // Deleting the managed identity removes its service principal; the role assignment stays.
    f.state.servicePrincipals = f.state.servicePrincipals.filter((p) => p.objectId !== DEFAULT_IDS.kubeletObjectId);
    assert.ok(f.state.roleAssignments.some((a) => a.properties.principalId === DEFAULT_IDS.kubeletObjectId));
    assert.equal(await kubeletIdentityExists(f.azure, aks), false);
    // Without read access on the node resource group ARM answers 403: unknown, not "deleted".
    f.state.roleAssignments = f.state.roleAssignments.filter((a) => !(a.properties.principalId === DEFAULT_IDS.spObjectId && /\/resourceGroups\/MC_/i.test(a.properties.scope)));
    assert.equal(await kubeletIdentityExists(f.azure, aks), undefined);
    assert.equal(await kubeletIdentityExists(f.azure, { ...aks, kubeletIdentity: undefined }), undefined);
  });

  it('network fixes: client IP rule, public access, trusted services — applied once, visible in ARM and to the front', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const owner = addPrincipal(f.state, 'owner', [{ role: 'Contributor', scope: reg.arm.id }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, owner.appId, owner.secret);
    const p = reg.arm.properties;
    p.publicNetworkAccess = 'Disabled';
    p.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '198.51.100.0/24' }], virtualNetworkRules: [] };
    p.networkRuleBypassOptions = 'None';
    assert.deepEqual(networkDecision(reg, '192.0.2.50'), { allowed: false, reason: 'public-access-disabled' });
    // Reader cannot change the registry.
    await assert.rejects(enablePublicNetworkAccess(f.azure, reg.arm.id), (e: unknown) => e instanceof AzureAccessError && e.kind === 'forbidden');
    assert.equal((await enablePublicNetworkAccess(az, reg.arm.id)).changed, true);
    assert.equal((await enablePublicNetworkAccess(az, reg.arm.id)).changed, false);
    assert.deepEqual(networkDecision(reg, '192.0.2.50'), { allowed: false, reason: 'ip-not-allowed' });
    const ip = await addClientIpRule(az, reg.arm.id, '192.0.2.50');
    assert.equal(ip.changed, true);
    assert.deepEqual(p.networkRuleSet.ipRules.map((r) => r.value), ['198.51.100.0/24', '192.0.2.50']);
    assert.equal(p.networkRuleSet.defaultAction, 'Deny');
    assert.deepEqual(networkDecision(reg, '192.0.2.50'), { allowed: true, via: 'ip-rule' });
    assert.equal((await addClientIpRule(az, reg.arm.id, '192.0.2.50')).changed, false);
    await assert.rejects(addClientIpRule(az, reg.arm.id, 'not-an-ip'), (e: unknown) => e instanceof AzureAccessError && e.kind === 'bad-request');
    assert.equal((await enableTrustedServicesBypass(az, reg.arm.id)).changed, true);
    assert.equal(p.networkRuleBypassOptions, 'AzureServices');
    p.policies.azureADAuthenticationAsArmPolicy = { status: 'disabled' };
    assert.equal((await enableArmAudienceTokens(az, reg.arm.id)).changed, true);
    assert.equal(p.policies.azureADAuthenticationAsArmPolicy.status, 'enabled');
    const v = (await fetchRegistryView(az, reg.arm.id))!;
    assert.equal(v.publicNetworkAccess, 'Enabled');
    assert.deepEqual(v.ipRules, ['198.51.100.0/24', '192.0.2.50']);
  });

  it('an IP rule on a Basic registry is refused before any change', async () => {
    f = await startFixture();
    const other = f.accessAs(DEFAULT_IDS.secondTenantId, DEFAULT_IDS.spAppId, f.secret);
    const fab = f.state.registries.find((r) => r.arm.name === 'fabrikam')!;
    await assert.rejects(addClientIpRule(other, fab.arm.id, '192.0.2.1'), (e: unknown) => e instanceof AzureAccessError && /Premium/.test(e.message));
  });

  it('token fixes: a new password that the registry accepts, and enabling a disabled token', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const owner = addPrincipal(f.state, 'owner', [{ role: 'Contributor', scope: reg.arm.id }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, owner.appId, owner.secret);
    const tok = reg.tokens[0];
    tok.arm.properties.credentials.passwords[0].expiry = new Date(Date.now() - 1000).toISOString();
    const oldPw = tok.passwordValues.password1!;
    assert.equal(checkRepositoryToken(reg, 'ci-token', oldPw).ok, false);
    const expiry = new Date(Date.now() + 7 * 86_400_000);
    const r = await regenerateTokenPassword(az, reg.arm.id, 'ci-token', { expiry });
    assert.equal(r.username, 'ci-token');
    assert.notEqual(r.password, oldPw);
    assert.equal(r.expiry?.toISOString(), expiry.toISOString());
    assert.ok(!r.summary.includes(r.password), 'the summary never carries the password');
    assert.equal(checkRepositoryToken(reg, 'ci-token', r.password).ok, true);
    tok.arm.properties.status = 'disabled';
    assert.equal((await enableRepositoryToken(az, reg.arm.id, 'ci-token')).changed, true);
    assert.equal(tok.arm.properties.status, 'enabled');
  });

  it('VNet fixes and facts: approve a private endpoint connection, register the provider, read a subnet', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const sub = `/subscriptions/${DEFAULT_IDS.subscriptionId}`;
    const owner = addPrincipal(f.state, 'owner', [{ role: 'Owner', scope: sub }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, owner.appId, owner.secret);
    reg.arm.properties.privateEndpointConnections.push({
      id: `${reg.arm.id}/privateEndpointConnections/pe1`, name: 'pe1', type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
      properties: { privateEndpoint: { id: `${sub}/resourceGroups/contoso-rg/providers/Microsoft.Network/privateEndpoints/pe1` }, privateLinkServiceConnectionState: { status: 'Pending' }, provisioningState: 'Succeeded' },
    });
    assert.equal((await approvePrivateEndpointConnection(az, reg.arm.id, 'pe1')).changed, true);
    assert.equal(reg.arm.properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState.status, 'Approved');
    const prov = f.state.providers[DEFAULT_IDS.subscriptionId.toLowerCase()].find((p) => p.namespace === 'Microsoft.ContainerRegistry')!;
    prov.registrationState = 'NotRegistered';
    assert.equal(await providerRegistrationState(az, DEFAULT_IDS.subscriptionId), 'NotRegistered');
    assert.equal((await registerResourceProvider(az, DEFAULT_IDS.subscriptionId)).changed, true);
    assert.equal(await providerRegistrationState(az, DEFAULT_IDS.subscriptionId), 'Registered');
    const subnet = await readSubnet(az, f.state.virtualNetworks[0].properties.subnets[0].id);
    assert.deepEqual(subnet.serviceEndpoints, ['Microsoft.ContainerRegistry']);
    const peId = `${sub}/resourceGroups/contoso-rg/providers/Microsoft.Network/privateEndpoints/pe1`;
    f.state.privateEndpoints.push({
      id: peId, name: 'pe1', type: 'Microsoft.Network/privateEndpoints', location: 'westeurope',
      properties: {
        provisioningState: 'Succeeded', subnet: { id: subnet.id }, privateLinkServiceConnections: [],
        customDnsConfigs: [{ fqdn: 'contoso.azurecr.io', ipAddresses: ['10.1.0.5'] }, { fqdn: 'contoso.westeurope.data.azurecr.io', ipAddresses: ['10.1.0.6'] }],
      },
    });
    const dns = await readPrivateEndpointDns(az, peId);
    assert.deepEqual(dns.records, [{ fqdn: 'contoso.azurecr.io', ipAddresses: ['10.1.0.5'] }, { fqdn: 'contoso.westeurope.data.azurecr.io', ipAddresses: ['10.1.0.6'] }]);
  });
});
