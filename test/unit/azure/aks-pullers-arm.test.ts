// AKS clusters as pullers through the real ARM pipeline against the simulator: every cluster of the
// registry's subscription is listed (no property of a cluster names the registry) and its kubelet
// identity judged like any puller's: AcrPull held, missing, or the identity deleted.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { defaultState, type ArmState } from '../../../sandbox/arm/state';
import { addUserAssignedIdentity, readable } from '../../../sandbox/scenarios/puller-world';
import { listAksPullers } from '../../../src/core/azure/aks-pullers';
import { assessPullers } from '../../../src/core/checks/pullers/assess';
import { verdictWord } from '../../../src/core/checks/pullers/verdicts';
import { renderMessage } from '../../../src/core/text/message';
import { startFixture, type Fixture } from './simulator-fixture';
import { runAksClusters } from '../../../src/core/checks/run-aks-clusters';
import { pullersListCheck } from '../../../src/core/checks/pullers/list';
import { runDiagnosis } from '../../../src/core/engine/runner';
import { checkKey, type Check } from '../../../src/core/engine/types';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { msg } from '../../../src/core/text/message';

const NOW = new Date();

function addCluster(s: ArmState, name: string, kubelet: { resourceId: string; clientId: string; principalId: string }): void {
  const template = s.managedClusters[0];
  s.managedClusters.push({
    ...template, id: template.id.replace(/[^/]+$/, name), name,
    properties: { ...template.properties, dnsPrefix: name, identityProfile: { kubeletidentity: { resourceId: kubelet.resourceId, clientId: kubelet.clientId, objectId: kubelet.principalId } } },
  });
  // Azure lists only the clusters the signed-in identity may read.
  readable(s, s.managedClusters.at(-1)!.id, NOW);
}

function world(): ArmState {
  const s = defaultState(NOW);
  // A cluster whose kubelet identity was never given AcrPull (no --attach-acr).
  addCluster(s, 'unattached-aks', addUserAssignedIdentity(s, 'unattached-aks-agentpool', NOW));
  // A cluster whose kubelet identity resource was deleted: ARM answers ResourceNotFound for it.
  // It sat in the node resource group, which the signed-in identity may read (else ARM says 403, not 404).
  const nodeRg = s.managedClusters[0].properties.identityProfile!.kubeletidentity!.resourceId.replace(/\/providers\/.*$/, '');
  addCluster(s, 'orphan-aks', { resourceId: `${nodeRg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/gone-agentpool`, clientId: randomUUID(), principalId: randomUUID() });
  return s;
}

describe('pullers: AKS clusters through ARM (simulator)', function () {
  this.timeout(60_000);
  let fx: Fixture;
  before(async () => { fx = await startFixture(world()); });
  after(async () => { await fx.stop(); });

  it('lists the clusters of the subscription with their kubelet identity as the credential', async () => {
    const sub = fx.state.registries[0].arm.id.split('/')[2];
    const r = await listAksPullers(fx.azure, [sub]);
    assert.deepEqual(r.gaps, []);
    assert.deepEqual(r.pullers.map((p) => [p.name, p.kind, p.credential.kind]), [
      ['contoso-aks', 'aks', 'user-mi'], ['orphan-aks', 'aks', 'user-mi'], ['unattached-aks', 'aks', 'user-mi'],
    ]);
    const c = r.pullers[0];
    assert.equal(c.credential.kind === 'user-mi' && c.credential.resourceId?.endsWith('/contoso-aks-agentpool'), true);
    assert.equal(c.identities.userAssigned[0].principalId, fx.state.managedClusters[0].properties.identityProfile!.kubeletidentity!.objectId.toLowerCase());
  });

  it('the assessment judges each kubelet identity: attached passes, no AcrPull fails, a deleted identity is unresolved', async () => {
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
    const v = (n: string) => a.verdicts.find((x) => x.puller.name === n)!;
    assert.equal(verdictWord(v('contoso-aks')), 'ok');
    assert.match(v('contoso-aks').rolesHeld ?? '', /AcrPull/);
    assert.deepEqual(v('unattached-aks').problems.map((p) => p.causeId), ['pullers.identity-missing-acrpull']);
    assert.match(renderMessage(v('unattached-aks').problems[0].message), /^AKS cluster unattached-aks pulls with its kubelet identity unattached-aks-agentpool/);
    assert.equal(v('unattached-aks').problems[0].fixParams.principalId, fx.state.managedClusters[1].properties.identityProfile!.kubeletidentity!.objectId.toLowerCase());
    assert.deepEqual(v('orphan-aks').problems.map((p) => p.causeId), ['pullers.identity-unresolved']);
  });

  it('--identity service:<cluster> names one cluster', async () => {
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW, named: 'unattached-aks' });
    assert.deepEqual(a.verdicts.map((x) => [x.puller.name, verdictWord(x)]), [['unattached-aks', 'fail']]);
  });

  it('one diagnosis lists the clusters once: the pullers take the AKS checks\' shared listing', async () => {
    const check: Check = {
      id: checkKey('test.aks-user'), area: 'network', title: 'another AKS check', needs: [], timeoutMs: 15000,
      run: async (ctx) => { await runAksClusters(ctx, fx.azure); return { status: 'info', message: msg('listed') }; },
    };
    const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/none', now: () => NOW, azure: fx.azure, pulledBy: true };
    const before = fx.sim.handler.calls.length;
    const report = await runDiagnosis([check, pullersListCheck], parseRegistryInput('contoso.azurecr.io'), env);
    const listings = fx.sim.handler.calls.slice(before).filter((c) => /\/providers\/Microsoft\.ContainerService\/managedClusters$/i.test(c.path));
    assert.equal(listings.length, 1, listings.map((c) => c.path).join('\n'));
    const rows = report.findings.find((f) => f.checkId === 'pullers.list')!.evidence.pullers as string[];
    assert.ok(rows.some((r) => r.startsWith('unattached-aks (AKS cluster): fail')), rows.join('\n'));
  });
});
