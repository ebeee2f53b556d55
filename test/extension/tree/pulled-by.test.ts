// "Pulled by" under a registry: the Azure resources that pull from it with their health, from an
// in-host ARM simulator holding an App Service app whose identity lacks AcrPull and a healthy
// Container App; "Diagnose pull by this service" opens the report for that service's identity.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addContainerApp, addSite, grant } from '../../../sandbox/scenarios/puller-world';
import { acrDoctor, until } from '../report/report-helpers';
import { startOwnSimulator, type OwnSimulator } from './own-arm-simulator';
import { eventually, rootLabels, rowNamed, rows, SettingsScope, treeApi, type Row } from './tree-helpers';

const LOGIN_SERVER = 'contoso.azurecr.io';

describe('registries tree: Pulled by', function () {
  this.timeout(120_000);
  const settings = new SettingsScope();
  let own: OwnSimulator;

  before(async () => {
    own = await startOwnSimulator();
    const now = new Date();
    addSite(own.state, { name: 'contoso-web', pullWith: 'system' }, now);
    grant(own.state, own.state.registries[0], addContainerApp(own.state, { name: 'contoso-api', pullWith: 'system' }, now).principalId!, 'AcrPull', now);
    await settings.set('acrDoctor.azure', 'signIn', 'servicePrincipal');
    await settings.set('acrDoctor.azure', 'tenantId', process.env.AZURE_TENANT_ID);
    await settings.set('acrDoctor.azure', 'clientId', process.env.AZURE_CLIENT_ID);
    await settings.set('acrDoctor.azure', 'authorityHost', own.url);
    await settings.set('acrDoctor.azure', 'armEndpoint', own.url);
    assert.equal(await vscode.commands.executeCommand('acrDoctor.signIn'), true);
    await vscode.commands.executeCommand('acrDoctor.refreshRegistries');
  });

  after(async () => {
    await settings.restore();
    await own?.stop();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function pulledBy(): Promise<Row> {
    const api = await treeApi();
    await rootLabels(api, (l) => l.includes('Contoso'), 'tenants from the in-host simulator');
    const registry = await eventually(async () => (await rows(api, await rowNamed(api, await rowNamed(api, undefined, 'Contoso'), 'Contoso Production'))).find((r) => r.label === 'contoso'), 'contoso');
    return rowNamed(api, registry, 'Pulled by');
  }

  it('lists the resources that pull from the registry, with their health', async () => {
    const api = await treeApi();
    const node = await pulledBy();
    assert.equal(node.item.contextValue, 'acrDoctor.pulledBy');
    const list = await rows(api, node);
    const web = list.find((r) => r.label === 'contoso-web');
    const app = list.find((r) => r.label === 'contoso-api');
    assert.ok(web && app, `rows: ${list.map((r) => `${r.label} (${String(r.item.description)})`).join(', ')}`);
    assert.equal(web.item.contextValue, 'acrDoctor.puller');
    assert.match(String(web.item.description), /^App Service app · cannot pull$/);
    assert.match(String(web.item.tooltip), /pullers\.identity-missing-acrpull/);
    assert.match(String(app.item.description), /^Container App · can pull$/);
  });

  it('Diagnose pull by this service opens the report for that service\'s identity, with its cause', async () => {
    const api = await treeApi();
    const { report } = await acrDoctor();
    const web = await rowNamed(api, await pulledBy(), 'contoso-web');
    await vscode.commands.executeCommand('acrDoctor.diagnosePullBy', web.element);
    await report.settled(LOGIN_SERVER);
    const state = await until(() => report.snapshot(LOGIN_SERVER)?.state, 'the report');
    assert.equal(state.target?.identity.kind, 'service');
    assert.equal(state.target?.operation, 'pull');
    assert.match(state.target?.identityLabel ?? '', /^Azure service contoso-web$/);
    assert.ok(state.causes.some((c) => c.causeId === 'pullers.identity-missing-acrpull'), `causes: ${state.causes.map((c) => c.causeId).join(', ')}`);
  });
});
