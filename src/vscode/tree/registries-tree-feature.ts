// Activation of the registries tree: both view ids (Azure container / own container), the health
// decorations, the context keys the welcome view and menus read, and the listeners that refresh.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { REGISTRIES_VIEWS } from '../view-ids';
import { registryServices } from './registry-services';
import { preloadEngineWhenIdle } from '../lazy/preload';

export const SIGNED_IN_CONTEXT_KEY = 'acrDoctor.signedIn';
export const SIGN_IN_MODE_CONTEXT_KEY = 'acrDoctor.signInMode';

export async function registriesTree(ctx: Ctx): Promise<void> {
  const { sessions, health, model, provider, decorations } = registryServices(ctx);
  // The bundled extension made the views at activation (their stand-in provider hands over to this one).
  const views = ctx.shell?.views ?? REGISTRIES_VIEWS.map((id) => ctx.register(vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true })));
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
  // Reading the sign-in loads the Azure area (dist/azure.js, seconds on a slow machine): not at
  // activation but when a registries view is first shown, as its first expansion would anyway.
  // Not awaited: the keys follow within a moment.
  let contextStarted = false;
  const startContext = () => {
    if (contextStarted) return;
    contextStarted = true;
    // Once the view's first rows are there, the engine is loaded in the quiet that follows.
    void updateContext().then(() => provider.getChildren()).catch(() => undefined)
      .then(() => { ctx.register(preloadEngineWhenIdle(ctx.log)); });
  };
  for (const view of views) {
    if (view.visible) startContext();
    else ctx.register(view.onDidChangeVisibility((e) => { if (e.visible) startContext(); }));
  }
}
