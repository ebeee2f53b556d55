// The last diagnosis result per registry, shown as a badge in the tree. The report calls
// `setHealth(loginServer, status)` when a diagnosis ends; the tree and the file-decoration
// provider listen.
import * as vscode from 'vscode';

export type HealthStatus = 'pass' | 'warn' | 'fail';

export const HEALTH_SCHEME = 'acr-doctor';

export class RegistryHealth implements vscode.Disposable {
  private readonly statuses = new Map<string, HealthStatus>();
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the login servers whose status changed. */
  readonly onDidChange = this.changed.event;

  setHealth(loginServer: string, status: HealthStatus | undefined): void {
    const key = normalise(loginServer);
    if (!key) return;
    if (status === undefined) this.statuses.delete(key);
    else if (status === 'pass' || status === 'warn' || status === 'fail') this.statuses.set(key, status);
    else return;
    this.changed.fire([key]);
  }

  getHealth(loginServer: string): HealthStatus | undefined {
    return this.statuses.get(normalise(loginServer));
  }

  clear(): void {
    const keys = [...this.statuses.keys()];
    this.statuses.clear();
    if (keys.length) this.changed.fire(keys);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The resourceUri a registry row carries, so the decoration provider can colour it. */
export function healthUri(loginServer: string): vscode.Uri {
  return vscode.Uri.from({ scheme: HEALTH_SCHEME, path: `/registry/${normalise(loginServer)}` });
}

export function loginServerOfHealthUri(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== HEALTH_SCHEME) return undefined;
  const m = /^\/registry\/([^/]+)$/.exec(uri.path);
  return m?.[1];
}

function normalise(loginServer: string): string {
  return String(loginServer ?? '').trim().toLowerCase();
}
