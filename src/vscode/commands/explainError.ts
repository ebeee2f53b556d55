// "Explain an error": paste Docker/az output, get the likely causes; picking one opens its docs.
import * as vscode from 'vscode';
import { parseRegistryInput } from '../../core/registry/target';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';

export const explainError = (ctx: Ctx) => async (text?: unknown): Promise<string[]> => {
  const service = ReportService.of(ctx);
  const clip = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  const input = typeof text === 'string' ? text : await vscode.window.showInputBox({
    title: vscode.l10n.t('Paste an error'),
    prompt: vscode.l10n.t('Paste the output of docker or az; ACR Doctor names the likely causes.'),
    value: clip.length < 4000 && /error|denied|unauthorized|timeout|refused|forbidden|lookup/i.test(clip) ? clip : '',
    ignoreFocusOut: true,
  });
  if (!input?.trim()) return [];
  const target = service.activePanel()?.target ?? parseRegistryInput(/([a-z0-9]{5,50}\.azurecr\.(?:io|cn|us))/i.exec(input)?.[1] ?? 'myregistry');
  const causes = service.explain(input, target);
  const vc = service.viewContext();
  if (typeof text === 'string') return causes.map((c) => c.causeId);
  if (causes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No known cause matches this text.'));
    return [];
  }
  const pick = await vscode.window.showQuickPick(causes.map((c) => {
    const cause = vc.getCause(c.causeId);
    return { label: cause?.title[vc.lang] ?? c.causeId, detail: cause?.explanation[vc.lang], causeId: c.causeId };
  }), { title: vscode.l10n.t('Likely causes (choose one to open its docs)'), matchOnDetail: true });
  if (pick) await vscode.commands.executeCommand('acrDoctor.openCauseDocs', pick.causeId);
  return causes.map((c) => c.causeId);
};
