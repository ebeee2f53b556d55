// The typed door to the Azure area (./azure-area.ts). In the bundled extension the require below
// is dist/azure.js (scripts/extension-bundles.mjs rewrites it), loaded the first time something
// signs in, lists registries or runs an Azure fix: activation stays free of the Azure SDKs.
import type * as AzureArea from './azure-area';
import { loadArea } from './load-area';

let area: typeof AzureArea | undefined;

export function azureArea(): typeof AzureArea {
  return (area ??= loadArea('dist/azure.js', () => require('./azure-area') as typeof AzureArea));
}
