// acrDoctor.client in the real extension host against the sandbox world: set to podman, a
// diagnosis checks podman (installed, its auth.json, its containers.conf) instead of docker, and
// the findings name podman; back to automatic, docker's checks return.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SettingsScope } from '../tree/tree-helpers';
import { acrDoctor } from './report-helpers';

const LOGIN_SERVER = 'contoso.azurecr.io';

describe('acrDoctor.client (extension host, sandbox)', function () {
  this.timeout(120_000);
  const settings = new SettingsScope();

  after(async () => {
    await settings.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('podman: the diagnosis checks podman, not docker, and its findings name podman', async () => {
    await settings.set('acrDoctor', 'client', 'podman');
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', LOGIN_SERVER);
    await report.settled(LOGIN_SERVER);
    const state = report.snapshot(LOGIN_SERVER)!.state;
    assert.equal(state.phase, 'done', state.error);
    const ids = state.checks.map((c) => c.id);
    const podman = state.checks.find((c) => c.id === 'login.podman.cli');
    assert.ok(podman, `no podman check among ${ids.join(', ')}`);
    assert.equal(podman.status, 'pass', podman.message);
    assert.match(podman.message, /^podman \S+ at \S*podman;/, podman.message);
    assert.ok(ids.includes('login.podman.containers-conf'), ids.join(', '));
    for (const docker of ['login.docker.cli', 'login.docker.daemon', 'login.docker.client-version']) assert.ok(!ids.includes(docker), `${docker} ran for podman`);
    const config = state.checks.find((c) => c.id === 'login.docker.config');
    assert.ok(config, 'the stored-login file check ran');
    assert.ok(config.evidence.some((e) => e.key === 'client' && e.value === 'podman'), `login.docker.config read docker's file: ${JSON.stringify(config.evidence)}`);
    const stored = state.checks.find((c) => c.id === 'login.docker.stored-credential');
    assert.ok(stored, 'the stored-credential check ran');
    assert.match(stored.message, /\bpodman\b/, stored.message);
    assert.doesNotMatch(stored.message, /\bdocker\b(?!-credential)/, stored.message);
  });

  it('back to automatic: docker (on PATH in the sandbox) is diagnosed again', async () => {
    await settings.restore();
    const { report } = await acrDoctor();
    await report.receive(LOGIN_SERVER, { method: 'report/rerun', params: {} });
    await report.settled(LOGIN_SERVER);
    const ids = report.snapshot(LOGIN_SERVER)!.state.checks.map((c) => c.id);
    assert.ok(ids.includes('login.docker.cli'), ids.join(', '));
    assert.ok(!ids.includes('login.podman.cli'), ids.join(', '));
  });
});
