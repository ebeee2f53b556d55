// "Run fix" from a problem's code action: the same confirmation and re-run as in the report.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';
import { fixArgs } from './fix-args';

export const runFix = (ctx: Ctx) => async (arg?: unknown): Promise<void> => {
  const args = fixArgs(arg);
  if (!args) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Run fix needs a registry, a cause and a fix; use it from the report or a problem.'));
    return;
  }
  const service = ReportService.of(ctx);
  const panel = service.open(args.target);
  try {
    await service.fixes.run(panel, panel.reportModel, { causeId: args.causeId, index: args.index });
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The fix failed: {0}', service.redact(err instanceof Error ? err.message : String(err))));
  }
};
