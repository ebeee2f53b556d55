// core/azure against the world's ARM + Entra simulator at its real names (management.sandbox.test,
// login.sandbox.test on 192.0.2.x, sandbox CA): the environment a user's shell gets
// (world.clientEnv()) is all core needs to sign in, list, read and fix.
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import { addScaleRegistries } from '../../../sandbox/arm/state';
import { armAccessFromEnvironment, signedInIdentity } from '../../../src/core/azure/credential';
import { listRegistries } from '../../../src/core/azure/list-registries';
import { listSubscriptions } from '../../../src/core/azure/list-subscriptions';
import { fetchRegistryView } from '../../../src/core/azure/registry-view';
import { listRoleAssignments } from '../../../src/core/azure/role-assignments';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { getWorld } from '../sandbox/shared-world';
import { curl } from '../sandbox/run';
import { roleAssignment, servicePrincipal } from '../../../sandbox/arm/state';
import { addClientIpRule, enablePublicNetworkAccess } from '../../../src/core/azure/registry-fixes';
import { credentialFromEnvironment } from '../../../src/core/azure/credential';

describe('core/azure against the sandbox world\'s ARM (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  before(async () => { w = await getWorld(); await w.apply('healthy'); });
  after(async () => { await w?.apply('healthy'); });

  const access = () => armAccessFromEnvironment(w.clientEnv(), { extraCaPem: [w.caPem] });

  it('signs in with the world\'s service principal and reads contoso through the real names', async () => {
    const az = access();
    assert.equal(az.source, 'service-principal');
    assert.equal(az.armEndpoint, w.azure.armEndpoint);
    const who = await signedInIdentity(az);
    assert.equal(who.principalId, w.azure.principalId);
    const subs = await listSubscriptions(az);
    assert.ok(subs.some((s) => s.subscriptionId === w.azure.subscriptionId));
    const view = await fetchRegistryView(az, w.loginServer);
    assert.ok(view);
    assert.equal(view.loginServer, w.loginServer);
    // Every data endpoint ARM names is a host the world serves.
    for (const d of view.dataEndpoints) assert.ok(w.hosts[d.host], `${d.host} is served`);
    const roles = await listRoleAssignments(az, view.id, { principalId: w.azure.principalId });
    assert.ok(roles.some((r) => r.roleName === 'AcrPush'));
  });

  it('a scenario\'s ARM change shows in core\'s view (public access disabled)', async () => {
    await w.apply('healthy');
    const reg = w.state.registries.find((r) => r.arm.name === 'contoso')!;
    reg.arm.properties.publicNetworkAccess = 'Disabled';
    const view = await fetchRegistryView(access(), 'contoso');
    assert.equal(view?.publicNetworkAccess, 'Disabled');
    await w.apply('healthy');
  });

  it('10 000 registries in 100 subscriptions: listed in at most 3 ARM calls', async () => {
    await w.apply('healthy');
    addScaleRegistries(w.state, { subscriptions: 100, perSubscription: 100 });
    const az = access();
    await signedInIdentity(az);
    w.arm.resetCalls();
    const r = await listRegistries(az);
    assert.equal(r.source, 'resource-graph');
    assert.ok(r.registries.length >= 10_000, String(r.registries.length));
    assert.ok(w.arm.armCalls() <= 3, `ARM calls: ${w.arm.armCalls()}`);
    await w.apply('healthy');
  });

  /** A Contributor on contoso (fixes need write rights the world's own SP does not have). */
  function contributorAccess() {
    const reg = w.state.registries.find((r) => r.arm.name === 'contoso')!;
    const sp = servicePrincipal(w.azure.tenantId, 'fixer');
    w.state.servicePrincipals.push(sp);
    w.state.roleAssignments.push(roleAssignment({ scope: reg.arm.id, role: 'Contributor', principalId: sp.objectId, subscriptionId: w.azure.subscriptionId, createdOn: new Date(0) }));
    const { credential } = credentialFromEnvironment({ AZURE_TENANT_ID: w.azure.tenantId, AZURE_CLIENT_ID: sp.appId, AZURE_CLIENT_SECRET: sp.secrets[0].value, AZURE_AUTHORITY_HOST: w.azure.authorityHost }, { extraCaPem: [w.caPem] });
    return { azure: { credential, armEndpoint: w.azure.armEndpoint, allowCustomEndpointAudience: true, extraCaPem: [w.caPem] }, registryId: reg.arm.id };
  }

  const challenge = async () => {
    const r = await curl(w.clientEnv(), ['-s', '-o', '/dev/null', '-w', '%{http_code}', `https://${w.loginServer}/v2/`]);
    return r.stdout.trim();
  };

  it('fix: adding the client IP rule through ARM opens the registry front to the client', async () => {
    await w.apply('ip-rule-excludes-client');
    assert.equal(await challenge(), '403');
    const { azure, registryId } = contributorAccess();
    const r = await addClientIpRule(azure, registryId, w.clientIp);
    assert.equal(r.changed, true);
    assert.equal(await challenge(), '401', 'the front now answers the Bearer challenge');
    await w.apply('healthy');
  });

  it('fix: enabling public network access through ARM opens the registry front', async () => {
    await w.apply('public-access-disabled');
    assert.equal(await challenge(), '403');
    const { azure, registryId } = contributorAccess();
    assert.equal((await enablePublicNetworkAccess(azure, registryId)).changed, true);
    assert.equal(await challenge(), '401');
    await w.apply('healthy');
  });

  it('an expired client secret of the world is refused with AADSTS7000222', async () => {
    await w.apply('healthy');
    const sp = w.state.servicePrincipals.find((p) => p.appId === w.azure.clientId && p.tenantId === w.azure.tenantId)!;
    sp.secrets[0].endDateTime = new Date(Date.now() - 60_000).toISOString();
    await assert.rejects(listSubscriptions(access()), (e: unknown) => e instanceof AzureAccessError && e.kind === 'unauthenticated' && e.code === 'AADSTS7000222');
    await w.apply('healthy');
  });
});
