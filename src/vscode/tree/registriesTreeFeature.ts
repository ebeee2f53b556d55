// Activation of the registries tree: both view ids (Azure container / own container), the health
// decorations, the context keys the welcome view and menus read, and the listeners that refresh.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { REGISTRIES_VIEWS } from '../viewIds';
import { registryServices } from './registryServices';

export const SIGNED_IN_CONTEXT_KEY = 'acrDoctor.signedIn';
export const SIGN_IN_MODE_CONTEXT_KEY = 'acrDoctor.signInMode';

export async function registriesTree(ctx: Ctx): Promise<void> {
  const { sessions, health, model, provider, decorations } = registryServices(ctx);
  for (const id of REGISTRIES_VIEWS) {
    ctx.register(vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
  }
  ctx.register(vscode.window.registerFileDecorationProvider(decorations));
  ctx.register(health.onDidChange(() => model.repaint()));

  const updateContext = async () => {
    const session = await sessions.get();
    const signedIn = !!session && (await session.isSignedIn().catch(() => false));
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT_KEY, signedIn);
    await vscode.commands.executeCommand('setContext', SIGN_IN_MODE_CONTEXT_KEY, session?.kind ?? 'incomplete');
  };
  ctx.register(sessions.onDidChange(() => {
    model.refresh();
    void updateContext();
  }));
  ctx.register(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('acrDoctor.registries.manual')) model.rerender();
  }));
  // Not awaited: activation must stay fast; the keys follow within a moment.
  void updateContext();
}
