// The report panel in the real extension host against the sandbox world (healthy scenario):
// it opens, its webview script runs under the CSP and completes the handshake, findings stream
// into it, and hostile webview messages are ignored.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acrDoctor, until } from './report-helpers';

const LOGIN_SERVER = 'contoso.azurecr.io';

describe('report panel (extension host, sandbox)', function () {
  this.timeout(90_000);

  after(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  it('opens from "Diagnose registry", streams findings and ends with a report', async () => {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', LOGIN_SERVER);
    await report.settled(LOGIN_SERVER);
    const snap = await until(() => { const s = report.snapshot(LOGIN_SERVER); return s?.webviewReady && s; }, 'the webview ready handshake');
    assert.equal(snap.state.loginServer, LOGIN_SERVER);
    assert.equal(snap.state.phase, 'done', snap.state.error);
    assert.ok(snap.state.checks.length >= 5, `only ${snap.state.checks.length} checks`);
    assert.ok(snap.state.checks.some((c) => c.area === 'login') && snap.state.checks.some((c) => c.area === 'network'), 'both sections');
    assert.ok(snap.state.checks.every((c) => c.status !== 'pending'), 'every check finished');
    assert.ok(snap.state.checks.some((c) => c.status === 'pass'), 'the healthy sandbox passes checks');
    assert.ok(snap.state.checks.every((c) => typeof c.durationMs === 'number'), 'timings');
    assert.ok(snap.posted.states + snap.posted.checks >= 1, 'nothing was posted to the webview');
    assert.ok(snap.visible, 'the panel is visible');
  });

  it('re-runs when asked by the webview, streaming each finding to it', async () => {
    const { report } = await acrDoctor();
    const before = report.snapshot(LOGIN_SERVER)!;
    await report.receive(LOGIN_SERVER, { method: 'report/rerun', params: {} });
    await until(() => report.snapshot(LOGIN_SERVER)?.state.phase === 'running' || report.snapshot(LOGIN_SERVER)!.posted.checks > before.posted.checks, 'a re-run');
    await report.settled(LOGIN_SERVER);
    const after = report.snapshot(LOGIN_SERVER)!;
    assert.equal(after.state.phase, 'done');
    assert.ok(after.posted.checks - before.posted.checks >= after.state.checks.length - 1,
      `expected about one streamed update per check (${after.state.checks.length}), got ${after.posted.checks - before.posted.checks}`);
  });

  it('traces the host\'s phases of a run, in order, for the bench', async () => {
    const { report } = await acrDoctor();
    await report.receive(LOGIN_SERVER, { method: 'report/rerun', params: {} });
    await report.settled(LOGIN_SERVER);
    const trace = report.snapshot(LOGIN_SERVER)?.trace;
    assert.ok(trace, 'no trace in the snapshot');
    const at = (phase: string) => { const s = trace.spans.find((x) => x.phase === phase); assert.ok(s, `no ${phase} in ${JSON.stringify(trace.spans)}`); return s; };
    const engine = at('engine run'); const load = at('load engine.js'); const settled = at('settled');
    assert.ok(load.endMs <= engine.startMs && engine.endMs <= settled.startMs, JSON.stringify(trace.spans));
    assert.equal(trace.engineStartMs, engine.startMs);
    assert.ok(at('first finding posted').startMs <= settled.startMs, 'the first finding is posted before the run settles');
  });

  it('re-runs a single check and keeps the others', async () => {
    const { report } = await acrDoctor();
    const before = report.snapshot(LOGIN_SERVER)!.state;
    const one = before.checks.find((c) => c.status === 'pass')!;
    await report.receive(LOGIN_SERVER, { method: 'check/rerun', params: { checkId: one.id } });
    await report.settled(LOGIN_SERVER);
    const after = report.snapshot(LOGIN_SERVER)!.state;
    assert.equal(after.checks.length, before.checks.length);
    assert.equal(after.checks.find((c) => c.id === one.id)?.status, 'pass');
  });

  it('ignores hostile messages (counted and logged), and answers a bad fix reference with an error', async () => {
    const { report } = await acrDoctor();
    const ignoredBefore = report.snapshot(LOGIN_SERVER)!.ignored;
    const hostile: unknown[] = [
      null, 'fix/run', { method: 'fix/run', params: { causeId: 'x', index: 0, command: 'rm -rf /' } },
      { method: 'docs/open', params: { url: 'javascript:alert(1)' } }, { method: 'eval', params: {} },
      { method: 'check/rerun', params: { checkId: 'no.such.check' } }, { method: 'docs/open', params: { causeId: 'no.such.cause' } },
    ];
    for (const m of hostile) await report.receive(LOGIN_SERVER, m);
    assert.equal(report.snapshot(LOGIN_SERVER)!.ignored - ignoredBefore, hostile.length);
    // Well-formed but naming a fix that is not offered: handled, no crash, the state is untouched.
    const state = report.snapshot(LOGIN_SERVER)!.state;
    await report.receive(LOGIN_SERVER, { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 0 }, req: 1 });
    assert.equal(report.snapshot(LOGIN_SERVER)!.state.phase, state.phase);
  });

  it('exports Markdown and JSON without secrets', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test workspace has a folder');
    const md = vscode.Uri.joinPath(folder, 'report.md');
    const json = vscode.Uri.joinPath(folder, 'report.json');
    const { report } = await acrDoctor();
    await report.exportTo(LOGIN_SERVER, 'markdown', md);
    await report.exportTo(LOGIN_SERVER, 'json', json);
    const mdText = Buffer.from(await vscode.workspace.fs.readFile(md)).toString('utf8');
    const jsonText = Buffer.from(await vscode.workspace.fs.readFile(json)).toString('utf8');
    assert.match(mdText, /contoso\.azurecr\.io/);
    assert.equal(JSON.parse(jsonText).loginServer, LOGIN_SERVER);
    const secret = process.env.AZURE_CLIENT_SECRET;
    assert.ok(secret && secret.length > 8, 'the sandbox gives a client secret to look for');
    for (const text of [mdText, jsonText]) assert.ok(!text.includes(secret), 'the client secret leaked into an export');
  });

  it('the export command asks where to write even when given a file (anyone can run a command)', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const planted = vscode.Uri.joinPath(folder, 'planted-by-command.md');
    const exported = vscode.commands.executeCommand<vscode.Uri | undefined>('acrDoctor.exportReport', { loginServer: LOGIN_SERVER, format: 'markdown', uri: planted });
    // The save dialog (a quick input in this VS Code) is open: dismiss it as a user would.
    let answer: vscode.Uri | undefined | 'pending' = 'pending';
    void exported.then((u) => { answer = u; });
    for (let i = 0; i < 50 && answer === 'pending'; i++) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(answer, undefined, 'dismissing the dialog writes nothing');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(planted)), 'the file named by the caller was not written');
  });

  it('closes and reopens the same registry in one panel', async () => {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', { loginServer: LOGIN_SERVER });
    await report.settled(LOGIN_SERVER);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(LOGIN_SERVER));
    assert.equal(tabs.length, 1);
  });
});
