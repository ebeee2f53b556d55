// "Open docs" for a cause: the exact anchor, in the display language's locale.
import * as vscode from 'vscode';
import { isShortString } from '../../shared/ipc';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';

export const openCauseDocs = (ctx: Ctx) => async (causeId?: unknown): Promise<boolean> => {
  const service = ReportService.of(ctx);
  const vc = service.viewContext();
  const cause = isShortString(causeId, 100) ? vc.getCause(causeId) : undefined;
  if (!cause) {
    ctx.log.warn(`open docs: unknown cause ${String(causeId).slice(0, 100)}`);
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(vc.causeDocsUrl(cause), true));
};
