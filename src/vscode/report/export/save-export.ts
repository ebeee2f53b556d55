// Export: ask where to save (or, for the extension's own callers, use the given file), write
// Markdown or JSON, redacted. `suggested` only pre-fills the save dialog.
import * as vscode from 'vscode';
import type { ExportFormat, ReportState, ReportStrings } from '../../../shared/report-protocol';
import { reportToJson } from './json';
import { reportToMarkdown } from './markdown';

export async function exportReport(state: ReportState, format: ExportFormat, strings: ReportStrings,
  redact: (t: string) => string, target?: vscode.Uri, suggested?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const text = format === 'markdown' ? reportToMarkdown(state, strings, redact) : reportToJson(state, redact);
  const ext = format === 'markdown' ? 'md' : 'json';
  let uri = target;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `acr-doctor-${state.loginServer}-${(state.startedAt ?? new Date().toISOString()).slice(0, 10)}.${ext}`;
    uri = await vscode.window.showSaveDialog({
      defaultUri: suggested ?? (folder ? vscode.Uri.joinPath(folder, name) : undefined),
      filters: format === 'markdown' ? { Markdown: ['md'] } : { JSON: ['json'] },
      title: format === 'markdown' ? vscode.l10n.t('Export Markdown') : vscode.l10n.t('Export JSON'),
    });
    if (!uri) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Report saved to {0}', uri.fsPath || uri.toString()));
  return uri;
}
