// AKS clusters as puller rows without Azure: which credential a cluster pulls with (kubelet
// identity, an older cluster's service principal, nothing readable), and how a restricted
// registry's network is left to the AKS egress check rather than judged as an App Service's.
import * as assert from 'node:assert/strict';
import type { AksCluster } from '../../../src/core/azure/aks';
import { pullerOfAksCluster } from '../../../src/core/azure/aks-pullers';
import { judgePuller, verdictWord, type PullRegistryFacts } from '../../../src/core/checks/pullers/verdicts';
import { renderMessage } from '../../../src/core/text/message';
import { say } from '../../../src/core/text/say';
import { whoOf } from '../../../src/core/checks/pullers/verdicts';

const SUB = '11111111-2222-4333-8444-555555555555';
const REG_ID = `/subscriptions/${SUB}/resourceGroups/contoso-rg/providers/Microsoft.ContainerRegistry/registries/contoso`;
const NOW = new Date('2026-12-07T12:00:00Z');
const OID = '0f0f0f0f-1111-4222-8333-444444444444';
const MI = `/subscriptions/${SUB}/resourceGroups/MC_rg_aks1_westeurope/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks1-agentpool`;
const dns = { zones: [], read: true };
const facts = (o: Partial<PullRegistryFacts> = {}): PullRegistryFacts => ({
  id: REG_ID, name: 'contoso', loginServer: 'contoso.azurecr.io', resourceGroup: 'contoso-rg', adminUserEnabled: false, anonymousPullEnabled: false,
  publicNetworkAccess: 'Enabled', defaultAction: 'Allow', ipRules: [], networkRuleBypassOptions: 'AzureServices', approvedPrivateEndpoints: 0, ...o,
});
const cluster = (o: Partial<AksCluster> = {}): AksCluster => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`, name: 'aks1', subscriptionId: SUB.toUpperCase(), resourceGroup: 'rg',
  kubeletIdentity: { clientId: 'AAAAAAAA-1111-4222-8333-444444444444', objectId: OID, resourceId: MI }, nodeSubnetIds: [], ...o,
});

describe('pullers: AKS clusters as puller rows', () => {
  it('a cluster pulls with its kubelet identity: a user-assigned identity whose object id is known', () => {
    const p = pullerOfAksCluster(cluster());
    assert.equal(p.kind, 'aks');
    assert.equal(p.subscriptionId, SUB);
    assert.deepEqual(p.credential, { kind: 'user-mi', resourceId: MI, clientId: 'aaaaaaaa-1111-4222-8333-444444444444' });
    assert.deepEqual(p.identities.userAssigned, [{ resourceId: MI, principalId: OID, clientId: 'aaaaaaaa-1111-4222-8333-444444444444' }]);
    assert.deepEqual(p.gaps, []);
    const none = judgePuller({ ...p, readGaps: [], principalId: OID }, facts(), [], dns, NOW);
    assert.equal(verdictWord(none), 'fail');
    assert.equal(none.problems[0].causeId, 'pullers.identity-missing-acrpull');
    assert.match(renderMessage(none.problems[0].message), /^AKS cluster aks1 pulls with its kubelet identity aks1-agentpool \(0f0f0f0f/);
    const granted = [{ principalId: OID, principalType: 'ServicePrincipal', role: 'AcrPull', scope: REG_ID, createdOn: new Date('2026-01-01T00:00:00Z') }];
    assert.equal(verdictWord(judgePuller({ ...p, readGaps: [], principalId: OID }, facts(), granted, dns, NOW)), 'ok');
  });

  it('an older cluster pulls as a service principal; one that names neither is a gap, never a throw', () => {
    const sp = pullerOfAksCluster(cluster({ kubeletIdentity: undefined, servicePrincipalClientId: 'BBBBBBBB-1111-4222-8333-444444444444' }));
    assert.deepEqual(sp.credential, { kind: 'service-principal', clientId: 'bbbbbbbb-1111-4222-8333-444444444444' });
    const bare = pullerOfAksCluster(cluster({ kubeletIdentity: undefined }));
    assert.equal(bare.credential.kind, 'unknown');
    assert.deepEqual(bare.gaps, ['identityProfile.kubeletidentity is empty']);
    assert.equal(verdictWord(judgePuller({ ...bare, readGaps: [] }, facts(), undefined, dns, NOW)), 'unknown');
  });

  it('a restricted registry: the cluster is not called an untrusted service; its egress is left to the AKS egress check', () => {
    const p = { ...pullerOfAksCluster(cluster()), readGaps: [], principalId: OID };
    const granted = [{ principalId: OID, principalType: 'ServicePrincipal', role: 'AcrPull', scope: REG_ID, createdOn: new Date('2026-01-01T00:00:00Z') }];
    const v = judgePuller(p, facts({ defaultAction: 'Deny' }), granted, dns, NOW);
    assert.deepEqual(v.problems, []);
    assert.equal(verdictWord(v), 'unknown');
    assert.match(v.unknowns[0], /AKS egress check/);
  });

  it('names the cluster in both languages', () => {
    assert.equal(say(whoOf({ kind: 'aks', name: 'aks1' }), 'en'), 'AKS cluster aks1');
    assert.equal(say(whoOf({ kind: 'aks', name: 'aks1' }), 'nl'), 'AKS-cluster aks1');
  });
});
