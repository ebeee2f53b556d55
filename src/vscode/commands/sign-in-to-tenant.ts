// Sign in to one tenant that needs its own login (MFA, conditional access, a guest directory).
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { TenantElement } from '../tree/elements';
import { registryServices } from '../tree/registry-services';

export const signInToTenant = (ctx: Ctx) => async (node?: TenantElement | string): Promise<boolean> => {
  const { sessions, model } = registryServices(ctx);
  const session = await sessions.get();
  if (!session || !(await session.isSignedIn())) {
    return (await vscode.commands.executeCommand<boolean>('acrDoctor.signIn')) ?? false;
  }
  let tenantId = typeof node === 'string' ? node : node?.kind === 'tenant' ? node.tenant.tenantId : undefined;
  if (!tenantId) {
    const tenants = (await session.listTenants()).filter((t) => !t.signedIn);
    if (!tenants.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('You are signed in to every tenant of this account.'));
      return false;
    }
    const pick = await vscode.window.showQuickPick(
      tenants.map((t) => ({ label: t.displayName, description: t.tenantId, detail: t.defaultDomain, tenantId: t.tenantId })),
      { title: vscode.l10n.t('Sign in to a tenant'), placeHolder: vscode.l10n.t('Select a tenant (directory) to sign in to'), matchOnDescription: true },
    );
    tenantId = pick?.tenantId;
  }
  if (!tenantId) return false;
  try {
    const ok = await session.signInToTenant(tenantId);
    model.refresh();
    return ok;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not sign in to tenant {0}: {1}', tenantId, message));
    return false;
  }
};
