// Until the registries tree lands: an empty tree so the view shows its welcome text
// (package.json `viewsWelcome`) instead of "no data provider".
import * as vscode from 'vscode';
import type { Ctx } from './context';
import { REGISTRIES_VIEWS } from './viewIds';

export function placeholderRegistriesView(ctx: Ctx): void {
  const empty: vscode.TreeDataProvider<never> = { getTreeItem: (e) => e, getChildren: () => [] };
  for (const id of REGISTRIES_VIEWS) ctx.register(vscode.window.createTreeView(id, { treeDataProvider: empty }));
}
