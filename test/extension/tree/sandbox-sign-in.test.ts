// The registries tree against the sandbox's ARM + Entra simulator, signed in as the sandbox's
// service principal from the extension host's environment (AZURE_* + ACR_DOCTOR_ARM_ENDPOINT).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, rootLabels, rowNamed, rows, SettingsScope, tooltipText, treeApi } from './tree-helpers';

const env = process.env;
const haveSandbox = !!(env.AZURE_TENANT_ID && env.AZURE_CLIENT_ID && env.AZURE_CLIENT_SECRET && env.ACR_DOCTOR_ARM_ENDPOINT);

describe('registries tree: sign-in as the sandbox service principal', function () {
  this.timeout(60_000);
  const settings = new SettingsScope();

  before(function () {
    // The runner always starts the world for this level; without it these tests cannot mean anything.
    assert.ok(haveSandbox, 'the extension host has no sandbox service principal in its environment (AZURE_* / ACR_DOCTOR_ARM_ENDPOINT)');
  });

  after(async () => {
    await settings.restore();
    await vscode.commands.executeCommand('acrDoctor.selectSubscriptions', undefined, []);
  });

  it('picks the service principal sign-in and signs in', async () => {
    const api = await treeApi();
    assert.equal(await api.sessionKind(), 'servicePrincipal');
    assert.equal(await vscode.commands.executeCommand('acrDoctor.signIn'), true);
  });

  it('shows both tenants, their subscriptions and registries with login server, SKU and region', async () => {
    const api = await treeApi();
    await rootLabels(api, (l) => l.includes('Contoso') && l.includes('Fabrikam'), 'two tenants');
    const contoso = await rowNamed(api, undefined, 'Contoso');
    assert.equal(contoso.item.contextValue, 'acrDoctor.tenant');
    const production = await rowNamed(api, contoso, 'Contoso Production');
    assert.equal(production.item.contextValue, 'acrDoctor.subscription');
    const registry = await rowNamed(api, production, 'contoso');
    assert.equal(registry.item.description, 'contoso.azurecr.io · Premium · westeurope');
    assert.equal(registry.item.contextValue, 'acrDoctor.registry.azure');
    const tip = tooltipText(registry.item);
    // Replicas come from the same Resource Graph query (registries/replications rows).
    for (const part of ['Public network access: enabled', 'Network default action: Allow', 'Private endpoints: none', 'Admin user: disabled', 'Replicas: northeurope']) {
      assert.ok(tip.includes(part), `tooltip lacks "${part}": ${tip}`);
    }
    const fabrikamDev = await rowNamed(api, await rowNamed(api, undefined, 'Fabrikam'), 'Fabrikam Dev');
    assert.equal((await rowNamed(api, fabrikamDev, 'fabrikam')).item.description, 'fabrikam.azurecr.io · Basic · eastus');
  });

  it('follows the subscription filter (one tenant left: subscriptions at the root)', async () => {
    const api = await treeApi();
    const entry = `${env.AZURE_TENANT_ID}/${env.AZURE_SUBSCRIPTION_ID}`;
    assert.equal(await vscode.commands.executeCommand('acrDoctor.selectSubscriptions', undefined, [entry]), true);
    // Azure Resources is not installed here, so the list goes to ACR Doctor's own setting.
    assert.deepEqual(vscode.workspace.getConfiguration('acrDoctor.azure').get('selectedSubscriptions'), [entry]);
    const labels = await rootLabels(api, (l) => !l.includes('Fabrikam') && l.includes('Contoso Production'), 'filtered to Contoso Production');
    assert.deepEqual(labels, ['Contoso Production']);
    await vscode.commands.executeCommand('acrDoctor.selectSubscriptions', undefined, []);
    await rootLabels(api, (l) => l.includes('Contoso') && l.includes('Fabrikam'), 'both tenants again');
  });

  it('adds and removes a registry by name under "Other registries"', async () => {
    const api = await treeApi();
    const before = vscode.workspace.getConfiguration('acrDoctor.registries').get<string[]>('manual') ?? [];
    assert.equal(await vscode.commands.executeCommand('acrDoctor.addRegistry', 'not a registry!'), undefined);
    assert.deepEqual(vscode.workspace.getConfiguration('acrDoctor.registries').get('manual') ?? [], before, 'invalid input must not be stored');

    assert.equal(await vscode.commands.executeCommand('acrDoctor.addRegistry', 'MyReg01.azurecr.io'), 'myreg01.azurecr.io');
    assert.ok(vscode.workspace.getConfiguration('acrDoctor.registries').get<string[]>('manual')?.includes('myreg01.azurecr.io'));
    await rootLabels(api, (l) => l.includes('Other registries'), '"Other registries"');
    const manual = await eventually(async () => (await rows(api, await rowNamed(api, undefined, 'Other registries'))).find((r) => r.label === 'myreg01'), 'myreg01 row');
    assert.equal(manual.item.contextValue, 'acrDoctor.registry.manual');
    assert.equal(manual.item.description, 'myreg01.azurecr.io');

    assert.equal(await vscode.commands.executeCommand('acrDoctor.removeRegistry', manual.element), true);
    assert.ok(!(vscode.workspace.getConfiguration('acrDoctor.registries').get<string[]>('manual') ?? []).includes('myreg01.azurecr.io'));
    await rootLabels(api, (l) => !l.includes('Other registries'), '"Other registries" gone');
  });

  it('badges a registry after a diagnosis (icon + file decoration colour)', async () => {
    const api = await treeApi();
    const production = await rowNamed(api, await rowNamed(api, undefined, 'Contoso'), 'Contoso Production');
    api.setHealth('contoso.azurecr.io', 'fail');
    const failed = await rowNamed(api, production, 'contoso');
    assert.equal((failed.item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(failed.item.resourceUri?.toString(), 'acr-doctor:/registry/contoso.azurecr.io');
    assert.equal(api.decoration('contoso.azurecr.io')?.color?.id, 'list.errorForeground');
    api.setHealth('contoso.azurecr.io', 'pass');
    assert.equal((api.getTreeItem(failed.element).iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(api.decoration('contoso.azurecr.io')?.color?.id, 'testing.iconPassed');
    api.setHealth('contoso.azurecr.io', undefined);
    // Without a diagnosis's verdict the row shows the quick check's badge (or none before it ran).
    const after = api.decoration('contoso.azurecr.io');
    assert.ok(after === undefined || /^Quick check/.test(String(after.tooltip)), `a diagnosis badge stayed: ${JSON.stringify(after)}`);
  });

  it('signs out to an empty tree (the welcome view) and back in', async () => {
    const api = await treeApi();
    await vscode.commands.executeCommand('acrDoctor.signOut');
    await rootLabels(api, (l) => l.length === 0, 'empty tree after sign-out');
    assert.equal(await vscode.commands.executeCommand('acrDoctor.signIn'), true);
    await rootLabels(api, (l) => l.includes('Contoso'), 'tenants after sign-in');
  });
});
