// Inline problems on a sample Dockerfile in the real editor: the cheap name check at once, the
// latest diagnosis's causes after one, and code actions that offer the fix and "Diagnose registry".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acrDoctor, until } from './report-helpers';

describe('inline problems (extension host)', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test workspace has a folder');
    const file = vscode.Uri.joinPath(folder, 'app', 'Dockerfile');
    const text = [
      'FROM --platform=linux/amd64 Contoso.azurecr.io/sdk:8 AS build',
      'RUN echo build',
      'FROM contoso.azurecr.com/runtime:8',
      'FROM contoso.azurecr.io/runtime:8',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
    doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
  });

  after(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  const ours = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ACR Doctor');
  const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

  it('flags upper case and a wrong cloud suffix on the FROM lines, with the docs link', async () => {
    const diags = await until(() => { const d = ours(); return d.length >= 2 && d; }, 'name problems on the Dockerfile');
    const upper = diags.find((d) => codeOf(d) === 'name.upper-case');
    const suffix = diags.find((d) => codeOf(d) === 'name.wrong-cloud-suffix');
    assert.ok(upper && suffix, diags.map((d) => `${codeOf(d)} ${d.message}`).join('; '));
    assert.equal(upper.range.start.line, 0);
    assert.equal(doc.getText(upper.range), 'Contoso.azurecr.io');
    assert.equal(suffix.range.start.line, 2);
    const target = typeof upper.code === 'object' ? upper.code.target.toString() : '';
    assert.match(target, /^https:\/\/learn\.microsoft\.com\/(en-us|nl-nl)\/azure\/container-registry\/container-registry-troubleshoot-login-authn-authz#specify-correct-registry-name$/);
  });

  it('offers "Change to …" and "Diagnose registry" as code actions, and the edit fixes the name', async () => {
    const upper = ours().find((d) => codeOf(d) === 'name.upper-case')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, upper.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const change = actions.find((a) => a.title === 'Change to contoso.azurecr.io');
    assert.ok(change?.edit, titles.join(' | '));
    assert.ok(titles.includes('Diagnose registry contoso.azurecr.io'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Open docs: ')), titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.ok(doc.lineAt(0).text.includes(' contoso.azurecr.io/sdk:8'));
    await until(() => !ours().some((d) => codeOf(d) === 'name.upper-case'), 'the upper-case problem to go away after the edit');
  });

  it('adds the latest diagnosis of the registry to its references', async () => {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', 'contoso.azurecr.io');
    await report.settled('contoso.azurecr.io');
    const causes = report.snapshot('contoso.azurecr.io')!.state.causes.map((c) => c.causeId);
    const fromDiagnosis = report.scanProblems(doc).filter((d) => d.message.includes('(latest diagnosis)')).map(codeOf);
    // The healthy sandbox may report no cause; whatever it reports shows on the references.
    assert.deepEqual([...new Set(fromDiagnosis)].sort(), [...new Set(causes.slice(0, 3))].sort());
  });
});
