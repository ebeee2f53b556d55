// The one object the extension's parts receive (rust-analyzer's Ctx, kept small). Two lifetimes:
// - the extension: `ctx.register(d)` — disposed on deactivate;
// - one diagnosis run: `ctx.startRun()` — its AbortSignal is aborted and its disposables freed when
//   the run ends, when a new run for the same key starts, or when the extension deactivates.
import * as vscode from 'vscode';
import { Disposable } from './lifecycle';

export class DiagnosisRun extends Disposable {
  private readonly controller = new AbortController();
  /** Aborted when the run is cancelled or disposed; pass it to core probes. */
  readonly signal = this.controller.signal;

  constructor(readonly key: string) {
    super();
  }

  /** Ties a disposable to this run. */
  register<T extends vscode.Disposable>(disposable: T): T {
    return this._register(disposable);
  }

  /** Adapts a VS Code CancellationToken (e.g. from withProgress) to this run's AbortSignal. */
  follow(token: vscode.CancellationToken): void {
    this._register(token.onCancellationRequested(() => this.controller.abort()));
  }

  override dispose(): void {
    this.controller.abort();
    super.dispose();
  }
}

/** What dist/extension.js registered at activation for the rest of the extension to take over. */
export interface Shell {
  /** The registries views (REGISTRIES_VIEWS), already showing the stand-in provider. */
  views: readonly vscode.TreeView<unknown>[];
}

export class Ctx extends Disposable {
  private readonly runs = new Map<string, DiagnosisRun>();

  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    /** Absent in tests that build a Ctx themselves: the features then create their own views. */
    readonly shell?: Shell,
  ) {
    super();
    this._register(log);
    this._register({ dispose: () => this.runs.forEach((run) => run.dispose()) });
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  /** Ties a disposable to the extension's lifetime. */
  register<T extends vscode.Disposable>(disposable: T): T {
    return this._register(disposable);
  }

  /** Starts a diagnosis run; an unfinished run with the same key (e.g. a registry) is cancelled. */
  startRun(key: string): DiagnosisRun {
    this.runs.get(key)?.dispose();
    const run = new DiagnosisRun(key);
    this.runs.set(key, run);
    run.register({ dispose: () => this.runs.get(key) === run && this.runs.delete(key) });
    if (this.isDisposed) run.dispose();
    return run;
  }
}
