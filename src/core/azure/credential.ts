// The credential the CLI (and tests) sign in with, from the environment the way the Azure tools
// read it: a service principal from AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET
// (or AZURE_CLIENT_CERTIFICATE_PATH [+ _PASSWORD])
// (AZURE_AUTHORITY_HOST for a non-Microsoft authority such as the sandbox's Entra, where instance
// discovery must be off), else the Azure CLI's sign-in / DefaultAzureCredential.
import { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential, DefaultAzureCredential, type TokenCredentialOptions } from '@azure/identity';
import { caTlsOptions } from '../net/secure-context';
import type { TokenCredential } from '@azure/core-auth';
import { CLOUDS, cloudForArmEndpoint, optedIn } from './clouds';
import type { ArmAccess } from './connection';
import { armScope } from './connection';
import { AzureAccessError, armCall } from './errors';

const MICROSOFT_AUTHORITIES = [CLOUDS.AzureCloud, CLOUDS.AzureChinaCloud, CLOUDS.AzureUSGovernment]
  .map((c) => new URL(c.authorityHost).hostname)
  .concat(['login.windows.net', 'login.microsoft.com', 'sts.windows.net']);

export function isMicrosoftAuthority(authorityHost: string): boolean {
  try {
    const h = new URL(authorityHost).hostname.toLowerCase();
    return MICROSOFT_AUTHORITIES.includes(h);
  } catch {
    return false;
  }
}

export type CredentialSource = 'service-principal' | 'azure-cli' | 'default';

export interface EnvironmentCredential {
  credential: TokenCredential;
  source: CredentialSource;
  tenantId?: string;
  clientId?: string;
  authorityHost?: string;
}

export interface CredentialOptions {
  /** Extra trusted CA certificates (PEM) for the authority's TLS. */
  extraCaPem?: string[];
  /** Prefer the Azure CLI's sign-in over DefaultAzureCredential when no SP is configured. */
  preferAzureCli?: boolean;
}

/** A credential from AZURE_* variables (never reads process.env itself: pass it in). */
export function credentialFromEnvironment(env: NodeJS.ProcessEnv, opts: CredentialOptions = {}): EnvironmentCredential {
  const tenantId = env.AZURE_TENANT_ID?.trim();
  const clientId = env.AZURE_CLIENT_ID?.trim();
  const secret = env.AZURE_CLIENT_SECRET;
  const authorityHost = env.AZURE_AUTHORITY_HOST?.trim() || undefined;
  const tlsTrust = caTlsOptions(opts.extraCaPem);
  const common: TokenCredentialOptions = {
    ...(authorityHost ? { authorityHost } : {}),
    ...(tlsTrust ? { tlsOptions: tlsTrust } : {}),
  };
  if (tenantId && clientId && secret) {
    const credential = new ClientSecretCredential(tenantId, clientId, secret, {
      ...common,
      // Instance discovery asks login.microsoftonline.com whether the authority is valid; a
      // non-Microsoft authority (Azure Stack, the sandbox) is not in that list.
      disableInstanceDiscovery: !!authorityHost && !isMicrosoftAuthority(authorityHost),
    });
    return { credential, source: 'service-principal', tenantId, clientId, authorityHost };
  }
  const certPath = env.AZURE_CLIENT_CERTIFICATE_PATH?.trim();
  if (tenantId && clientId && certPath) {
    const credential = new ClientCertificateCredential(tenantId, clientId, {
      certificatePath: certPath, ...(env.AZURE_CLIENT_CERTIFICATE_PASSWORD ? { certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD } : {}),
    }, { ...common, disableInstanceDiscovery: !!authorityHost && !isMicrosoftAuthority(authorityHost) });
    return { credential, source: 'service-principal', tenantId, clientId, authorityHost };
  }
  if (opts.preferAzureCli) {
    return { credential: new AzureCliCredential(tenantId ? { tenantId } : {}), source: 'azure-cli', tenantId };
  }
  return { credential: new DefaultAzureCredential({ ...common, ...(tenantId ? { tenantId } : {}) }), source: 'default', tenantId, authorityHost };
}

/** ARM access from the environment: the credential above plus ACR_DOCTOR_ARM_ENDPOINT (default public ARM) and ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE. */
export function armAccessFromEnvironment(env: NodeJS.ProcessEnv, opts: CredentialOptions = {}): ArmAccess & { source: CredentialSource } {
  const c = credentialFromEnvironment(env, opts);
  const armEndpoint = (env.ACR_DOCTOR_ARM_ENDPOINT?.trim() || CLOUDS.AzureCloud.armEndpoint).replace(/\/+$/, '');
  const allowCustomEndpointAudience = optedIn(env.ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE);
  return {
    credential: c.credential,
    armEndpoint,
    armScope: cloudForArmEndpoint(armEndpoint, { allowCustomEndpointAudience }).armScope,
    ...(allowCustomEndpointAudience ? { allowCustomEndpointAudience } : {}),
    tenantId: c.tenantId,
    subscriptionId: env.AZURE_SUBSCRIPTION_ID?.trim() || undefined,
    ...(opts.extraCaPem?.length ? { extraCaPem: opts.extraCaPem } : {}),
    source: c.source,
  };
}

/** Claims of an access token (payload only, not verified: it is our own token, used for ids). */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Who the credential signs in as: object id (principal id in role assignments), tenant, app id, expiry. */
export async function signedInIdentity(azure: ArmAccess, signal?: AbortSignal): Promise<{ principalId?: string; tenantId?: string; appId?: string; expiresOn: Date; upn?: string }> {
  const t = await armCall('sign in', () => azure.credential.getToken(armScope(azure), { abortSignal: signal }), signal);
  if (!t) throw new AzureAccessError('credential-unavailable', 'The credential returned no token.', 'sign in');
  const c = tokenClaims(t.token) ?? {};
  const s = (k: string) => (typeof c[k] === 'string' ? (c[k]) : undefined);
  return { principalId: s('oid'), tenantId: s('tid'), appId: s('appid') ?? s('azp'), upn: s('upn') ?? s('unique_name'), expiresOn: new Date(t.expiresOnTimestamp) };
}
