// Quick fixes on our problems: correct the name, run or copy the cause's fixes from the
// latest diagnosis, open the docs, and "Diagnose registry".
import * as vscode from 'vscode';
import type { ResolvedFix } from '../../core/catalogue/types';
import type { DiagnosisStore } from '../report/diagnosis-store';
import { PROBLEM_SOURCE, type RegistryProblems } from './registry-problems';

export class RegistryCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly problems: RegistryProblems, private readonly store: DiagnosisStore,
    private readonly lang: () => 'en' | 'nl', private readonly canRun: (fix: ResolvedFix) => boolean) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const diagnosed = new Set<string>();
    for (const d of context.diagnostics) {
      if (d.source !== PROBLEM_SOURCE) continue;
      const lookalike = this.problems.lookalikeOf(d);
      if (lookalike) {
        const fix = new vscode.CodeAction(vscode.l10n.t('Write the login server: {0}', `${lookalike.loginServer}${lookalike.image.slice(lookalike.end - lookalike.start)}`), vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(doc.uri, d.range, lookalike.loginServer);
        fix.diagnostics = [d];
        fix.isPreferred = true;
        actions.push(fix);
        continue;
      }
      const e = this.problems.entryOf(d);
      if (!e) continue;
      if (e.suggestion) {
        const fix = new vscode.CodeAction(vscode.l10n.t('Change to {0}', e.suggestion), vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(doc.uri, d.range, e.suggestion);
        fix.diagnostics = [d];
        fix.isPreferred = true;
        actions.push(fix);
      }
      if (e.fromDiagnosis && e.loginServer) {
        const cause = this.store.latest(e.loginServer)?.causes.find((c) => c.causeId === e.causeId);
        cause?.fixes.forEach((f, index) => {
          const args = [{ loginServer: e.loginServer, causeId: e.causeId, index }];
          if (this.canRun(f)) {
            actions.push(command(vscode.l10n.t('Run fix: {0}', f.title[this.lang()]), 'acrDoctor.runFix', args, d));
          }
          if (f.command) actions.push(command(vscode.l10n.t('Copy command: {0}', f.command), 'acrDoctor.copyFixCommand', args, d));
        });
      }
      actions.push(command(vscode.l10n.t('Open docs: {0}', e.title), 'acrDoctor.openCauseDocs', [e.causeId], d));
      if (e.loginServer && !diagnosed.has(e.loginServer)) {
        diagnosed.add(e.loginServer);
        actions.push(command(vscode.l10n.t('Diagnose registry {0}', e.loginServer), 'acrDoctor.diagnose', [{ loginServer: e.loginServer }], d));
      }
      // The image the line names, and whether the file pushes it, go into the diagnosis.
      const key = e.loginServer && e.image ? `${e.loginServer}/${e.image} ${e.operation}` : undefined;
      if (key && !diagnosed.has(key)) {
        diagnosed.add(key);
        const title = e.operation === 'push'
          ? vscode.l10n.t('Diagnose push of {0}', `${e.loginServer}/${e.image}`)
          : vscode.l10n.t('Diagnose pull of {0}', `${e.loginServer}/${e.image}`);
        actions.push(command(title, 'acrDoctor.diagnose', [{ registry: e.loginServer, image: e.image, operation: e.operation }], d));
      }
    }
    return actions;
  }
}

function command(title: string, id: string, args: unknown[], d: vscode.Diagnostic): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.command = { command: id, title, arguments: args };
  a.diagnostics = [d];
  return a;
}
