// The simulator's pure parts: the KQL subset Resource Graph answers with, and the state helpers
// the sandbox's ACR front decides with (RBAC → actions, ABAC, propagation, firewall, secrets).
import { strict as assert } from 'node:assert';
import { KqlError, runKql } from '../../../sandbox/arm/kql';
import {
  DEFAULT_IDS, checkAdminLogin, checkClientSecret, checkRepositoryToken, defaultState, effectiveRegistryActions,
  findRegistryByDataEndpoint, findRegistryByLoginServer, ipRuleMatches, networkDecision, roleAssignment, scopeMapActions, stateSecrets,
} from '../../../sandbox/arm/state';
import { REGISTRY_GRAPH_QUERY, registriesFromGraphRows } from '../../../src/core/azure/list-registries';
import { toAzureError } from '../../../src/core/azure/errors';
import { cloudByName, cloudForArmEndpoint, cloudForLoginServer } from '../../../src/core/azure/clouds';

describe('azure simulator: KQL subset', () => {
  const rows = [
    { id: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/alpha', name: 'alpha', tenantId: 't1', type: 'microsoft.containerregistry/registries', subscriptionId: 's1', location: 'westeurope', sku: { name: 'Premium' }, properties: { loginServer: 'alpha.azurecr.io', networkRuleSet: { defaultAction: 'Deny' } } },
    { id: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/alpha/replications/northeurope', name: 'northeurope', tenantId: 't1', type: 'microsoft.containerregistry/registries/replications', subscriptionId: 's1', location: 'northeurope', properties: {} },
    { id: '/subscriptions/s2/resourceGroups/rg2/providers/Microsoft.ContainerRegistry/registries/Beta', name: 'Beta', tenantId: 't1', type: 'microsoft.containerregistry/registries', subscriptionId: 's2', location: 'eastus', sku: { name: 'Basic' }, properties: { loginServer: 'beta.azurecr.io' } },
    { id: '/s/2/v/c', name: 'vnet', type: 'microsoft.network/virtualnetworks', subscriptionId: 's2', location: 'eastus', properties: {} },
  ];

  it('where / project / order / take', () => {
    const out = runKql("resources | where type =~ 'Microsoft.ContainerRegistry/registries' | project name, ls = tostring(properties.loginServer), da = tostring(properties.networkRuleSet.defaultAction) | order by name asc | take 5", { resources: rows });
    assert.deepEqual(out, [{ name: 'Beta', ls: 'beta.azurecr.io', da: '' }, { name: 'alpha', ls: 'alpha.azurecr.io', da: 'Deny' }]);
    assert.equal(runKql("Resources | where name in~ ('ALPHA', 'vnet') | take 1", { resources: rows }).length, 1);
    assert.equal(runKql("resources | where name !~ 'alpha' and not(type contains 'network')", { resources: rows }).length, 2);
    // extend keeps every column and adds one (a later stage reads both, the answer carries both).
    const ext = runKql("resources | where name =~ 'alpha' | extend k = iff(type =~ 'microsoft.containerregistry/registries', 'r', 'x') | extend kk = strcat(k, name)", { resources: rows });
    assert.equal(ext.length, 1);
    assert.deepEqual([ext[0].name, ext[0].k, ext[0].kk, Object.keys(ext[0]).length], ['alpha', 'r', 'ralpha', Object.keys(rows.find((r) => r.name === 'alpha')!).length + 2]);
  });

  it('summarize make_list by — the query core sends, read back by core', () => {
    const out = runKql(REGISTRY_GRAPH_QUERY, { resources: rows });
    assert.deepEqual(out.map((r) => r.subscriptionId), ['s1', 's2']);
    const regs = registriesFromGraphRows(out);
    assert.deepEqual(regs.map((r) => [r.name, r.loginServer, r.sku, r.networkDefaultAction, r.replicaRegions, r.resourceGroup, r.tenantId]), [
      ['alpha', 'alpha.azurecr.io', 'Premium', 'Deny', ['northeurope'], 'rg1', 't1'],
      ['beta', 'beta.azurecr.io', 'Basic', '', undefined, 'rg2', 't1'].map((v) => (v === '' ? undefined : v)),
    ]);
    assert.deepEqual(runKql('resources | summarize count() by subscriptionId | order by subscriptionId asc', { resources: rows }), [{ subscriptionId: 's1', count_: 2 }, { subscriptionId: 's2', count_: 2 }]);
  });

  it('refuses what it does not understand with a KqlError (never a crash)', () => {
    for (const q of ['', 'nosuchtable', "resources | where (", "resources | where name == 'x", 'resources | join (resources) on id', 'resources | take x', "resources | project f(name)", 'resources | summarize make_list() by']) {
      assert.throws(() => runKql(q, { resources: rows }), KqlError, q);
    }
  });

  it('core reads hostile Resource Graph data without throwing anything but a typed error', () => {
    assert.deepEqual(registriesFromGraphRows([{ rows: [null, 1, 'x', [], ['r', 42], ['r', '/id', 'n', null, null, null, null, null, null, null, null, null]] }, null, 7]), []);
    assert.throws(() => registriesFromGraphRows({ not: 'an array' }), (e: unknown) => toAzureError(e, 'x').kind === 'invalid-response');
  });
});

describe('azure simulator: state helpers used by the ACR front', () => {
  it('finds registries by login server and data endpoint host', () => {
    const s = defaultState();
    assert.equal(findRegistryByLoginServer(s, 'CONTOSO.azurecr.io:443')?.arm.name, 'contoso');
    assert.equal(findRegistryByLoginServer(s, 'contoso.azurecr.cn'), undefined);
    assert.deepEqual(findRegistryByDataEndpoint(s, 'contoso.northeurope.data.azurecr.io') && { r: findRegistryByDataEndpoint(s, 'contoso.northeurope.data.azurecr.io')!.registry.arm.name, region: findRegistryByDataEndpoint(s, 'contoso.northeurope.data.azurecr.io')!.region }, { r: 'contoso', region: 'northeurope' });
  });

  it('RBAC to registry actions: AcrPush+Reader, AcrPull, Owner at subscription, ABAC, repository roles with conditions, propagation', () => {
    const s = defaultState();
    const reg = s.registries[0];
    const now = new Date();
    assert.deepEqual(effectiveRegistryActions(s, DEFAULT_IDS.spObjectId, reg, now).actions.sort(), ['pull', 'push']);
    assert.deepEqual(effectiveRegistryActions(s, DEFAULT_IDS.kubeletObjectId, reg, now).actions, ['pull']);
    const owner = 'aaaaaaaa-0000-4000-8000-000000000001';
    s.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${DEFAULT_IDS.subscriptionId}`, role: 'Owner', principalId: owner, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(0) }));
    assert.deepEqual(effectiveRegistryActions(s, owner, reg, now).actions.sort(), ['delete', 'pull', 'push']);
    // ABAC: AcrPush/AcrPull ignored; the repository role counts only for its repositories.
    reg.arm.properties.roleAssignmentMode = 'AbacRepositoryPermissions';
    const abac = effectiveRegistryActions(s, DEFAULT_IDS.kubeletObjectId, reg, now);
    assert.deepEqual(abac.actions, []);
    assert.deepEqual(abac.ignoredByAbac, ['AcrPull']);
    const writer = 'aaaaaaaa-0000-4000-8000-000000000002';
    s.roleAssignments.push(roleAssignment({ scope: reg.arm.id, role: 'RepositoryWriter', principalId: writer, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(0),
      condition: "((!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/content/read'})) OR (@Request[Microsoft.ContainerRegistry/registries/repositories:name] StringStartsWithIgnoreCase 'team-a/'))" }));
    assert.deepEqual(effectiveRegistryActions(s, writer, reg, now, 'team-a/web').actions.sort(), ['pull', 'push']);
    assert.deepEqual(effectiveRegistryActions(s, writer, reg, now, 'other').actions, []);
    // Propagation: 2 minutes old → pending; 11 minutes later → effective.
    const fresh = 'aaaaaaaa-0000-4000-8000-000000000003';
    reg.arm.properties.roleAssignmentMode = 'LegacyRegistryPermissions';
    s.roleAssignments.push(roleAssignment({ scope: reg.arm.id, role: 'AcrPull', principalId: fresh, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(now.getTime() - 120_000) }));
    const pend = effectiveRegistryActions(s, fresh, reg, now);
    assert.deepEqual([pend.actions, pend.pending], [[], ['pull']]);
    assert.deepEqual(effectiveRegistryActions(s, fresh, reg, new Date(now.getTime() + 9 * 60_000)).actions, ['pull']);
  });

  it('firewall decisions: public access, default action, CIDR rules, private endpoint, trusted services', () => {
    const s = defaultState();
    const reg = s.registries[0];
    assert.equal(ipRuleMatches('192.0.2.0/24', '192.0.2.9'), true);
    assert.equal(ipRuleMatches('192.0.2.0/24', '192.0.3.9'), false);
    assert.equal(ipRuleMatches('192.0.2.9', '::ffff:192.0.2.9'), true);
    assert.equal(ipRuleMatches('garbage', '192.0.2.9'), false);
    reg.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] };
    assert.deepEqual(networkDecision(reg, '192.0.2.9'), { allowed: false, reason: 'ip-not-allowed' });
    assert.deepEqual(networkDecision(reg, '192.0.2.9', { trustedService: true }), { allowed: true, via: 'trusted-service' });
    reg.arm.properties.networkRuleBypassOptions = 'None';
    assert.deepEqual(networkDecision(reg, '192.0.2.9', { trustedService: true }), { allowed: false, reason: 'ip-not-allowed' });
    reg.arm.properties.publicNetworkAccess = 'Disabled';
    assert.deepEqual(networkDecision(reg, '192.0.2.9'), { allowed: false, reason: 'public-access-disabled' });
    reg.arm.properties.privateEndpointConnections.push({ id: 'x', name: 'pe', type: 't', properties: { privateLinkServiceConnectionState: { status: 'Approved' }, provisioningState: 'Succeeded' } });
    assert.deepEqual(networkDecision(reg, '10.1.0.5', { privateEndpoint: true }), { allowed: true, via: 'private-endpoint' });
  });

  it('credential checks: client secret (expired, wrong), admin user, repository tokens and their scope maps', () => {
    const s = defaultState();
    const reg = s.registries[0];
    const sp = s.servicePrincipals[0];
    assert.equal(checkClientSecret(s, DEFAULT_IDS.tenantId, sp.appId, sp.secrets[0].value).ok, true);
    sp.secrets[0].endDateTime = new Date(Date.now() - 1000).toISOString();
    const exp = checkClientSecret(s, DEFAULT_IDS.tenantId, sp.appId, sp.secrets[0].value);
    assert.equal(exp.ok === false && exp.code, 'AADSTS7000222');
    assert.deepEqual(checkAdminLogin(reg, 'contoso', reg.adminPasswords.password), { ok: false, reason: 'admin-disabled' });
    reg.arm.properties.adminUserEnabled = true;
    assert.deepEqual(checkAdminLogin(reg, 'contoso', reg.adminPasswords.password2), { ok: true });
    assert.deepEqual(checkAdminLogin(reg, 'contoso', 'nope'), { ok: false, reason: 'wrong-password' });
    const tok = reg.tokens[0];
    const ok = checkRepositoryToken(reg, 'ci-token', tok.passwordValues.password1!);
    assert.ok(ok.ok);
    assert.deepEqual(scopeMapActions(ok.scopeMap, 'hello'), ['pull']);
    assert.deepEqual(scopeMapActions(ok.scopeMap, 'other'), []);
    assert.deepEqual(scopeMapActions(reg.scopeMaps.find((m) => m.name === '_repositories_push')!, 'any/repo').sort(), ['pull', 'push']);
    tok.arm.properties.status = 'disabled';
    assert.deepEqual(checkRepositoryToken(reg, 'ci-token', tok.passwordValues.password1!), { ok: false, reason: 'token-disabled' });
    assert.ok(stateSecrets(s).includes(tok.passwordValues.password1!));
    assert.ok(stateSecrets(s).includes(reg.adminPasswords.password));
  });

  it('clouds: names, ARM endpoints and login-server suffixes', () => {
    assert.equal(cloudByName('AzureChinaCloud')?.acrSuffix, 'azurecr.cn');
    assert.equal(cloudByName('usgovernment')?.armEndpoint, 'https://management.usgovcloudapi.net');
    assert.equal(cloudByName('Mars'), undefined);
    assert.equal(cloudForArmEndpoint('https://management.sandbox.test').armScope, 'https://management.sandbox.test/.default');
    assert.equal(cloudForArmEndpoint('https://management.sandbox.test', { allowCustomEndpointAudience: true }).armScope, 'https://management.azure.com/.default');
    assert.equal(cloudForArmEndpoint('https://management.sandbox.test/').armEndpoint, 'https://management.sandbox.test');
    assert.equal(cloudForLoginServer('contoso.azurecr.us')?.name, 'AzureUSGovernment');
    assert.equal(cloudForLoginServer('contoso.example.com'), undefined);
  });
});
