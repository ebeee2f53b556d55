// The registries views' provider from activation on: it hands every call to the tree's own provider
// (dist/main.js), which it loads on the first call, and passes on its change events.
import * as vscode from 'vscode';

export class LateTreeProvider implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private real: vscode.TreeDataProvider<unknown> | undefined;
  private readonly changed = new vscode.EventEmitter<unknown>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: () => vscode.TreeDataProvider<unknown>) {}

  /** The tree's own provider (loads dist/main.js the first time). */
  get provider(): vscode.TreeDataProvider<unknown> {
    if (!this.real) {
      const real = this.load();
      this.real = real;
      const sub = real.onDidChangeTreeData?.((e) => this.changed.fire(e));
      if (sub) this.subscriptions.push(sub);
    }
    return this.real;
  }

  getTreeItem(element: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider.getTreeItem(element);
  }

  getChildren(element?: unknown): vscode.ProviderResult<unknown[]> {
    return this.provider.getChildren(element);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
