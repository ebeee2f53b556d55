// What is diagnosed beyond the registry, in the real extension host against the sandbox (healthy):
// acrDoctor.diagnose with { registry, image, operation }, the header form's messages (a well-formed
// target re-runs with it; a bad image or a hostile message gets a refusal, never a crash).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportSnapshot } from '../../../src/vscode/report/report-api';
import { acrDoctor, until } from './report-helpers';

const LOGIN_SERVER = 'contoso.azurecr.io';
const scopeOf = (s: ReportSnapshot) => s.state.checks.find((c) => c.id === 'login.credentials.aad')?.evidence.find((e) => e.key === 'scope')?.value;

describe('report target: image, operation, identity (extension host, sandbox)', function () {
  this.timeout(120_000);

  after(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  it('diagnoses the image and operation acrDoctor.diagnose is handed, and shows them in the header', async () => {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', { registry: LOGIN_SERVER, image: 'hello:v1', operation: 'push' });
    await report.settled(LOGIN_SERVER);
    const snap = report.snapshot(LOGIN_SERVER)!;
    assert.equal(snap.state.phase, 'done', snap.state.error);
    assert.deepEqual(snap.state.target && { image: snap.state.target.image, operation: snap.state.target.operation, identity: snap.state.target.identity },
      { image: 'hello:v1', operation: 'push', identity: { kind: 'azure' } });
    assert.equal(snap.state.target?.identityLabel, 'Azure sign-in');
    // The engine asked for the named repository's rights, not the catalog's.
    assert.match(scopeOf(snap) ?? '', /^repository:hello:/, JSON.stringify(snap.state.checks.find((c) => c.id === 'login.credentials.aad')));
  });

  it('re-runs with the target the header form sets', async () => {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', LOGIN_SERVER);
    await report.settled(LOGIN_SERVER);
    assert.equal(report.snapshot(LOGIN_SERVER)!.state.target?.image, 'hello:v1', 'a plain Diagnose keeps what the report diagnoses');
    const ok = report.snapshot(LOGIN_SERVER)!.responses?.ok ?? 0;
    await report.receive(LOGIN_SERVER, { method: 'target/set', params: { image: 'contoso.azurecr.io/team/app:2', operation: 'pull' }, req: 11 });
    await until(() => report.snapshot(LOGIN_SERVER)!.state.target?.image === 'team/app:2', 'the new target');
    await report.settled(LOGIN_SERVER);
    const snap = report.snapshot(LOGIN_SERVER)!;
    assert.equal(snap.responses?.ok, ok + 1);
    assert.equal(snap.state.target?.operation, 'pull');
    assert.equal(snap.state.phase, 'done', snap.state.error);
    assert.match(scopeOf(snap) ?? '', /^repository:team\/app:/);
  });

  it('refuses an image that is not one, saying why, and keeps the target', async () => {
    const { report } = await acrDoctor();
    const before = report.snapshot(LOGIN_SERVER)!;
    await report.receive(LOGIN_SERVER, { method: 'target/set', params: { image: 'Team/App:2', operation: 'pull' }, req: 12 });
    await report.receive(LOGIN_SERVER, { method: 'target/set', params: { image: 'fabrikam.azurecr.io/hello', operation: 'pull' }, req: 13 });
    const after = report.snapshot(LOGIN_SERVER)!;
    assert.equal(after.responses!.refused - before.responses!.refused, 2);
    assert.match(after.responses!.lastError ?? '', /is not an image of contoso\.azurecr\.io: .*another registry/);
    assert.equal(after.state.target?.image, before.state.target?.image);
  });

  it('refuses hostile target messages with an answer, and crashes nothing', async () => {
    const { report } = await acrDoctor();
    const before = report.snapshot(LOGIN_SERVER)!;
    const hostile = [
      { method: 'target/set', params: { image: 'hello', operation: 'delete' }, req: 20 },
      { method: 'target/set', params: { image: 'hello', operation: 'pull', password: 'hunter2' }, req: 21 },
      { method: 'target/set', params: { image: 'x'.repeat(10_000), operation: 'pull' }, req: 22 },
      { method: 'target/pickIdentity', params: { kind: 'sp', secret: 'x' }, req: 23 },
      { method: 'target/suggest', params: { text: 42 } },
    ];
    for (const m of hostile) await report.receive(LOGIN_SERVER, m);
    const after = report.snapshot(LOGIN_SERVER)!;
    assert.equal(after.ignored - before.ignored, hostile.length);
    assert.equal(after.responses!.refused - before.responses!.refused, 4, 'each one that asked for an answer got a refusal');
    assert.match(after.responses!.lastError ?? '', /refused a malformed request \(method "target\/pickIdentity"\)/);
    assert.equal(after.state.target?.image, before.state.target?.image);
    assert.ok(!JSON.stringify(after.state).includes('hunter2'));
  });

  it('suggests the registry\'s repositories and a repository\'s tags to the image field', async () => {
    const { report } = await acrDoctor();
    // The answer goes to the webview; the host's side of it must not fail.
    await report.receive(LOGIN_SERVER, { method: 'target/suggest', params: { text: 'hel' } });
    await report.receive(LOGIN_SERVER, { method: 'target/suggest', params: { text: 'hello:' } });
    assert.equal(report.snapshot(LOGIN_SERVER)!.state.phase, 'done');
  });

  it('asks for the secret of an identity a command names when none is stored, and runs nothing when cancelled', async () => {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until(() => !report.snapshot('northwind.azurecr.io') && true, 'no report for northwind');
    let resolved = false;
    const run = Promise.resolve(vscode.commands.executeCommand('acrDoctor.diagnose', { registry: 'northwind.azurecr.io', identity: 'admin' })).then(() => { resolved = true; });
    // The password box holds the command: nothing is diagnosed while it is open.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(resolved, false, 'the command did not wait for the admin password');
    assert.equal(report.snapshot('northwind.azurecr.io'), undefined, 'a report opened before the secret was given');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await run;
    assert.equal(report.snapshot('northwind.azurecr.io'), undefined, 'cancelling the password box still diagnosed');
  });
});
