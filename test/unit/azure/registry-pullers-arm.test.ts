// The registry's own pullers through the real ARM pipeline against the simulator: tasks are served
// only at the Tasks api-versions (a stable version is refused as Azure does), connected registries
// through the SDK's client, and the assessment judges both.
import * as assert from 'node:assert/strict';
import { defaultState, type ArmState } from '../../../sandbox/arm/state';
import { addConnectedRegistry, addTask } from '../../../sandbox/scenarios/puller-world';
import { armRequest } from '../../../src/core/azure/connection';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { listRegistryPullers } from '../../../src/core/azure/registry-pullers';
import { assessPullers } from '../../../src/core/checks/pullers/assess';
import { startFixture, type Fixture } from './simulator-fixture';

const NOW = new Date();

function world(): ArmState {
  const s = defaultState(NOW);
  const reg = s.registries[0];
  addTask(s, reg, { name: 'build-web', pullWith: 'system' }, NOW);
  addTask(s, reg, { name: 'build-api', pullWith: 'run-token' }, NOW);
  addConnectedRegistry(reg, 'edge1', { connectionState: 'Offline' }, NOW);
  addConnectedRegistry(reg, 'edge2', { connectionState: 'Online', syncTokenStatus: 'disabled' }, NOW);
  return s;
}

describe('pullers: the registry\'s tasks and connected registries through ARM (simulator)', function () {
  this.timeout(60_000);
  let fx: Fixture;
  before(async () => { fx = await startFixture(world()); });
  after(async () => { await fx.stop(); });

  it('registries/tasks at a stable api-version is refused like Azure (NoRegisteredProviderFound)', async () => {
    const id = fx.state.registries[0].arm.id;
    await assert.rejects(armRequest(fx.azure, 'GET', `${id}/tasks`, { apiVersion: '2025-11-01', operation: 'list tasks' }),
      (e: unknown) => e instanceof AzureAccessError && /NoRegisteredProviderFound|registries\/tasks/.test(`${e.code} ${e.message}`));
    await assert.rejects(armRequest(fx.azure, 'GET', `${id}/tasks/nope`, { apiVersion: '2019-06-01-preview', operation: 'read a task' }),
      (e: unknown) => e instanceof AzureAccessError && e.kind === 'not-found');
  });

  it('registries/connectedRegistries at a stable version before 2025-11-01 is refused like Azure; a preview is served', async () => {
    const id = fx.state.registries[0].arm.id;
    await assert.rejects(armRequest(fx.azure, 'GET', `${id}/connectedRegistries`, { apiVersion: '2023-07-01', operation: 'list connected registries' }),
      (e: unknown) => e instanceof AzureAccessError && e.code === 'NoRegisteredProviderFound' && /registries\/connectedRegistries/.test(e.message) && /2025-11-01/.test(e.message));
    const listed = await armRequest<{ value: unknown[] }>(fx.azure, 'GET', `${id}/connectedRegistries`, { apiVersion: '2023-11-01-preview', operation: 'list connected registries' });
    assert.equal(listed.value.length, 2);
  });

  it('lists both tasks and both connected registries with their credentials', async () => {
    const reg = fx.state.registries[0].arm;
    const r = await listRegistryPullers(fx.azure, { id: reg.id, name: reg.name, subscriptionId: reg.id.split('/')[2], resourceGroup: reg.id.split('/')[4], loginServer: 'contoso.azurecr.io', sku: 'Premium' });
    assert.deepEqual(r.gaps, []);
    assert.deepEqual(r.pullers.map((p) => [p.name, p.kind, p.credential.kind]).sort(), [
      ['build-api', 'task', 'task-token'], ['build-web', 'task', 'system-mi'], ['edge1', 'connected-registry', 'acr-token'], ['edge2', 'connected-registry', 'acr-token'],
    ]);
  });

  it('the assessment judges each: task identity without AcrPull, offline, disabled sync token; the run token passes', async () => {
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
    const causes = (n: string) => a.verdicts.find((v) => v.puller.name === n)?.problems.map((p) => p.causeId);
    assert.deepEqual(causes('build-web'), ['pullers.identity-missing-acrpull']);
    assert.deepEqual(causes('build-api'), []);
    assert.deepEqual(causes('edge1'), ['pullers.connected-registry-offline']);
    assert.deepEqual(causes('edge2'), ['pullers.token-disabled']);
  });
});
