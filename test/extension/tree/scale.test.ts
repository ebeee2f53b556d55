// 10 000 registries in 100 subscriptions (the simulator's scale mode): the tree lists them with one
// Resource Graph query for the tenant — no call per subscription — and a subscription node shows
// its 100 registries.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addScaleRegistries, DEFAULT_IDS } from '../../../sandbox/arm/state';
import { callsSettled, signInThrough, startOwnSimulator, type OwnSimulator } from './own-arm-simulator';
import { eventually, rootLabels, rowNamed, rows, SettingsScope, treeApi } from './tree-helpers';

describe('registries tree: 10 000 registries', function () {
  this.timeout(180_000);
  const settings = new SettingsScope();
  let own: OwnSimulator;

  before(async () => {
    own = await startOwnSimulator();
    addScaleRegistries(own.state, { subscriptions: 100, perSubscription: 100, principalId: DEFAULT_IDS.spObjectId, tenantId: DEFAULT_IDS.tenantId });
    await signInThrough(own, settings);
  });

  after(async () => {
    await settings.restore();
    await own?.stop();
  });

  it('lists them with one Resource Graph query, not one call per subscription', async () => {
    const api = await treeApi();
    await rootLabels(api, (l) => l.includes('Contoso'), 'tenants');
    // Count only what one refresh asks (the simulator's call log keeps earlier calls, and logs a
    // call when it is answered: the first listing's last calls must be in before the count starts).
    await callsSettled(own);
    const t0 = Date.now();
    await vscode.commands.executeCommand('acrDoctor.refreshRegistries');
    const contoso = await eventually(async () => (await rows(api)).find((r) => r.label === 'Contoso'), 'Contoso');
    const subs = await rows(api, contoso);
    assert.equal(subs.filter((r) => r.label.startsWith('Scale ')).length, 100);
    const started = Date.now();
    const scale042 = await rowNamed(api, contoso, 'Scale 042');
    const registries = await rows(api, scale042);
    assert.equal(registries.length, 100);
    assert.equal(registries[0]?.label, 'scale042r000');
    assert.match(String(registries[0]?.item.description), /^scale042r000\.azurecr\.io · Standard · /);
    // Every other subscription of the tenant is answered from the same query.
    assert.equal((await rows(api, await rowNamed(api, contoso, 'Scale 099'))).length, 100);
    const armPaths = own.sim.handler.calls.filter((c) => c.kind === 'arm' && c.at >= t0).map((c) => c.path);
    const graph = armPaths.filter((p) => /Microsoft\.ResourceGraph\/resources/i.test(p));
    assert.equal(graph.length, 1, `Resource Graph calls: ${graph.length}`);
    assert.deepEqual(armPaths.filter((p) => /\/providers\/Microsoft\.ContainerRegistry\/registries$/i.test(p)), []);
    // One refresh: tenants once, subscriptions once per tenant, registries once per tenant expanded.
    assert.deepEqual(armPaths.filter((p) => p === '/tenants').length, 1, armPaths.join(', '));
    assert.deepEqual(armPaths.filter((p) => p === '/subscriptions').length, 2, armPaths.join(', '));
    console.log(`    (10 000 registries: first subscription's list after ${Date.now() - started} ms; ${armPaths.length} ARM calls in all)`);
  });
});
