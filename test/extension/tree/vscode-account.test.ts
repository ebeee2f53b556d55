// With signIn = vscode the tree uses VS Code's Microsoft account (VSCodeAzureSubscriptionProvider).
// No Microsoft account can sign in here, so this checks the signed-out face: an empty tree (the
// welcome view with "Sign in to Azure" / "Add registry by name"), and next to registries added by
// name a "Sign in to Azure…" row plus "Other registries".
import * as assert from 'node:assert/strict';
import { eventually, rootLabels, rows, SettingsScope, treeApi } from './tree-helpers';

describe('registries tree: VS Code account, signed out', function () {
  this.timeout(60_000);
  const settings = new SettingsScope();

  before(async () => {
    await settings.set('acrDoctor.azure', 'signIn', 'vscode');
  });

  after(async () => {
    await settings.restore();
  });

  it('uses the VS Code account and shows nothing (the welcome view) when signed out', async () => {
    const api = await treeApi();
    await eventually(async () => ((await api.sessionKind()) === 'vscode' ? true : undefined), 'the VS Code account session');
    assert.deepEqual(await rootLabels(api, (l) => l.length === 0, 'an empty tree'), []);
  });

  it('offers sign-in next to registries added by name', async () => {
    const api = await treeApi();
    await settings.set('acrDoctor.registries', 'manual', ['contoso.azurecr.io', 'not a registry']);
    const labels = await rootLabels(api, (l) => l.includes('Other registries'), '"Other registries"');
    assert.deepEqual(labels, ['Sign in to Azure…', 'Other registries']);
    const signIn = (await rows(api)).find((r) => r.label === 'Sign in to Azure…');
    assert.equal(signIn?.item.command?.command, 'acrDoctor.signIn');
    const other = (await rows(api)).find((r) => r.label === 'Other registries')!;
    const children = await rows(api, other);
    assert.equal(children[0]?.label, 'contoso');
    // A bad entry is shown with the reason and a way to the setting, never dropped silently.
    const bad = children.find((r) => r.item.contextValue === 'acrDoctor.error');
    assert.match(bad?.label ?? '', /Cannot read "not a registry"/);
    assert.ok((await rows(api, bad)).some((r) => r.item.command?.command === 'workbench.action.openSettings'));
  });
});
