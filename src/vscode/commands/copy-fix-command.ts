// "Copy command" from a problem's code action: the filled-in az/docker command to the clipboard.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';
import { ReportModel } from '../report/report-model';
import { fixArgs } from './fix-args';

export const copyFixCommand = (ctx: Ctx) => async (arg?: unknown): Promise<void> => {
  const args = fixArgs(arg);
  if (!args) return;
  const service = ReportService.of(ctx);
  let model = service.panel(args.target.loginServer)?.reportModel;
  if (!model) {
    const latest = service.store.latest(args.target.loginServer);
    if (!latest) return;
    model = new ReportModel(args.target.loginServer, service.viewContext(), vscode.workspace.isTrusted);
    model.restoreReport(latest);
  }
  await service.fixes.copy(args.target, model, { causeId: args.causeId, index: args.index });
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Command copied to the clipboard'), 3000);
};
