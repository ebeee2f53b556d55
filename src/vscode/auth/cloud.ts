// Cloud names (as @azure/ms-rest-azure-env spells them) to ACR login-server suffixes.
import type { CloudSuffix } from '../../core/registry/target';

export function registrySuffixForCloud(cloudName: string | undefined): CloudSuffix {
  switch ((cloudName ?? '').toLowerCase()) {
    case 'azurechinacloud':
    case 'chinacloud':
      return 'azurecr.cn';
    case 'azureusgovernment':
    case 'usgovernment':
      return 'azurecr.us';
    default:
      return 'azurecr.io';
  }
}

const SOVEREIGN_ARM: { host: RegExp; scope: string; suffix: CloudSuffix }[] = [
  { host: /(^|\.)chinacloudapi\.cn$/i, scope: 'https://management.chinacloudapi.cn/.default', suffix: 'azurecr.cn' },
  { host: /(^|\.)usgovcloudapi\.net$/i, scope: 'https://management.usgovcloudapi.net/.default', suffix: 'azurecr.us' },
];

/** ARM token scope for an ARM endpoint: a sovereign cloud's own, else the public one (custom hosts such as the sandbox's simulator accept the public audience). */
export function armScopeFor(armEndpoint: string): string {
  const host = safeHost(armEndpoint);
  return SOVEREIGN_ARM.find((c) => c.host.test(host))?.scope ?? 'https://management.azure.com/.default';
}

export function registrySuffixForArmEndpoint(armEndpoint: string): CloudSuffix {
  const host = safeHost(armEndpoint);
  return SOVEREIGN_ARM.find((c) => c.host.test(host))?.suffix ?? 'azurecr.io';
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
