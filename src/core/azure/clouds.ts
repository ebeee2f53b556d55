// The Azure clouds ACR Doctor knows: where ARM and Entra live, which token scopes they use and
// which login-server suffix their registries get. A custom ARM endpoint (Azure Stack, the
// sandbox's simulator) gets token scopes of its own host: a token for a public cloud's audience
// would be a real Azure token handed to that host, so it is asked for only when the user opted in
// (`acrDoctor.azure.allowCustomEndpointAudience`, ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE).
export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export interface AzureCloud {
  name: CloudName;
  armEndpoint: string;
  /** Token scope for ARM (and Resource Graph). */
  armScope: string;
  authorityHost: string;
  /** Login-server suffix of registries, e.g. `azurecr.io`. */
  acrSuffix: 'azurecr.io' | 'azurecr.cn' | 'azurecr.us';
  /** Scope for an ACR-audience token (when azureADAuthenticationAsArmPolicy is disabled). */
  acrScope: string;
  logAnalyticsEndpoint: string;
  logAnalyticsScope: string;
  /** Microsoft Graph (the principal type of a role assignment's grantee). */
  graphEndpoint: string;
  graphScope: string;
  /** True for an ARM endpoint that is none of the known clouds'. */
  custom?: boolean;
}

export interface CloudOptions {
  /** Ask a custom endpoint's tokens for the public cloud's audiences (the user trusts that host with them). */
  allowCustomEndpointAudience?: boolean;
}

export const CLOUDS: Readonly<Record<CloudName, AzureCloud>> = {
  AzureCloud: {
    name: 'AzureCloud',
    armEndpoint: 'https://management.azure.com',
    armScope: 'https://management.azure.com/.default',
    authorityHost: 'https://login.microsoftonline.com',
    acrSuffix: 'azurecr.io',
    acrScope: 'https://containerregistry.azure.net/.default',
    logAnalyticsEndpoint: 'https://api.loganalytics.io/v1',
    logAnalyticsScope: 'https://api.loganalytics.io/.default',
    graphEndpoint: 'https://graph.microsoft.com',
    graphScope: 'https://graph.microsoft.com/.default',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    armEndpoint: 'https://management.chinacloudapi.cn',
    armScope: 'https://management.chinacloudapi.cn/.default',
    authorityHost: 'https://login.chinacloudapi.cn',
    acrSuffix: 'azurecr.cn',
    acrScope: 'https://containerregistry.azure.net/.default',
    logAnalyticsEndpoint: 'https://api.loganalytics.azure.cn/v1',
    logAnalyticsScope: 'https://api.loganalytics.azure.cn/.default',
    graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn',
    graphScope: 'https://microsoftgraph.chinacloudapi.cn/.default',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    armEndpoint: 'https://management.usgovcloudapi.net',
    armScope: 'https://management.usgovcloudapi.net/.default',
    authorityHost: 'https://login.microsoftonline.us',
    acrSuffix: 'azurecr.us',
    acrScope: 'https://containerregistry.azure.net/.default',
    logAnalyticsEndpoint: 'https://api.loganalytics.us/v1',
    logAnalyticsScope: 'https://api.loganalytics.us/.default',
    graphEndpoint: 'https://graph.microsoft.us',
    graphScope: 'https://graph.microsoft.us/.default',
  },
};

/** A cloud by the names Azure CLI, VS Code (`microsoft-sovereign-cloud.environment`) and ms-rest-azure-env use. */
export function cloudByName(name: string | undefined): AzureCloud | undefined {
  switch ((name ?? '').toLowerCase().replace(/[\s_-]/g, '')) {
    case 'azurecloud': case 'azurepubliccloud': case 'public': case '': return CLOUDS.AzureCloud;
    case 'azurechinacloud': case 'chinacloud': case 'china': return CLOUDS.AzureChinaCloud;
    case 'azureusgovernment': case 'azureusgovernmentcloud': case 'usgovernment': case 'usgov': return CLOUDS.AzureUSGovernment;
    default: return undefined;
  }
}

function hostOf(url: string): string {
  try { return new URL(url).hostname.toLowerCase(); } catch { return ''; }
}

/**
 * The cloud an ARM endpoint belongs to. A custom endpoint gets the public cloud's suffix, its own
 * URL, the Log Analytics query API and Microsoft Graph under its own host and, unless opted in, token scopes of its
 * own origin (`https://management.contoso.local/.default`).
 */
export function cloudForArmEndpoint(armEndpoint: string, opts: CloudOptions = {}): AzureCloud {
  const host = hostOf(armEndpoint);
  const known = Object.values(CLOUDS).find((c) => hostOf(c.armEndpoint) === host);
  if (known) return known;
  const url = armEndpoint.replace(/\/+$/, '');
  const own = `${originOf(url)}/.default`;
  const pub = CLOUDS.AzureCloud;
  return {
    ...pub,
    armEndpoint: url,
    armScope: opts.allowCustomEndpointAudience ? pub.armScope : own,
    logAnalyticsEndpoint: `${url}/v1`,
    logAnalyticsScope: opts.allowCustomEndpointAudience ? pub.logAnalyticsScope : own,
    graphEndpoint: url,
    graphScope: opts.allowCustomEndpointAudience ? pub.graphScope : own,
    custom: true,
  };
}

function originOf(url: string): string {
  // An unparsable endpoint gets a scope no authority issues, so nothing real is ever asked for it.
  try { return new URL(url).origin; } catch { return 'https://invalid.invalid'; }
}

/** The cloud a login server belongs to, by its suffix (`contoso.azurecr.cn` → China). */
export function cloudForLoginServer(loginServer: string): AzureCloud | undefined {
  const h = loginServer.toLowerCase().replace(/\.$/, '');
  return Object.values(CLOUDS).find((c) => h.endsWith(`.${c.acrSuffix}`));
}

/** ARM token scope for an endpoint (sovereign clouds and custom hosts have their own audience). */
export function armScopeFor(armEndpoint: string, opts: CloudOptions = {}): string {
  return cloudForArmEndpoint(armEndpoint, opts).armScope;
}

/** Whether a setting or variable's text means yes (`true`, `1`, `yes`); a hand-edited value of another type means no. */
export function optedIn(v: unknown): boolean {
  if (v === true) return true;
  return typeof v === 'string' && /^(1|true|yes)$/i.test(v.trim());
}
