// Sign in to Azure: VS Code's Microsoft account picker, or the configured service principal
// (asking for its client secret once, kept in SecretStorage, when only that is missing).
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { redact } from '../../core/text/redact';
import { registryServices } from '../tree/registry-services';

export const signIn = (ctx: Ctx) => async (): Promise<boolean> => {
  const { sessions } = registryServices(ctx);
  let session = await sessions.get();
  if (!session) {
    const missing = sessions.missing ?? [];
    if (missing.length === 1 && missing[0] === 'AZURE_CLIENT_SECRET') {
      const secret = await vscode.window.showInputBox({
        title: vscode.l10n.t('Sign in as a service principal'),
        prompt: vscode.l10n.t('Client secret of the service principal (stored in VS Code\'s secret storage)'),
        password: true,
        ignoreFocusOut: true,
      });
      if (!secret) return false;
      await sessions.storeClientSecret(secret);
      session = await sessions.get();
    }
    if (!session) {
      const open = vscode.l10n.t('Open settings');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('Service principal sign-in is incomplete: {0} missing', missing.join(', ')), open);
      if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'acrDoctor.azure');
      return false;
    }
  }
  try {
    const ok = await session.signIn();
    if (ok) ctx.log.info(`signed in to Azure (${session.kind})`);
    return ok;
  } catch (err) {
    // Entra's errors can quote what they were sent (a client secret, an assertion).
    const message = redact(err instanceof Error ? err.message : String(err));
    ctx.log.warn(`sign-in failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Azure sign-in failed: {0}', message));
    return false;
  }
};
