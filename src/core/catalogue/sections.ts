// Seed sections (anchors and titles: Dutch as in the seed, English as on learn.microsoft.com).
import type { Localized } from './types';

export const NETWORK_PAGE = 'container-registry-troubleshoot-access';
export const LOGIN_PAGE = 'container-registry-troubleshoot-login-authn-authz';
export const HEALTH_PAGE = 'container-registry-health-error-reference';

export const NETWORK_SECTIONS: Record<string, Localized> = {
  'configure-client-firewall-access': { en: 'Configure client firewall access', nl: 'Clientfirewalltoegang configureren' },
  'configure-public-access-to-registry': { en: 'Configure public access to registry', nl: 'Openbare toegang tot register configureren' },
  'configure-vnet-access': { en: 'Configure VNet access', nl: 'VNet-toegang configureren' },
  'configure-service-access': { en: 'Configure service access', nl: 'Servicetoegang configureren' },
  'advanced-troubleshooting': { en: 'Advanced troubleshooting', nl: 'Geavanceerde probleemoplossing' },
};

/** Anchors that exist per docs page (acr.md); the catalogue test checks every record against these. */
export const DOCS_ANCHORS: Record<string, string[]> = {
  [LOGIN_PAGE]: ['check-docker-configuration', 'specify-correct-registry-name', 'confirm-credentials-to-access-registry',
    'confirm-credentials-are-authorized-to-access-registry', 'validate-identity-permissions-and-role-assignments',
    'check-that-credentials-arent-expired', 'advanced-troubleshooting'],
  [NETWORK_PAGE]: ['configure-client-firewall-access', 'configure-public-access-to-registry', 'configure-vnet-access',
    'configure-service-access', 'advanced-troubleshooting'],
  [HEALTH_PAGE]: ['docker_command_error', 'docker_daemon_error', 'docker_version_error', 'docker_pull_error', 'helm_command_error',
    'helm_version_error', 'notary_version_error', 'connectivity_dns_error', 'connectivity_forbidden_error', 'connectivity_challenge_error',
    'connectivity_aad_login_error', 'connectivity_refresh_token_error', 'connectivity_access_token_error', 'connectivity_ssl_error',
    'login_server_error', 'connectivity_toomanyrequests_error',
    // Not in acr.md's list, but on the page (learn.microsoft.com, checked 2026-12): CMK_ERROR.
    'cmk_error'],
  // Related pages are linked without an anchor (or with one of their own headings).
  'container-registry-firewall-access-rules': [''], 'container-registry-access-selected-networks': [''],
  'container-registry-private-link': ['', 'dns-configuration-options'], 'container-registry-dedicated-data-endpoints': [''],
  'container-registry-authentication': [''], 'container-registry-roles': [''], 'container-registry-repository-scoped-permissions': [''],
  'container-registry-check-health': [''], 'container-registry-image-lock': [''], 'container-registry-diagnostics-audit-logs': ['', 'registry-authentication-failures'],
};
