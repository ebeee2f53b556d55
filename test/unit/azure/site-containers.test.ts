// App Service sidecars: each site container on this registry is judged like the main container,
// by its own authType, pure and through the simulator's sites/sitecontainers (api-version, RBAC,
// passwordSecret never returned); a site in sidecar mode is found though Resource Graph does not
// index its containers; a sidecar's switch to the managed identity changes its authType only.
import * as assert from 'node:assert/strict';
import { defaultState, DEFAULT_IDS, roleAssignment, type ArmState } from '../../../sandbox/arm/state';
import { addSite, addUserAssignedIdentity, grant } from '../../../sandbox/scenarios/puller-world';
import { pullerWorld } from '../../../sandbox/arm/pullers';
import { armRequest } from '../../../src/core/azure/connection';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { credentialOfSiteContainer, siteContainerRows } from '../../../src/core/azure/site-containers';
import { pullerLabel, type Puller } from '../../../src/core/azure/pullers';
import { usePullerManagedIdentity } from '../../../src/core/azure/puller-fixes';
import { assessPullers } from '../../../src/core/checks/pullers/assess';
import { verdictWord } from '../../../src/core/checks/pullers/verdicts';
import { addPrincipal, startFixture, type Fixture } from './simulator-fixture';

const NOW = new Date();
const REG = { loginServer: 'contoso.azurecr.io', name: 'contoso' };

