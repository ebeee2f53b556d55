// Errors show as a row with the message and a Retry, never as an empty tree: ARM 500, ARM 403,
// ARM unreachable; Retry / refresh bring the registries back once Azure answers again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_IDS } from '../../../sandbox/arm/state';
import { signInThrough, startOwnSimulator, type OwnSimulator } from './own-arm-simulator';
import { eventually, rootLabels, rowNamed, rows, SettingsScope, treeApi, type Row } from './tree-helpers';

describe('registries tree: Azure errors and retry', function () {
  this.timeout(90_000);
  const settings = new SettingsScope();
  let own: OwnSimulator;

  before(async () => {
    own = await startOwnSimulator();
    await signInThrough(own, settings);
  });

  afterEach(() => {
    own.state.faults.arm = { kind: 'none' };
  });

  after(async () => {
    await settings.restore();
    await own?.stop();
  });

  async function contosoProduction(): Promise<Row> {
    const api = await treeApi();
    await rootLabels(api, (l) => l.includes('Contoso'), 'tenants from the in-host simulator');
    return rowNamed(api, await rowNamed(api, undefined, 'Contoso'), 'Contoso Production');
  }

  it('talks to the in-host simulator (it counts our ARM calls)', async () => {
    const t0 = Date.now();
    await vscode.commands.executeCommand('acrDoctor.refreshRegistries');
    const api = await treeApi();
    await eventually(async () => (await rows(api, await contosoProduction())).find((r) => r.label === 'contoso'), 'contoso');
    // Registries come from one Resource Graph query per tenant, not one list call per subscription.
    const calls = own.sim.handler.calls.filter((c) => c.kind === 'arm' && c.at >= t0).map((c) => `${c.status} ${c.method} ${c.path}`);
    assert.ok(calls.length > 0, 'no ARM call reached the in-host simulator');
    const graph = calls.filter((c) => /providers\/Microsoft\.ResourceGraph\/resources/i.test(c));
    assert.ok(graph.length >= 1 && graph.every((c) => c.startsWith('200 ')), `Resource Graph calls: ${JSON.stringify(calls)}`);
    assert.deepEqual(calls.filter((c) => /\/providers\/Microsoft\.ContainerRegistry\/registries$/i.test(c)), [], 'per-subscription listing used');
  });

  it('shows ARM 500 as an error row with Retry, and Retry recovers', async () => {
    const api = await treeApi();
    // Both ways of listing fail: Resource Graph and the per-subscription fallback.
    own.state.faults.arm = { kind: 'error500', pathContains: 'providers/Microsoft.' };
    await vscode.commands.executeCommand('acrDoctor.refreshRegistries');
    const sub = await contosoProduction();
    const [error] = await rows(api, sub);
    assert.ok(error, 'the subscription shows nothing');
    assert.equal(error.item.contextValue, 'acrDoctor.error');
    assert.match(error.label, /Azure answered with an error \(500\)/);
    const retry = (await rows(api, error)).find((r) => r.label === 'Retry');
    assert.ok(retry?.item.command, 'no Retry row with a command');

    own.state.faults.arm = { kind: 'none' };
    await vscode.commands.executeCommand(retry.item.command.command, ...(retry.item.command.arguments ?? []));
    await eventually(async () => (await rows(api, sub)).find((r) => r.label === 'contoso'), 'contoso after Retry');
  });

  it('shows ARM 403 (no access to the subscription) with the subscription named', async () => {
    const api = await treeApi();
    const sub = await contosoProduction();
    await eventually(async () => (await rows(api, sub)).find((r) => r.label === 'contoso'), 'contoso before the role is removed');
    // Resource Graph leaves out what the caller cannot read; the 403 shows on the per-subscription
    // fallback, used when Resource Graph is unavailable.
    own.state.faults.arm = { kind: 'error500', pathContains: 'Microsoft.ResourceGraph' };
    const removed = own.state.roleAssignments.filter((a) => a.properties.scope.toLowerCase().includes(DEFAULT_IDS.subscriptionId));
    own.state.roleAssignments = own.state.roleAssignments.filter((a) => !removed.includes(a));
    try {
      await vscode.commands.executeCommand('acrDoctor.refreshRegistries', sub.element);
      const error = await eventually(async () => (await rows(api, sub)).find((r) => r.item.contextValue === 'acrDoctor.error'), 'an error row');
      assert.match(error.label, /No access to Contoso Production/);
      assert.ok((await rows(api, error)).some((r) => r.label === 'Retry'));
    } finally {
      own.state.roleAssignments.push(...removed);
      own.state.faults.arm = { kind: 'none' };
    }
    await vscode.commands.executeCommand('acrDoctor.refreshRegistries', sub.element);
    await eventually(async () => (await rows(api, sub)).find((r) => r.label === 'contoso'), 'contoso once access is back');
  });

  it('marks a tenant that needs its own sign-in, and signs in to it', async () => {
    const api = await treeApi();
    const fabrikamSp = own.state.servicePrincipals.find((p) => p.tenantId === DEFAULT_IDS.secondTenantId && p.appId === process.env.AZURE_CLIENT_ID);
    assert.ok(fabrikamSp, 'the simulator has no service principal in the second tenant');
    const good = fabrikamSp.secrets.map((x) => x.value);
    for (const x of fabrikamSp.secrets) x.value = 'not-the-secret';
    try {
      // Signing in again drops cached tokens, so the second tenant is asked afresh (and refuses).
      assert.equal(await vscode.commands.executeCommand('acrDoctor.signIn'), true);
      const fabrikam = await eventually(async () => {
        const row = (await rows(api)).find((r) => r.label === 'Fabrikam');
        return row?.item.contextValue === 'acrDoctor.tenant.signedOut' ? row : undefined;
      }, 'Fabrikam marked as needing sign-in');
      assert.equal(fabrikam.item.description, 'sign-in needed');
      const [action] = await rows(api, fabrikam);
      assert.equal(action?.label, 'Sign in to Fabrikam…');
      fabrikamSp.secrets.forEach((x, i) => { x.value = good[i]!; });
      assert.equal(await vscode.commands.executeCommand(action.item.command!.command, ...(action.item.command!.arguments ?? [])), true);
    } finally {
      fabrikamSp.secrets.forEach((x, i) => { x.value = good[i]!; });
    }
    const again = await eventually(async () => {
      const row = (await rows(api)).find((r) => r.label === 'Fabrikam');
      return row?.item.contextValue === 'acrDoctor.tenant' ? row : undefined;
    }, 'Fabrikam signed in');
    await rowNamed(api, again, 'Fabrikam Dev');
  });

  it('shows an unreachable ARM endpoint at the root, with Retry', async () => {
    const api = await treeApi();
    // Tokens still come from the simulator; ARM points at a port nobody listens on.
    await settings.set('acrDoctor.azure', 'armEndpoint', 'https://management.sandbox.test:1');
    const error = await eventually(async () => (await rows(api)).find((r) => r.item.contextValue === 'acrDoctor.error'), 'a root error row');
    assert.match(error.label, /Cannot reach Azure/);
    assert.ok((await rows(api, error)).some((r) => r.label === 'Retry'));
    await settings.set('acrDoctor.azure', 'armEndpoint', own.url);
    await rootLabels(api, (l) => l.includes('Contoso'), 'tenants once ARM is reachable');
  });
});
