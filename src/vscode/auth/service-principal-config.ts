// Which service principal (if any) the extension should sign in as, from the extension host's
// environment or from `acrDoctor.azure.*` settings. Vscode-free so it is unit-tested in plain node.
// The client secret is never read from settings (settings files get shared and synced): it comes
// from AZURE_CLIENT_SECRET or from VS Code's SecretStorage. A stored secret is kept with the
// tenant, client and authority it was entered for and is never sent with any other; the
// environment's secret only goes with the environment's own client (and tenant, when set).
import { optedIn } from '../../core/azure/clouds';

export type SignInMode = 'auto' | 'vscode' | 'servicePrincipal';

export interface ServicePrincipalSettings {
  signIn?: string;
  tenantId?: string;
  clientId?: string;
  authorityHost?: string;
  armEndpoint?: string;
  allowCustomEndpointAudience?: unknown;
}

/** What SecretStorage keeps: the secret and the (tenant, client, authority) it belongs to. */
export interface StoredSecret {
  tenantId: string;
  clientId: string;
  authorityHost: string;
  secret: string;
}

export interface ServicePrincipalConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra authority, e.g. https://login.microsoftonline.com or the sandbox's https://login.sandbox.test. */
  authorityHost?: string;
  /** ARM endpoint without trailing slash. */
  armEndpoint: string;
  /** Tokens for a custom ARM endpoint may carry the public cloud's audience (opted in). */
  allowCustomEndpointAudience?: boolean;
  source: 'environment' | 'settings';
}

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';
const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

/** The SecretStorage value for a secret entered for this (tenant, client, authority). */
export function storedSecretValue(binding: { tenantId: string; clientId: string; authorityHost?: string }, secret: string): string {
  const v: StoredSecret = { tenantId: binding.tenantId, clientId: binding.clientId, authorityHost: authorityKey(binding.authorityHost), secret };
  return JSON.stringify(v);
}

/** A SecretStorage value read back; a bare string (kept before secrets were bound) belongs to nothing. */
export function parseStoredSecret(raw: string | undefined): StoredSecret | undefined {
  if (!raw || !raw.startsWith('{')) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<StoredSecret>;
    const ok = [v.tenantId, v.clientId, v.authorityHost, v.secret].every((x) => typeof x === 'string' && x.length > 0);
    return ok ? (v as StoredSecret) : undefined;
  } catch {
    return undefined;
  }
}

/** The (tenant, client, authority) a sign-in would send its secret to, compared case-insensitively. */
function belongsTo(stored: StoredSecret, tenantId: string | undefined, clientId: string | undefined, authorityHost: string | undefined): boolean {
  return !!tenantId && !!clientId && same(stored.tenantId, tenantId) && same(stored.clientId, clientId) && stored.authorityHost === authorityKey(authorityHost);
}

function authorityKey(authorityHost: string | undefined): string {
  const raw = (authorityHost?.trim() || DEFAULT_AUTHORITY).replace(/\/+$/, '');
  try { return new URL(raw).origin.toLowerCase(); } catch { return raw.toLowerCase(); }
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

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
  const allowCustomEndpointAudience = optedIn(settings.allowCustomEndpointAudience) || optedIn(env.ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE);
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
    return { mode: 'servicePrincipal', config: build(fromEnv, 'environment', allowCustomEndpointAudience) };
  }
  if (mode === 'auto' && !settingsGiven) return { mode: 'vscode' };

  const ids = {
    tenantId: clean(settings.tenantId) ?? fromEnv.tenantId,
    clientId: clean(settings.clientId) ?? fromEnv.clientId,
    authorityHost: clean(settings.authorityHost) ?? fromEnv.authorityHost,
    armEndpoint: clean(settings.armEndpoint) ?? fromEnv.armEndpoint,
  };
  // AZURE_CLIENT_SECRET is the environment's client's (and tenant's) secret: another client id
  // in the settings does not get it.
  const envSecretFits = !!fromEnv.clientSecret && (!fromEnv.clientId || (!!ids.clientId && same(fromEnv.clientId, ids.clientId)))
    && (!fromEnv.tenantId || (!!ids.tenantId && same(fromEnv.tenantId, ids.tenantId)));
  const stored = parseStoredSecret(storedSecret);
  const storedFits = !!stored && belongsTo(stored, ids.tenantId, ids.clientId, ids.authorityHost);
  const merged = { ...ids, clientSecret: envSecretFits ? fromEnv.clientSecret : storedFits ? stored.secret : undefined };
  const missing: string[] = [];
  if (!merged.tenantId) missing.push('acrDoctor.azure.tenantId');
  if (!merged.clientId) missing.push('acrDoctor.azure.clientId');
  if (!merged.clientSecret) missing.push('AZURE_CLIENT_SECRET');
  if (missing.length) return { mode: 'incomplete', missing };
  return { mode: 'servicePrincipal', config: build(merged, 'settings', allowCustomEndpointAudience) };
}

function build(
  v: { tenantId?: string; clientId?: string; clientSecret?: string; authorityHost?: string; armEndpoint?: string },
  source: ServicePrincipalConfig['source'],
  allowCustomEndpointAudience: boolean,
): ServicePrincipalConfig {
  return {
    tenantId: v.tenantId!,
    clientId: v.clientId!,
    clientSecret: v.clientSecret!,
    authorityHost: v.authorityHost?.replace(/\/+$/, ''),
    armEndpoint: (v.armEndpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, ''),
    ...(allowCustomEndpointAudience ? { allowCustomEndpointAudience } : {}),
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