describe('pullers: App Service site containers (sidecars)', function () {
  this.timeout(60_000);

  it('reads each authType; a missing user name or client id is unknown, never a guess', () => {
    assert.deepEqual(credentialOfSiteContainer({ authType: 'Anonymous' }, 'contoso'), { kind: 'anonymous' });
    assert.deepEqual(credentialOfSiteContainer({ authType: 'SystemIdentity' }, 'contoso'), { kind: 'system-mi' });
    assert.deepEqual(credentialOfSiteContainer({ authType: 'UserAssigned', userManagedIdentityClientId: 'AAAAAAAA-1111-4222-8333-444444444444' }, 'contoso'), { kind: 'user-mi', clientId: 'aaaaaaaa-1111-4222-8333-444444444444' });
    assert.deepEqual(credentialOfSiteContainer({ authType: 'UserCredentials', userName: 'contoso', passwordSecret: 'x' }, 'contoso'), { kind: 'admin', username: 'contoso' });
    assert.equal(credentialOfSiteContainer({ authType: 'UserAssigned' }, 'contoso').kind, 'unknown');
    assert.equal(credentialOfSiteContainer({ authType: 'UserCredentials' }, 'contoso').kind, 'unknown');
    assert.equal(credentialOfSiteContainer({}, 'contoso').kind, 'unknown');
    assert.equal(credentialOfSiteContainer({ authType: 42 }, 'contoso').kind, 'unknown');
  });

  it('a sidecar-mode site becomes its main container and its sidecars on this registry; others and half-filled rows are left out', () => {
    const site: Puller = {
      id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/web1', name: 'web1', kind: 'appservice', type: 'Microsoft.Web/sites', subscriptionId: 's', resourceGroup: 'g',
      images: [], credential: { kind: 'unknown', why: 'x' }, identities: { userAssigned: [] }, network: { subnetIds: [] }, gaps: [], siteMode: 'sitecontainers',
    };
    const rows = siteContainerRows(site, [
      { name: 'main', properties: { image: 'contoso.azurecr.io/web:1', isMain: true, authType: 'SystemIdentity' } },
      { name: 'otel', properties: { image: 'contoso.azurecr.io/otel:1', isMain: false, authType: 'Anonymous' } },
      { name: 'redis', properties: { image: 'docker.io/library/redis:7', isMain: false, authType: 'Anonymous' } },
      { name: 'broken' }, null, 'garbage', { properties: { image: 'contoso.azurecr.io/x:1' } },
    ], REG);
    assert.deepEqual(rows.map((r) => [r.name, r.id.split('/').slice(-2).join('/'), r.credential.kind]), [['web1', 'sites/web1', 'system-mi'], ['web1/otel', 'sitecontainers/otel', 'anonymous']]);
    assert.equal(pullerLabel(rows[1]), 'sidecar otel of App Service app web1');
    // Its main image on another registry: only the sidecar pulls from here.
    assert.deepEqual(siteContainerRows({ ...site, siteMode: 'linux' }, [{ name: 'otel', properties: { image: 'contoso.azurecr.io/otel:1', isMain: false, authType: 'Anonymous' } }], REG).map((r) => r.name), ['web1/otel']);
    assert.deepEqual(siteContainerRows(site, [], REG), []);
  });

  describe('through ARM (simulator)', () => {
    let fx: Fixture;
    let state: ArmState;
    before(async () => {
      state = defaultState(NOW);
      const reg = state.registries[0];
      const ua = addUserAssignedIdentity(state, 'web-sidecar', NOW);
      const site = addSite(state, {
        name: 'web-sc', pullWith: 'system', sidecarMode: true, userAssigned: [ua],
        containers: [{ name: 'main', isMain: true, authType: 'SystemIdentity' }, { name: 'otel', image: 'contoso.azurecr.io/otel:1', authType: 'UserAssigned', clientId: ua.clientId }, { name: 'auth', image: 'contoso.azurecr.io/auth:1', authType: 'UserCredentials', userName: 'contoso' }],
      }, NOW);
      grant(state, reg, site.principalId!, 'AcrPull', NOW);
      // A sidecar-mode site whose containers are all elsewhere does not pull from here.
      addSite(state, { name: 'web-other', pullWith: 'system', sidecarMode: true, containers: [{ name: 'main', isMain: true, image: 'ghcr.io/x/y:1', authType: 'Anonymous' }] }, NOW);
      fx = await startFixture(state);
    });
    after(async () => { await fx.stop(); });

    it('serves sitecontainers from 2023-12-01 only, and never returns passwordSecret', async () => {
      const id = pullerWorld(state).sites[0].arm.id;
      await assert.rejects(armRequest(fx.azure, 'GET', `${id}/sitecontainers`, { apiVersion: '2022-09-01', operation: 'list' }),
        (e: unknown) => e instanceof AzureAccessError && e.code === 'NoRegisteredProviderFound' && /sites\/sitecontainers/.test(e.message));
      const list = await armRequest<{ value: { name: string; properties: Record<string, unknown> }[] }>(fx.azure, 'GET', `${id}/sitecontainers`, { apiVersion: '2024-04-01', operation: 'list' });
      assert.deepEqual(list.value.map((c) => c.name), ['main', 'otel', 'auth']);
      assert.ok(list.value.every((c) => !('passwordSecret' in c.properties)));
      assert.ok(!JSON.stringify(list).includes('not-a-real-password'));
    });

    it('judges each container by its own credential: main ok, the user-assigned sidecar lacks AcrPull, the stored admin user is disabled', async () => {
      const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
      const by = (n: string) => a.verdicts.find((v) => v.puller.name === n);
      assert.equal(by('web-other'), undefined);
      assert.equal(verdictWord(by('web-sc')!), 'ok');
      assert.deepEqual(by('web-sc/otel')!.problems.map((p) => p.causeId), ['pullers.identity-missing-acrpull']);
      assert.deepEqual(by('web-sc/auth')!.problems.map((p) => p.causeId), ['pullers.admin-user-disabled']);
      // Its fixes act on the site (service) and name the container.
      assert.equal(by('web-sc/otel')!.problems[0].fixParams.service, 'web-sc');
      assert.equal(by('web-sc/otel')!.problems[0].fixParams.siteContainer, 'otel');
    });

    it('a sidecar is named as site/container or by its resource id', async () => {
      const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW, named: 'web-sc/otel' });
      assert.deepEqual(a.verdicts.map((v) => v.puller.name), ['web-sc/otel']);
      const b = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW, named: `${pullerWorld(state).sites[0].arm.id}/sitecontainers/auth` });
      assert.deepEqual(b.verdicts.map((v) => v.puller.name), ['web-sc/auth']);
    });

    it('a site whose containers may not be read stays listed as its fx image, with why', async () => {
      const s = defaultState(NOW);
      const site = addSite(s, { name: 'web-deny', pullWith: 'system', image: 'contoso.azurecr.io/hello:v1', containers: [{ name: 'otel', image: 'contoso.azurecr.io/otel:1', authType: 'Anonymous' }] }, NOW);
      // A custom role that reads sites and their config but not their site containers.
      s.roleDefinitions.push({ id: `/subscriptions/${DEFAULT_IDS.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/5e5e5e5e-0000-4000-8000-000000000001`, name: '5e5e5e5e-0000-4000-8000-000000000001', type: 'Microsoft.Authorization/roleDefinitions',
        properties: { roleName: 'Site reader without containers', type: 'CustomRole', description: 'test', assignableScopes: ['/'], permissions: [{ actions: ['Microsoft.Web/sites/read', 'Microsoft.Web/sites/config/read'], notActions: [], dataActions: [], notDataActions: [] }] } });
      const who = addPrincipal(s, 'site-peeker', [{ role: 'Reader', scope: s.registries[0].arm.id }, { role: '5e5e5e5e-0000-4000-8000-000000000001', scope: site.arm.id }]);
      const f2 = await startFixture(s);
      try {
        const a = await assessPullers(f2.accessAs(DEFAULT_IDS.tenantId, who.appId, who.secret), 'contoso.azurecr.io', { now: NOW });
        const v = a.verdicts.find((x) => x.puller.name === 'web-deny');
        assert.ok(v, a.verdicts.map((x) => x.puller.name).join(','));
        assert.ok(v.puller.gaps.some((g) => /site containers not read \(AuthorizationFailed/.test(g)), v.puller.gaps.join(' | '));
        assert.ok(!a.verdicts.some((x) => x.puller.name === 'web-deny/otel'));
      } finally { await f2.stop(); }
    });

    it('switching a sidecar to the managed identity changes its authType and drops the stored user, nothing else', async () => {
      const siteId = pullerWorld(state).sites[0].arm.id;
      const sp = state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId)!;
      await assert.rejects(usePullerManagedIdentity(fx.azure, `${siteId}/sitecontainers/auth`, 'contoso.azurecr.io'), /AuthorizationFailed|does not have authorization/);
      state.roleAssignments.push(roleAssignment({ scope: siteId, role: 'Contributor', principalId: sp.objectId, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(NOW.getTime() - 86400e3) }));
      const r = await usePullerManagedIdentity(fx.azure, `${siteId}/sitecontainers/auth`, 'contoso.azurecr.io');
      assert.equal(r.changed, true);
      const c = pullerWorld(state).sites[0].siteContainers!.find((x) => x.name === 'auth')!;
      assert.equal(c.properties.authType, 'SystemIdentity');
      assert.equal(c.properties.image, 'contoso.azurecr.io/auth:1');
      assert.equal(c.properties.userName, undefined);
      assert.equal(pullerWorld(state).sites[0].arm.properties.siteConfig.acrUseManagedIdentityCreds, true);
      assert.equal((await usePullerManagedIdentity(fx.azure, `${siteId}/sitecontainers/auth`, 'contoso.azurecr.io')).changed, false);
    });
  });
});
