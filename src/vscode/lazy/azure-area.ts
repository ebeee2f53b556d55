// Everything the extension reaches Azure with, bundled apart as dist/azure.js (the Azure SDKs,
// MSAL, @microsoft/vscode-azext-azureauth): loaded on first use through ./azure.ts, never at
// activation. Only modules without state of their own belong here (the light bundle keeps the
// tree model, the services and the contexts), so two copies of a module never disagree.
export { VSCodeAzureSession } from '../auth/vscode-azure-session';
export { ServicePrincipalSession } from '../auth/service-principal-session';
export { coreRegistryLister } from '../tree/core-registry-lister';
export { findRegistry } from '../../core/azure/registry-view';
export {
  addClientIpRule, approvePrivateEndpointConnection, createRoleAssignment, enableArmAudienceTokens, enablePublicNetworkAccess,
  enableRepositoryToken, enableTrustedServicesBypass, registerResourceProvider, setAdminUserEnabled,
} from '../../core/azure/registry-fixes';
export { listAksClusters } from '../../core/azure/aks';
export { enableVnetImagePull, usePullerManagedIdentity } from '../../core/azure/puller-fixes';
export { followVsCodeProxy } from './node-transport';
