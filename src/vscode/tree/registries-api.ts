// What the extension exports about the registries tree (`activate()`'s return value): the report
// and other extensions colour a registry after a diagnosis; the extension-host tests read the tree
// exactly as VS Code does (getChildren/getTreeItem of the registered provider).
import type * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { AzureSessionKind } from '../auth/azure-session';
import type { TreeElement } from './elements';
import type { HealthStatus } from './registry-health';
import { healthUri } from './registry-health';
import { registryServices } from './registry-services';

export interface RegistriesApi {
  setHealth(loginServer: string, status: HealthStatus | undefined): void;
  getChildren(element?: TreeElement): Promise<TreeElement[]>;
  getTreeItem(element: TreeElement): vscode.TreeItem;
  /** The decoration the health provider gives a registry row (undefined: no diagnosis yet). */
  decoration(loginServer: string): vscode.FileDecoration | undefined;
  /** Which sign-in is in use; undefined when a configured service principal is incomplete. */
  sessionKind(): Promise<AzureSessionKind | undefined>;
}

export function registriesApi(ctx: Ctx): RegistriesApi {
  const s = registryServices(ctx);
  return {
    setHealth: (loginServer, status) => s.setHealth(loginServer, status),
    getChildren: (element) => s.provider.getChildren(element),
    getTreeItem: (element) => s.provider.getTreeItem(element),
    decoration: (loginServer) => s.decorations.provideFileDecoration(healthUri(loginServer)),
    sessionKind: async () => (await s.sessions.get())?.kind,
  };
}
