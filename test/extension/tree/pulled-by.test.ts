// "Pulled by" under a registry: the Azure resources that pull from it with their health, from an
// in-host ARM simulator holding an App Service app whose identity lacks AcrPull, a healthy
// Container App, an app in sidecar mode whose sidecar lacks AcrPull, an ACR task without AcrPull,
// an offline connected registry and the world's AKS cluster; "Diagnose pull by this service" opens
// the report for that service's identity, and on the AKS row the AKS diagnosis (--identity aks:).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addConnectedRegistry, addContainerApp, addSite, addTask, addUserAssignedIdentity, grant } from '../../../sandbox/scenarios/puller-world';
import { acrDoctor, until } from '../report/report-helpers';
import { signInThrough, startOwnSimulator, type OwnSimulator } from './own-arm-simulator';
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
    const reg = own.state.registries[0];
    grant(own.state, reg, addContainerApp(own.state, { name: 'contoso-api', pullWith: 'system' }, now).principalId!, 'AcrPull', now);
    const sidecarId = addUserAssignedIdentity(own.state, 'contoso-shop-otel', now);
    const shop = addSite(own.state, {
      name: 'contoso-shop', pullWith: 'system', sidecarMode: true, userAssigned: [sidecarId],
      containers: [{ name: 'main', isMain: true, authType: 'SystemIdentity' }, { name: 'otel', image: 'contoso.azurecr.io/otel:1', authType: 'UserAssigned', clientId: sidecarId.clientId }],
    }, now);
    grant(own.state, reg, shop.principalId!, 'AcrPull', now);
    addTask(own.state, reg, { name: 'build-web', pullWith: 'system' }, now);
    addConnectedRegistry(reg, 'edge1', { connectionState: 'Offline' }, now);
    await signInThrough(own, settings);
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

  it('lists sidecars, ACR tasks, connected registries and AKS clusters too, each with its kind and health', async () => {
    const api = await treeApi();
    const list = await rows(api, await pulledBy());
    const by = (n: string) => list.find((r) => r.label === n);
    const seen = list.map((r) => `${r.label} (${String(r.item.description)})`).join(', ');
    assert.match(String(by('contoso-shop')?.item.description), /^App Service app · can pull$/, seen);
    assert.match(String(by('contoso-shop/otel')?.item.description), /^App Service sidecar · cannot pull$/, seen);
    assert.match(String(by('contoso-shop/otel')?.item.tooltip), /sitecontainers\/otel\npullers\.identity-missing-acrpull/);
    assert.match(String(by('build-web')?.item.description), /^ACR task · cannot pull$/, seen);
    assert.match(String(by('edge1')?.item.description), /^connected registry · cannot pull$/, seen);
    assert.match(String(by('edge1')?.item.tooltip), /pullers\.connected-registry-offline/);
    assert.match(String(by('contoso-aks')?.item.description), /^AKS cluster · can pull$/, seen);
    for (const r of ['contoso-shop/otel', 'build-web', 'edge1', 'contoso-aks']) assert.equal(by(r)?.item.contextValue, 'acrDoctor.puller', r);
  });

  it('Diagnose pull by on an AKS row runs the AKS diagnosis for that cluster', async () => {
    const api = await treeApi();
    const { report } = await acrDoctor();
    const aks = await rowNamed(api, await pulledBy(), 'contoso-aks');
    await vscode.commands.executeCommand('acrDoctor.diagnosePullBy', aks.element);
    await report.settled(LOGIN_SERVER);
    const state = await until(() => report.snapshot(LOGIN_SERVER)?.state, 'the report');
    assert.deepEqual(state.target?.identity, { kind: 'aks', cluster: 'contoso-aks' });
    assert.equal(state.target?.operation, 'pull');
    // The AKS diagnosis (kubelet identity, node subnets' egress), not the pullers area.
    assert.ok(state.checks.some((c) => /aks/i.test(c.id) && c.status !== 'skipped'), `checks: ${state.checks.map((c) => `${c.id}=${c.status}`).join(', ')}`);
    assert.ok(!state.checks.some((c) => c.id === 'pullers.list' && c.status !== 'skipped'), 'the pullers area ran for an AKS row');
  });

  it('Diagnose pull by on a sidecar row judges that sidecar', async () => {
    const api = await treeApi();
    const { report } = await acrDoctor();
    const otel = await rowNamed(api, await pulledBy(), 'contoso-shop/otel');
    await vscode.commands.executeCommand('acrDoctor.diagnosePullBy', otel.element);
    await report.settled(LOGIN_SERVER);
    const state = await until(() => report.snapshot(LOGIN_SERVER)?.state, 'the report');
    assert.equal(state.target?.identity.kind, 'service');
    assert.ok(state.causes.some((c) => c.causeId === 'pullers.identity-missing-acrpull'), `causes: ${state.causes.map((c) => c.causeId).join(', ')}`);
    assert.match(JSON.stringify(state.checks.find((c) => c.id === 'pullers.list')?.evidence ?? []), /contoso-shop\/otel \(App Service sidecar\): fail/);
  });
});
