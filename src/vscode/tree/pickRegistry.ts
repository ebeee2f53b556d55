// The command-palette fallback of "Diagnose registry": a quick pick of every registry the tree
// knows (Azure + added by name), plus typing any login server.
import * as vscode from 'vscode';
import { describeRegistry } from '../../core/registry/summary';
import { parseRegistryInput } from '../../core/registry/target';
import type { Ctx } from '../context';
import { toRegistryArgument, type RegistryArgument } from './registryArgument';
import { registryServices } from './registryServices';

export async function pickRegistry(ctx: Ctx): Promise<RegistryArgument | undefined> {
  const { model } = registryServices(ctx);
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { arg?: RegistryArgument }>();
  quickPick.title = vscode.l10n.t('Diagnose registry');
  quickPick.placeholder = vscode.l10n.t('Pick a registry or type a login server (e.g. contoso.azurecr.io)');
  quickPick.matchOnDescription = true;
  quickPick.busy = true;
  quickPick.show();
  let known: (vscode.QuickPickItem & { arg?: RegistryArgument })[] = [];
  void model.allRegistries().then((elements) => {
    known = elements.map((el) => ({
      label: el.registry.name,
      description: el.source === 'manual' ? el.registry.loginServer : describeRegistry(el.registry),
      arg: toRegistryArgument(el),
    }));
    quickPick.items = known;
    quickPick.busy = false;
  });
  quickPick.onDidChangeValue((value) => {
    // Offer what was typed when it is a valid login server no listed registry matches.
    let typed: RegistryArgument | undefined;
    try {
      const t = parseRegistryInput(value);
      if (!known.some((k) => k.arg?.loginServer === t.loginServer)) typed = { loginServer: t.loginServer, name: t.name, origin: 'text' };
    } catch { /* not a login server (yet) */ }
    quickPick.items = typed ? [{ label: typed.loginServer, description: vscode.l10n.t('typed'), arg: typed }, ...known] : known;
  });
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.arg);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
  });
}
