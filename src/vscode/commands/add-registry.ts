// Add a registry by name or login server (no Azure account needed): stored in
// `acrDoctor.registries.manual`, shown under "Other registries".
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { addManualRegistry } from '../../core/registry/manual-registries';
import { parseRegistryInput } from '../../core/registry/target';
import { registryServices } from '../tree/registry-services';

export const addRegistry = (ctx: Ctx) => async (input?: unknown): Promise<string | undefined> => {
  const session = await registryServices(ctx).sessions.get();
  const suffix = session?.registrySuffix ?? 'azurecr.io';
  const typed = typeof input === 'string' ? input : await vscode.window.showInputBox({
    title: vscode.l10n.t('Add registry by name'),
    prompt: vscode.l10n.t('Registry name or login server, e.g. contoso or contoso.azurecr.io'),
    placeHolder: `contoso.${suffix}`,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return undefined;
      try {
        parseRegistryInput(value, suffix);
        return undefined;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
  });
  if (typed === undefined || !typed.trim()) return undefined;
  const config = vscode.workspace.getConfiguration('acrDoctor.registries');
  const result = addManualRegistry(config.get<unknown>('manual'), typed, suffix);
  if (!result.ok) {
    if (result.reason === 'duplicate') {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in the list.', result.loginServer ?? typed));
      return result.loginServer;
    }
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  await config.update('manual', result.list, vscode.ConfigurationTarget.Global);
  ctx.log.info(`registry added by name: ${result.loginServer}`);
  return result.loginServer;
};
