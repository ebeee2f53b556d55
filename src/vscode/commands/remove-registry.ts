// Remove a registry that was added by name.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { readManualRegistries, removeManualRegistry } from '../../core/registry/manual-registries';
import { isRegistryElement } from '../tree/elements';

export const removeRegistry = (ctx: Ctx) => async (node?: unknown): Promise<boolean> => {
  const config = vscode.workspace.getConfiguration('acrDoctor.registries');
  const current = config.get<unknown>('manual');
  let loginServer = typeof node === 'string' ? node : isRegistryElement(node) ? node.registry.loginServer : undefined;
  if (!loginServer) {
    const listed = readManualRegistries(current).loginServers;
    if (!listed.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No registries were added by name.'));
      return false;
    }
    loginServer = await vscode.window.showQuickPick(listed, { title: vscode.l10n.t('Remove registry'), placeHolder: vscode.l10n.t('Registry to remove from Other registries') });
  }
  if (!loginServer) return false;
  const next = removeManualRegistry(current, loginServer);
  const before = Array.isArray(current) ? current.length : 0;
  if (next.length === before) return false;
  await config.update('manual', next.length ? next : undefined, vscode.ConfigurationTarget.Global);
  ctx.log.info(`registry removed: ${loginServer}`);
  return true;
};
