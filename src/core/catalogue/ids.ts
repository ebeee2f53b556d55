// Every cause id, in one place, so the sandbox scenarios, the checks and the catalogue
// records agree. Add new ids here first. Grouped by seed section.
export const CAUSE_IDS = [
  // troubleshoot-login #check-docker-configuration (+ check-health DOCKER_*)
  'docker.cli-missing',            // DOCKER_COMMAND_ERROR
  'docker.daemon-unreachable',     // DOCKER_DAEMON_ERROR
  'docker.version-too-old',        // DOCKER_VERSION_ERROR
  'docker.pull-failed',            // DOCKER_PULL_ERROR
  'docker.config-malformed',
  'helm.version-too-old',          // HELM_COMMAND_ERROR / HELM_VERSION_ERROR
  // #specify-correct-registry-name (+ LOGIN_SERVER_ERROR)
  'name.upper-case',
  'name.missing-suffix',
  'name.wrong-cloud-suffix',
  'name.resource-name-vs-login-server',
  'name.registry-not-found',       // LOGIN_SERVER_ERROR
  // #confirm-credentials-to-access-registry
  'credentials.invalid',
  'credentials.service-principal-invalid',
  'credentials.exposed-token-username',
  'credentials.admin-user-disabled',
  'credentials.stale-docker-credential',
  'credentials.anonymous-pull-blocked',  // a stored credential is sent instead of the anonymous pull
  'credentials.anonymous-pull-disabled', // no credential, and the registry does not allow anonymous pull
  'credentials.aad-exchange-failed',     // CONNECTIVITY_REFRESH_TOKEN_ERROR
  'credentials.access-token-failed',     // CONNECTIVITY_ACCESS_TOKEN_ERROR
  'credentials.aad-audience-rejected',   // azureADAuthenticationAsArmPolicy disabled
  'credentials.azure-service-config',    // AKS/DevOps service identity misconfigured
  // #confirm-credentials-are-authorized-to-access-registry
  'authz.missing-acrpull',
  'authz.missing-acrpush',
  'authz.missing-reader',
  'authz.abac-repository-permissions',
  'authz.token-scope-missing-action',
  'authz.role-propagation-pending',
  'authz.aks-kubelet-missing-acrpull',
  // #check-that-credentials-arent-expired
  'expiry.aad-token-expired',
  'expiry.service-principal-secret',
  'expiry.repository-token-password',
  'expiry.repository-token-disabled',
  // #advanced-troubleshooting (both seeds)
  'advanced.login-events-log',
  // troubleshoot-network #configure-client-firewall-access
  'network.dns-resolution-failed',       // CONNECTIVITY_DNS_ERROR
  'network.login-server-unreachable',    // CONNECTIVITY_CHALLENGE_ERROR (refused)
  'network.login-server-timeout',        // Client.Timeout exceeded / black hole / firewall drop
  'network.data-endpoint-blocked',
  'network.replica-data-endpoint-blocked',
  'network.client-proxy-broken',         // proxyconnect tcp: EOF
  'network.daemon-proxy-missing',        // client has a proxy, daemon has none (or differs)
  'network.tls-untrusted',               // CONNECTIVITY_SSL_ERROR (interception, unknown CA)
  'network.challenge-invalid',           // CONNECTIVITY_AAD_LOGIN_ERROR (401 without Bearer realm)
  'network.throttled',                   // CONNECTIVITY_TOOMANYREQUESTS_ERROR
  // #configure-public-access-to-registry
  'network.public-access-disabled',
  'network.ip-rule-excludes-client',     // CONNECTIVITY_FORBIDDEN_ERROR
  'network.sku-no-network-rules',        // "Failed to save firewall and virtual network settings"
  // #configure-vnet-access
  'network.private-endpoint-dns-public',
  'network.private-endpoint-not-approved',
  'network.private-endpoint-data-dns-missing',
  'network.service-endpoint-rule-missing',
  'network.resource-provider-unregistered',
  'network.nsg-blocks-registry',         // an NSG rule / service tag denies TCP 443 from a client subnet
  'network.firewall-blocks-registry',    // a route sends the traffic to an Azure Firewall/appliance that does not allow it
  'network.bastion-endpoint-unsupported', // "Momenteel wordt Azure Bastion eindpunt niet ondersteund"
  // #configure-service-access
  'network.trusted-services-bypass-off',
  // the named image (no seed section is about images: each links the closest, see image-causes.ts)
  'image.repository-not-found',          // NAME_UNKNOWN
  'image.tag-not-found',                 // MANIFEST_UNKNOWN (the "there is no :latest" case too)
  'image.platform-missing',              // no matching manifest for <os>/<arch> in the manifest list entries
  'image.locked',                        // changeableAttributes.writeEnabled false
  'image.upload-refused',                // POST /v2/<repo>/blobs/uploads/ refused though the token grants push
  // check-health only
  'registry.cmk-identity-broken',        // CMK_ERROR
] as const;

export type KnownCauseId = (typeof CAUSE_IDS)[number];

export function isKnownCauseId(x: unknown): x is KnownCauseId {
  return typeof x === 'string' && (CAUSE_IDS as readonly string[]).includes(x);
}
