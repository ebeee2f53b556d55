// Sign out: ACR Doctor stops using the account. VS Code has no API to remove a Microsoft account,
// so for that one the user is pointed to the Accounts menu.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { registryServices } from '../tree/registry-services';

export const signOut = (ctx: Ctx) => async (): Promise<void> => {
  const session = await registryServices(ctx).sessions.get();
  if (!session) return;
  await session.signOut();
  ctx.log.info(`signed out of Azure (${session.kind})`);
  if (session.kind === 'vscode') {
    void vscode.window.showInformationMessage(vscode.l10n.t(
      'ACR Doctor no longer uses your Azure account. To remove the account from VS Code, use Sign Out in the Accounts menu.'));
  }
};
