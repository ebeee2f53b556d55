// Repositories and tags under a registry node, against the sandbox registry (healthy: contoso holds
// hello:v1), their Diagnose pull / push, and an error row when a registry cannot be listed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acrDoctor } from '../report/report-helpers';
import { eventually, rowNamed, rows, SettingsScope, treeApi, type Row } from './tree-helpers';

const LOGIN_SERVER = 'contoso.azurecr.io';

describe('registries tree: repositories and tags (sandbox)', function () {
  this.timeout(120_000);
  const settings = new SettingsScope();

  before(async () => {
    const api = await treeApi();
    assert.equal(await api.sessionKind(), 'servicePrincipal', 'the runner gives the host the sandbox service principal');
    assert.equal(await vscode.commands.executeCommand('acrDoctor.signIn'), true);
  });

  after(async () => {
    await settings.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function contoso(): Promise<Row> {
    const api = await treeApi();
    const tenant = await eventually(async () => (await rows(api)).find((r) => r.label === 'Contoso'), 'the Contoso tenant');
    return rowNamed(api, await rowNamed(api, tenant, 'Contoso Production'), 'contoso');
  }

  it('unfolds a registry into its repositories and a repository into its tags', async () => {
    const api = await treeApi();
    const registry = await contoso();
    assert.equal(registry.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const repos = await rows(api, registry);
    const hello = repos.find((r) => r.label === 'hello');
    assert.ok(hello, `repositories: ${repos.map((r) => `${r.label} (${r.item.contextValue})`).join(', ')}`);
    assert.equal(hello.item.contextValue, 'acrDoctor.repository');
    const tags = await rows(api, hello);
    const v1 = tags.find((r) => r.label === 'v1');
    assert.ok(v1, `tags: ${tags.map((r) => r.label).join(', ')}`);
    assert.equal(v1.item.contextValue, 'acrDoctor.tag');
    assert.equal(v1.item.tooltip, 'contoso.azurecr.io/hello:v1');
  });

  it('Diagnose pull / push on a tag and pull on a repository diagnose that image', async () => {
    const api = await treeApi();
    const { report } = await acrDoctor();
    const hello = await rowNamed(api, await contoso(), 'hello');
    const v1 = await rowNamed(api, hello, 'v1');
    for (const [command, el, image, operation] of [
      ['acrDoctor.diagnosePull', v1.element, 'hello:v1', 'pull'],
      ['acrDoctor.diagnosePush', v1.element, 'hello:v1', 'push'],
      ['acrDoctor.diagnosePull', hello.element, 'hello', 'pull'],
    ] as const) {
      await vscode.commands.executeCommand(command, el);
      await report.settled(LOGIN_SERVER);
      const target = report.snapshot(LOGIN_SERVER)?.state.target;
      assert.deepEqual([target?.image, target?.operation], [image, operation], command);
      assert.equal(report.snapshot(LOGIN_SERVER)?.state.phase, 'done');
    }
  });

  it('shows why a registry cannot be listed as an error row with Retry', async () => {
    const api = await treeApi();
    await settings.set('acrDoctor.registries', 'manual', ['nowhere.azurecr.io']);
    const other = await eventually(async () => (await rows(api)).find((r) => r.label === 'Other registries'), 'Other registries');
    const nowhere = await eventually(async () => (await rows(api, other)).find((r) => r.label === 'nowhere'), 'the manual registry');
    const children = await rows(api, nowhere);
    assert.equal(children.length, 1, children.map((c) => c.label).join(', '));
    assert.equal(children[0].item.contextValue, 'acrDoctor.error');
    assert.match(children[0].label, /^Cannot reach nowhere\.azurecr\.io to list the repositories of nowhere\.azurecr\.io$/);
    const retry = await rows(api, children[0]);
    assert.ok(retry.some((r) => r.label === 'Retry'), retry.map((r) => r.label).join(', '));
  });
});
