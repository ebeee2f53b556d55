// Sets `acrDoctor.azureResourcesInstalled`, which picks where the registries view shows
// (package.json `views`): there is no built-in when-clause for "extension X is installed".
import * as vscode from 'vscode';
import type { Ctx } from './context';

export const AZURE_RESOURCES_EXTENSION = 'ms-azuretools.vscode-azureresourcegroups';
export const AZURE_RESOURCES_CONTEXT_KEY = 'acrDoctor.azureResourcesInstalled';

export function azureResourcesContextKey(ctx: Ctx): void {
  const update = () =>
    void vscode.commands.executeCommand(
      'setContext',
      AZURE_RESOURCES_CONTEXT_KEY,
      vscode.extensions.getExtension(AZURE_RESOURCES_EXTENSION) !== undefined,
    );
  update();
  ctx.register(vscode.extensions.onDidChange(update));
}
