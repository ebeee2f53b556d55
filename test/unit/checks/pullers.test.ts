// The pullers' facts and verdicts without Azure: Resource Graph rows as ARM returns them (whole,
// half-filled, hostile), the identity each pulls with, and every network and identity verdict.
import * as assert from 'node:assert/strict';
import { pullersFromGraphRows, pullersGraphQuery, credentialOfUsername, findPuller, type Puller } from '../../../src/core/azure/pullers';
import { resolvePullIdentity, vnetOfSubnet, type PullerDetails } from '../../../src/core/azure/puller-details';
import { judgePuller, verdictWord, type PullRegistryFacts } from '../../../src/core/checks/pullers/verdicts';
import { pulledByLines } from '../../../src/cli/render-pullers';
import { parseIdentity } from '../../../src/core/registry/image-reference';
import { renderMessage } from '../../../src/core/text/message';
import { explainText } from '../../../src/core/explain';

const SUB = '11111111-2222-4333-8444-555555555555';
const RG = `/subscriptions/${SUB}/resourceGroups/apps`;
const REG = { loginServer: 'contoso.azurecr.io', name: 'contoso' };
const NOW = new Date('2026-12-07T12:00:00Z');
const OLD = new Date('2026-10-01T00:00:00Z');
const PID = '0f0f0f0f-1111-4222-8333-444444444444';

const registry = (o: Partial<PullRegistryFacts> = {}): PullRegistryFacts => ({
  id: `/subscriptions/${SUB}/resourceGroups/contoso-rg/providers/Microsoft.ContainerRegistry/registries/contoso`, name: 'contoso', loginServer: 'contoso.azurecr.io', resourceGroup: 'contoso-rg',
  adminUserEnabled: false, anonymousPullEnabled: false, publicNetworkAccess: 'Enabled', defaultAction: 'Allow', ipRules: [], networkRuleBypassOptions: 'AzureServices', approvedPrivateEndpoints: 0, ...o,
});

const siteRow = (o: Record<string, unknown> = {}) => ({
  id: `${RG}/providers/Microsoft.Web/sites/web1`, name: 'web1', type: 'microsoft.web/sites', kind: 'app,linux,container', location: 'westeurope', subscriptionId: SUB, resourceGroup: 'apps',
  identity: { type: 'SystemAssigned', principalId: PID },
  properties: { siteConfig: { linuxFxVersion: null, acrUseManagedIdentityCreds: null }, siteProperties: { properties: [{ name: 'LinuxFxVersion', value: 'DOCKER|contoso.azurecr.io/hello:v1' }] }, virtualNetworkSubnetId: null, vnetImagePullEnabled: false },
  ...o,
});

const details = (p: Puller, o: Partial<PullerDetails> = {}): PullerDetails => ({ ...p, readGaps: [], ...o });

