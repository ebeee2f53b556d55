// Disposable ownership, after vscode-pull-request-github's lifecycle.ts: whatever a class
// `_register()`s is disposed with it, and a registration after dispose is disposed at once
// (so a late async callback cannot leak a listener).
import type * as vscode from 'vscode';

export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  for (const d of disposables) {
    try {
      d.dispose();
    } catch {
      // One failing dispose must not keep the others alive.
    }
  }
}

export abstract class Disposable implements vscode.Disposable {
  private readonly owned = new Set<vscode.Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.add(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const owned = [...this.owned].reverse();
    this.owned.clear();
    disposeAll(owned);
  }
}
