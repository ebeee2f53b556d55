// The service principal's credential for one tenant.
import { ClientSecretCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/core-auth';
import type { ServicePrincipalConfig } from './servicePrincipalConfig';

export function servicePrincipalCredential(config: ServicePrincipalConfig, tenantId: string): TokenCredential {
  const custom = !!config.authorityHost && !/login\.(microsoftonline\.(com|us)|chinacloudapi\.cn)/i.test(config.authorityHost);
  return new ClientSecretCredential(tenantId, config.clientId, config.clientSecret, {
    authorityHost: config.authorityHost,
    // A non-Microsoft authority (the sandbox's simulator) cannot answer instance discovery.
    disableInstanceDiscovery: custom,
  });
}
