// ARM's cloud metadata (`GET /metadata/endpoints?api-version=…`, no authentication): what
// `az cloud register --endpoint-resource-manager <arm>` reads to learn a cloud's login endpoint and
// token audience (msrestazure's _populate_from_metadata_endpoint asks api-version 2015-01-01), and
// what newer clients (azure-cli's ARM_CLOUD_METADATA_URL, azure-identity's cloud discovery) read in
// the 2019-05-01+ shape: a list of clouds. Payloads follow management.azure.com's own answers.
import type { HttpAnswer } from './entra';

/** The Entra authority that goes with an ARM host: management.X → login.X; the local simulator serves both. */
export function loginHostFor(armHost: string): string {
  const h = armHost.toLowerCase();
  return h.startsWith('management.') ? `login.${armHost.slice('management.'.length)}` : armHost;
}

export function isMetadataPath(path: string): boolean {
  return /^\/metadata\/endpoints\/?$/i.test(path);
}

/** The audiences ARM accepts in the sandbox; the first is what azure-cli asks tokens for. */
const AUDIENCES = ['https://management.core.windows.net/', 'https://management.azure.com/'];

export function cloudMetadata(armHost: string, apiVersion: string | null): HttpAnswer {
  const arm = `https://${armHost}/`;
  const login = `https://${loginHostFor(armHost)}/`;
  if (!apiVersion || apiVersion < '2018-01-01') {
    return {
      status: 200,
      body: {
        galleryEndpoint: 'https://gallery.azure.com/',
        graphEndpoint: 'https://graph.windows.net/',
        portalEndpoint: 'https://portal.azure.com/',
        authentication: { loginEndpoint: login, audiences: AUDIENCES },
      },
    };
  }
  return {
    status: 200,
    body: [{
      portal: 'https://portal.azure.com',
      authentication: { loginEndpoint: login, audiences: AUDIENCES, tenant: 'common', identityProvider: 'AAD' },
      media: 'https://rest.media.azure.net',
      graphAudience: 'https://graph.windows.net/',
      graph: 'https://graph.windows.net/',
      name: 'AcrSandbox',
      suffixes: { azureDataLakeStoreFileSystem: 'azuredatalakestore.net', acrLoginServer: 'azurecr.io', sqlServerHostname: 'database.windows.net', azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net', keyVaultDns: 'vault.azure.net', storage: 'core.windows.net', azureFrontDoorEndpointSuffix: 'azurefd.net' },
      batch: 'https://batch.core.windows.net/',
      resourceManager: arm,
      vmImageAliasDoc: 'https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/arm-compute/quickstart-templates/aliases.json',
      activeDirectoryDataLake: 'https://datalake.azure.net/',
      sqlManagement: 'https://management.core.windows.net:8443/',
      gallery: 'https://gallery.azure.com/',
      microsoftGraphResourceId: 'https://graph.microsoft.com/',
    }],
  };
}
