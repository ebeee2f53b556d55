// "Export report" (Markdown or JSON, redacted) for an open report. A command can be run by anyone
// (another extension, a command link in rendered Markdown), so it always asks where to write; a
// `uri` argument only pre-fills the save dialog. The extension's API (report.exportTo) writes directly.
import * as vscode from 'vscode';
import { isRecord } from '../../shared/ipc';
import type { ExportFormat } from '../../shared/report-protocol';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';
import { targetFromArg } from './registry-target';

export const exportReportCommand = (ctx: Ctx) => async (arg?: unknown): Promise<vscode.Uri | undefined> => {
  const service = ReportService.of(ctx);
  const opts = isRecord(arg) ? arg : {};
  const target = targetFromArg(opts.loginServer ?? arg) ?? service.activePanel()?.target;
  const panel = target ? service.panel(target.loginServer) : undefined;
  if (!panel) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a registry report first (Diagnose registry).'));
    return undefined;
  }
  let format: ExportFormat | undefined = opts.format === 'json' || opts.format === 'markdown' ? opts.format : undefined;
  if (!format) {
    const pick = await vscode.window.showQuickPick([
      { label: vscode.l10n.t('Export Markdown'), format: 'markdown' as const },
      { label: vscode.l10n.t('Export JSON'), format: 'json' as const },
    ], { title: vscode.l10n.t('Export report') });
    format = pick?.format;
  }
  if (!format) return undefined;
  const uri = opts.uri instanceof vscode.Uri ? opts.uri : typeof opts.uri === 'string' ? vscode.Uri.file(opts.uri) : undefined;
  return service.exportReport(panel.state, format, { suggested: uri });
};
