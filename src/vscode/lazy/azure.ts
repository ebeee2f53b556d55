// The typed door to the Azure area (./azure-area.ts). In the bundled extension the require below
// is dist/azure.js (scripts/extension-bundles.mjs rewrites it), loaded the first time something
// signs in, lists registries or runs an Azure fix: activation stays free of the Azure SDKs.
import * as vscode from 'vscode';
import type * as AzureArea from './azure-area';
import { loadArea } from './load-area';
import { vsCodeProxyWanted } from './node-transport';

let area: typeof AzureArea | undefined;

export function azureArea(): typeof AzureArea {
  if (!area) {
    area = loadArea('dist/azure.js', () => require('./azure-area') as typeof AzureArea);
    // Read once per session: a changed setting takes effect after a window reload, as VS Code's http.proxy does.
    area.followVsCodeProxy(vsCodeProxyWanted(vscode.workspace.getConfiguration('http'), vscode.workspace.getConfiguration('acrDoctor').get<string>('azure.network')));
  }
  return area;
}