describe('pullers: Resource Graph rows and query', () => {
  it('reads an App Service app as Resource Graph has it (fx version in siteProperties, siteConfig empty)', () => {
    const { pullers, skipped } = pullersFromGraphRows([siteRow()], REG);
    assert.equal(skipped, 0);
    assert.equal(pullers[0].kind, 'appservice');
    assert.deepEqual(pullers[0].images, ['contoso.azurecr.io/hello:v1']);
    assert.equal(pullers[0].credential.kind, 'unknown', 'siteConfig is empty in Resource Graph: config/web decides');
    assert.equal(pullers[0].identities.systemPrincipalId, PID);
  });

  it('reads a Container App with admin credentials and a container group with a user-assigned identity', () => {
    const ua = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pull-id`;
    const rows = [
      { id: `${RG}/providers/Microsoft.App/containerApps/app1`, name: 'app1', type: 'microsoft.app/containerapps', identity: { type: 'None' },
        properties: { managedEnvironmentId: `${RG}/providers/Microsoft.App/managedEnvironments/env1`, configuration: { registries: [{ server: 'CONTOSO.azurecr.io', username: 'contoso', passwordSecretRef: 's' }] }, template: { containers: [{ image: 'contoso.azurecr.io/hello:v1' }, { image: 'mcr.microsoft.com/x:1' }] } } },
      { id: `${RG}/providers/Microsoft.ContainerInstance/containerGroups/ci1`, name: 'ci1', type: 'Microsoft.ContainerInstance/containerGroups',
        identity: { type: 'UserAssigned', userAssignedIdentities: { [ua]: { principalId: PID, clientId: '9a9a9a9a-1111-4222-8333-444444444444' } } },
        properties: { containers: [{ properties: { image: 'contoso.azurecr.io/hello:v1' } }], imageRegistryCredentials: [{ server: 'contoso.azurecr.io', identity: ua }], subnetIds: [{ id: `${RG}/providers/Microsoft.Network/virtualNetworks/v/subnets/s` }] } },
    ];
    const { pullers } = pullersFromGraphRows(rows, REG);
    assert.deepEqual(pullers.map((p) => p.kind), ['containerapp', 'aci']);
    assert.deepEqual(pullers[0].credential, { kind: 'admin', username: 'contoso' });
    assert.deepEqual(pullers[0].images, ['contoso.azurecr.io/hello:v1'], 'images of other registries are not this registry\'s');
    assert.equal(pullers[0].network.environmentId, `${RG}/providers/Microsoft.App/managedEnvironments/env1`);
    assert.deepEqual(pullers[1].credential, { kind: 'user-mi', resourceId: ua });
    assert.deepEqual(pullers[1].network.subnetIds, [`${RG}/providers/Microsoft.Network/virtualNetworks/v/subnets/s`]);
  });

  it('tolerates half-filled rows: no identity, no properties, no registry entry, unknown types, garbage', () => {
    const rows = [
      { id: `${RG}/providers/Microsoft.App/containerApps/bare`, type: 'microsoft.app/containerapps', identity: null, properties: null },
      { id: `${RG}/providers/Microsoft.ContainerInstance/containerGroups/nocred`, type: 'microsoft.containerinstance/containergroups', properties: { containers: 'not-an-array' } },
      { id: `${RG}/providers/Microsoft.Storage/storageAccounts/x`, type: 'microsoft.storage/storageaccounts' },
      { type: 'microsoft.web/sites' }, 42, null, 'row', { id: 'not-an-arm-id', type: 'microsoft.web/sites' },
    ];
    const { pullers, skipped } = pullersFromGraphRows(rows, REG);
    assert.equal(pullers.length, 2);
    assert.equal(skipped, 6);
    assert.ok(pullers[0].gaps.includes('no identity block') && pullers[0].gaps.includes('no properties'));
    assert.equal(pullers[0].credential.kind, 'anonymous');
    assert.equal(pullers[1].credential.kind, 'anonymous');
    assert.throws(() => pullersFromGraphRows({ data: [] }, REG), /without a data array/);
  });

  it('queries one Resource Graph table for the login server and the registry id, and refuses what would break out of the KQL string', () => {
    const q = pullersGraphQuery('contoso.azurecr.io', registry().id);
    assert.match(q, /tostring\(properties\) contains 'contoso\.azurecr\.io'/);
    assert.match(q, /microsoft\.containerinstance\/containergroups/);
    assert.throws(() => pullersGraphQuery("contoso.azurecr.io' or 1==1 //", registry().id), /cannot go into a Resource Graph query/);
  });

  it('tells the admin user, a service principal and another user name apart; finds a puller by name or id', () => {
    assert.equal(credentialOfUsername('Contoso', 'contoso').kind, 'admin');
    assert.equal(credentialOfUsername('9a9a9a9a-1111-4222-8333-444444444444', 'contoso').kind, 'service-principal');
    assert.equal(credentialOfUsername('ci-token', 'contoso').kind, 'password');
    const { pullers } = pullersFromGraphRows([siteRow()], REG);
    assert.equal(findPuller(pullers, 'WEB1')?.name, 'web1');
    assert.equal(findPuller(pullers, `${RG}/providers/Microsoft.Web/sites/web1`)?.name, 'web1');
    assert.equal(findPuller(pullers, 'web2'), undefined);
  });

  it('resolves the identity it pulls with, or says why it cannot', async () => {
    assert.deepEqual(await resolvePullIdentity(undefined, { credential: { kind: 'system-mi' }, identities: { userAssigned: [] } }), { problem: 'no-system-identity' });
    assert.deepEqual(await resolvePullIdentity(undefined, { credential: { kind: 'user-mi', clientId: 'c1' }, identities: { userAssigned: [{ resourceId: '/x', clientId: 'c1', principalId: PID }] } }), { principalId: PID });
    assert.deepEqual(await resolvePullIdentity(undefined, { credential: { kind: 'user-mi', clientId: 'c2' }, identities: { userAssigned: [{ resourceId: '/x', clientId: 'c1', principalId: PID }] } }), { problem: 'not-assigned' });
    assert.deepEqual(await resolvePullIdentity(undefined, { credential: { kind: 'admin', username: 'contoso' }, identities: { userAssigned: [] } }), { problem: 'not-an-azure-identity' });
    assert.equal(vnetOfSubnet(`${RG}/providers/Microsoft.Network/virtualNetworks/V1/subnets/s`), `${RG}/providers/Microsoft.Network/virtualNetworks/V1`.toLowerCase());
    assert.equal(vnetOfSubnet('garbage'), undefined);
  });
});

describe('pullers: verdicts', () => {
  const [site] = pullersFromGraphRows([siteRow()], REG).pullers;
  const mi = details(site, { credential: { kind: 'system-mi' }, principalId: PID });
  const pull = [{ principalId: PID, role: 'AcrPull', scope: registry().id, createdOn: OLD }];
  const dns = { zones: [], read: true };

  it('an identity with AcrPull on an open registry is healthy; without it, AcrPull is missing', () => {
    assert.equal(verdictWord(judgePuller(mi, registry(), pull, dns, NOW)), 'ok');
    const v = judgePuller(mi, registry(), [], dns, NOW);
    assert.deepEqual(v.problems.map((p) => p.causeId), ['pullers.identity-missing-acrpull']);
    assert.equal(v.problems[0].fixParams.principalId, PID);
    assert.equal(verdictWord(v), 'fail');
  });

  it('AcrPull through a group counts; AcrPull in ABAC mode does not; a fresh one is pending', () => {
    const group = '0a0a0a0a-1111-4222-8333-444444444444';
    const viaGroup = [{ principalId: group, principalType: 'Group', role: 'AcrPull', scope: registry().id, createdOn: OLD }];
    assert.equal(judgePuller(mi, registry(), viaGroup, dns, NOW).problems.length, 0);
    assert.equal(judgePuller(mi, registry({ roleAssignmentMode: 'AbacRepositoryPermissions' }), pull, dns, NOW).problems[0].causeId, 'pullers.identity-missing-acrpull');
    assert.equal(judgePuller(mi, registry(), [{ ...pull[0], createdOn: new Date(NOW.getTime() - 60_000) }], dns, NOW).problems[0].causeId, 'authz.role-propagation-pending');
  });

  it('an identity that does not resolve is reported as such, not as a missing role', () => {
    const deleted = details(site, { credential: { kind: 'user-mi', resourceId: '/x' }, identityProblem: 'deleted' });
    assert.deepEqual(judgePuller(deleted, registry(), pull, dns, NOW).problems.map((p) => p.causeId), ['pullers.identity-unresolved']);
    const none = details(site, { credential: { kind: 'system-mi' }, identityProblem: 'no-system-identity' });
    assert.match(renderMessage(judgePuller(none, registry(), [], dns, NOW).problems[0].message), /no system-assigned identity/);
  });

  it('admin credentials after the admin user was disabled fail; with it enabled they pass', () => {
    const admin = details(site, { credential: { kind: 'admin', username: 'contoso' } });
    assert.deepEqual(judgePuller(admin, registry(), undefined, dns, NOW).problems.map((p) => p.causeId), ['pullers.admin-user-disabled']);
    assert.equal(judgePuller(admin, registry({ adminUserEnabled: true }), undefined, dns, NOW).problems.length, 0);
  });

  it('public access off: App Service outside any VNet is outside; VNet-integrated without image pull over it is the VNet setting', () => {
    const closed = registry({ publicNetworkAccess: 'Disabled', approvedPrivateEndpoints: 1 });
    assert.equal(judgePuller(mi, closed, pull, dns, NOW).problems[0].causeId, 'pullers.service-outside-network');
    const integrated = details(site, { credential: { kind: 'system-mi' }, principalId: PID, network: { subnetIds: [`${RG}/providers/Microsoft.Network/virtualNetworks/v/subnets/s`], vnetImagePull: false } });
    assert.deepEqual(judgePuller(integrated, closed, pull, dns, NOW).problems.map((p) => p.causeId), ['pullers.vnet-image-pull-off']);
  });

  it('a service in a VNet the private DNS zone is not linked to; linked, it passes; unreadable zones are unknown, not a verdict', () => {
    const closed = registry({ publicNetworkAccess: 'Disabled', approvedPrivateEndpoints: 1 });
    const vnet = `${RG}/providers/Microsoft.Network/virtualNetworks/aci-vnet`;
    const aci = details({ ...site, kind: 'aci', network: { subnetIds: [`${vnet}/subnets/s`] } }, { credential: { kind: 'system-mi' }, principalId: PID });
    const zone = { zoneId: `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io`, zoneName: 'privatelink.azurecr.io', linkedVnets: ['/other'] };
    const v = judgePuller(aci, closed, pull, { zones: [zone], read: true }, NOW);
    assert.deepEqual(v.problems.map((p) => p.causeId), ['pullers.private-dns-not-linked']);
    assert.equal(v.problems[0].fixParams.vnet, 'aci-vnet');
    assert.equal(judgePuller(aci, closed, pull, { zones: [{ ...zone, linkedVnets: [vnet.toLowerCase()] }], read: true }, NOW).problems.length, 0);
    const unknown = judgePuller(aci, closed, pull, { zones: [], read: false }, NOW);
    assert.equal(unknown.problems.length, 0);
    assert.equal(verdictWord(unknown), 'unknown');
    // Without a private endpoint a subnet does not help: service endpoints carry only VMs' and AKS traffic.
    assert.equal(judgePuller(aci, registry({ defaultAction: 'Deny' }), pull, dns, NOW).problems[0].causeId, 'pullers.service-outside-network');
  });

  it('a trusted service needs the trusted-services bypass; App Service never counts as trusted', () => {
    const ml = details({ ...site, kind: 'ml' }, { credential: { kind: 'system-mi' }, principalId: PID });
    const restricted = registry({ defaultAction: 'Deny', networkRuleBypassOptions: 'None' });
    assert.equal(judgePuller(ml, restricted, pull, dns, NOW).problems[0].causeId, 'pullers.trusted-services-needed');
    assert.equal(judgePuller(ml, registry({ defaultAction: 'Deny' }), pull, dns, NOW).problems.length, 0);
    assert.equal(judgePuller(mi, registry({ defaultAction: 'Deny' }), pull, dns, NOW).problems[0].causeId, 'pullers.service-outside-network');
  });

  it('credentials that cannot be judged from here are unknowns, not problems', () => {
    const sp = details(site, { credential: { kind: 'service-principal', clientId: 'x' } });
    const v = judgePuller(sp, registry(), undefined, dns, NOW);
    assert.equal(v.problems.length, 0);
    assert.match(v.unknowns[0], /^not judged: .*service principal x.*roles on contoso are not checked.*az role assignment list --assignee x/);
    const refused = judgePuller({ ...sp, identityProblem: 'graph-unreadable', identityNote: 'Microsoft Graph refused to read service principals (Authorization_RequestDenied)' }, registry(), undefined, dns, NOW);
    assert.match(refused.unknowns[0], /Authorization_RequestDenied/);
    const ghost = judgePuller({ ...sp, identityProblem: 'no-such-app' }, registry(), undefined, dns, NOW);
    assert.deepEqual(ghost.problems.map((p) => p.causeId), ['pullers.identity-unresolved']);
  });
});

describe('pullers: --pulled-by and --identity service:<name>', () => {
  it('lists each puller with its verdict in the reader\'s language', () => {
    const report = { findings: [{ checkId: 'pullers.list', evidence: { pullers: ['web1 (App Service app): fail, pullers.identity-missing-acrpull', 'app1 (Container App): ok'] } }] } as never;
    assert.deepEqual(pulledByLines(report, 'en'), ['Pulled by:', '  web1 (App Service app): cannot pull, pullers.identity-missing-acrpull', '  app1 (Container App): ok']);
    assert.equal(pulledByLines(report, 'nl')[1], '  web1 (App Service app): kan niet ophalen, pullers.identity-missing-acrpull');
    assert.match(pulledByLines({ findings: [] }, 'en')[0], /not listed/);
  });

  it('parses service:<name> and service:<resource id>, and refuses what names nothing', () => {
    assert.deepEqual(parseIdentity('service:contoso-web'), { kind: 'service', name: 'contoso-web' });
    assert.equal(parseIdentity(`service:${RG}/providers/Microsoft.Web/sites/web1`).kind, 'service');
    assert.throws(() => parseIdentity('service:'), /none given/);
    assert.throws(() => parseIdentity('service:a b'), /is not one/);
  });
});

describe('pullers: explain maps what these services log', () => {
  const ids = (t: string) => explainText(t).matches.map((m) => m.causeId as string);
  it('App Service DockerApiException, ACI InaccessibleImage, Container Apps managed-identity pulls and containerd errors name the pullers causes', () => {
    assert.ok(ids('DockerApiException: Docker API responded with status code=InternalServerError, response={"message":"Head https://contoso.azurecr.io/v2/hello/manifests/v1: unauthorized: authentication required"}').includes('pullers.identity-missing-acrpull'));
    assert.ok(ids("InaccessibleImage: The image 'contoso.azurecr.io/hello:v1' in container group 'jobs' is not accessible. Please check the image and registry credential.").includes('pullers.private-dns-not-linked'));
    assert.ok(ids('Failed to pull image "contoso.azurecr.io/hello:v1": unable to pull image using Managed identity system for registry contoso.azurecr.io').includes('pullers.identity-unresolved'));
    assert.ok(ids('failed to pull and unpack image "contoso.azurecr.io/hello:v1": failed to resolve reference "contoso.azurecr.io/hello:v1": failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized').includes('pullers.identity-missing-acrpull'));
  });
});
