// Which service principal (if any) the extension should sign in as, from the extension host's
// environment or from `acrDoctor.azure.*` settings. Vscode-free so it is unit-tested in plain node.
// The client secret is never read from settings (settings files get shared and synced): it comes
// from AZURE_CLIENT_SECRET or from VS Code's SecretStorage.

export type SignInMode = 'auto' | 'vscode' | 'servicePrincipal';

export interface ServicePrincipalSettings {
  signIn?: string;
  tenantId?: string;
  clientId?: string;
  authorityHost?: string;
  armEndpoint?: string;
}

export interface ServicePrincipalConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra authority, e.g. https://login.microsoftonline.com or the sandbox's https://login.sandbox.test. */
  authorityHost?: string;
  /** ARM endpoint without trailing slash. */
  armEndpoint: string;
  source: 'environment' | 'settings';
}

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';

export type ServicePrincipalDecision =
  | { mode: 'vscode' }
  | { mode: 'servicePrincipal'; config: ServicePrincipalConfig }
  /** Service principal asked for but something is missing: say what. */
  | { mode: 'incomplete'; missing: string[] };

export function decideSignIn(
  env: Record<string, string | undefined>,
  settings: ServicePrincipalSettings,
  storedSecret?: string,
): ServicePrincipalDecision {
  const mode = asMode(settings.signIn);
  if (mode === 'vscode') return { mode: 'vscode' };

  const fromEnv = {
    tenantId: clean(env.AZURE_TENANT_ID),
    clientId: clean(env.AZURE_CLIENT_ID),
    clientSecret: clean(env.AZURE_CLIENT_SECRET),
    authorityHost: clean(env.AZURE_AUTHORITY_HOST),
    armEndpoint: clean(env.ACR_DOCTOR_ARM_ENDPOINT),
  };
  // 'auto' only switches to the service principal when the whole set is there, ARM endpoint
  // included: a developer's stray AZURE_* variables must not hijack the VS Code account.
  const envComplete = !!(fromEnv.tenantId && fromEnv.clientId && fromEnv.clientSecret && fromEnv.armEndpoint);
  const settingsGiven = !!(clean(settings.tenantId) || clean(settings.clientId));
  if (envComplete && !settingsGiven) {
    return { mode: 'servicePrincipal', config: build(fromEnv, 'environment') };
  }
  if (mode === 'auto' && !settingsGiven) return { mode: 'vscode' };

  const merged = {
    tenantId: clean(settings.tenantId) ?? fromEnv.tenantId,
    clientId: clean(settings.clientId) ?? fromEnv.clientId,
    clientSecret: fromEnv.clientSecret ?? clean(storedSecret),
    authorityHost: clean(settings.authorityHost) ?? fromEnv.authorityHost,
    armEndpoint: clean(settings.armEndpoint) ?? fromEnv.armEndpoint,
  };
  const missing: string[] = [];
  if (!merged.tenantId) missing.push('acrDoctor.azure.tenantId');
  if (!merged.clientId) missing.push('acrDoctor.azure.clientId');
  if (!merged.clientSecret) missing.push('AZURE_CLIENT_SECRET');
  if (missing.length) return { mode: 'incomplete', missing };
  return { mode: 'servicePrincipal', config: build(merged, 'settings') };
}

function build(
  v: { tenantId?: string; clientId?: string; clientSecret?: string; authorityHost?: string; armEndpoint?: string },
  source: ServicePrincipalConfig['source'],
): ServicePrincipalConfig {
  return {
    tenantId: v.tenantId!,
    clientId: v.clientId!,
    clientSecret: v.clientSecret!,
    authorityHost: v.authorityHost?.replace(/\/+$/, ''),
    armEndpoint: (v.armEndpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, ''),
    source,
  };
}

function asMode(raw: string | undefined): SignInMode {
  return raw === 'vscode' || raw === 'servicePrincipal' ? raw : 'auto';
}

function clean(v: string | undefined): string | undefined {
  // Settings come from hand-edited JSON: a number or list where a string belongs is "not set".
  const t = typeof v === 'string' ? v.trim() : undefined;
  return t ? t : undefined;
}
