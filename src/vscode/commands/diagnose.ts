// "Diagnose registry": from a tree node, a Container Tools node, a problem's code action, or the
// command palette (a quick pick of known registries, or a name typed in).
import * as vscode from 'vscode';
import { parseRegistryInput, RegistryInputError, type RegistryTarget } from '../../core/registry/target';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';
import { registryServices } from '../tree/registryServices';
import { targetFromArg } from './registry-target';

export const diagnose = (ctx: Ctx) => async (arg?: unknown): Promise<void> => {
  const target = arg === undefined ? await pickTarget(ctx) : targetFromArg(arg);
  if (!target) {
    if (arg !== undefined) {
      ctx.log.warn('diagnose: the selected item names no Azure container registry');
      void vscode.window.showErrorMessage(vscode.l10n.t('This item does not name an Azure container registry. Choose one from the list or type its name.'));
    }
    return;
  }
  await ReportService.of(ctx).diagnose(target);
};

async function pickTarget(ctx: Ctx): Promise<RegistryTarget | undefined> {
  const typeIn = vscode.l10n.t('$(edit) Enter a registry name or login server…');
  const known = await registryServices(ctx).model.allRegistries().catch(() => []);
  let input: string | undefined;
  if (known.length) {
    const items: vscode.QuickPickItem[] = [
      ...known.map((r) => ({ label: r.registry.loginServer, description: [r.registry.sku, r.registry.location].filter(Boolean).join(' · ') })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: typeIn, alwaysShow: true },
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Diagnose registry'), placeHolder: vscode.l10n.t('Choose a registry') });
    if (!pick) return undefined;
    if (pick.label !== typeIn) input = pick.label;
  }
  input ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('Diagnose registry'),
    prompt: vscode.l10n.t('Resource name (contoso) or login server (contoso.azurecr.io)'),
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (!v.trim()) return undefined;
      try { parseRegistryInput(v); return undefined; } catch (e) { return e instanceof RegistryInputError ? e.message : String(e); }
    },
  });
  if (!input?.trim()) return undefined;
  return parseRegistryInput(input);
}
