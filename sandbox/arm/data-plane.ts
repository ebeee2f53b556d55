// The ACR front's and Entra's verdicts: network rules, client secrets, repository tokens, admin
// user, and every secret of the state for leak scans.
import type { ArmState, RegistryRecord, ScopeMapJson, ServicePrincipal, TokenRecord } from './arm-json';
import { findServicePrincipal } from './lookups';
import { type RegistryAction, globMatch } from './rbac';

function ipv4ToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** Does an ACR IP rule (`1.2.3.4` or `1.2.3.0/24`) match the client address? */
export function ipRuleMatches(rule: string, clientIp: string): boolean {
  const [base, bitsText] = rule.split('/');
  const ip = ipv4ToInt(clientIp.replace(/^::ffff:/, ''));
  const b = ipv4ToInt(base ?? '');
  if (ip === undefined || b === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === ((b & mask) >>> 0);
}

export type NetworkDecision =
  | { allowed: true; via: 'public' | 'ip-rule' | 'private-endpoint' | 'trusted-service' }
  | { allowed: false; reason: 'public-access-disabled' | 'ip-not-allowed' };

/**
 * How the registry's firewall treats a request (what the ACR front answers 403 for):
 * private endpoint traffic is always allowed; trusted Azure services pass when bypass is on;
 * otherwise public access must be Enabled and the default action Allow or an IP rule matching.
 */
export function networkDecision(registry: RegistryRecord, clientIp: string, via: { privateEndpoint?: boolean; trustedService?: boolean } = {}): NetworkDecision {
  const p = registry.arm.properties;
  if (via.privateEndpoint && p.privateEndpointConnections.some((c) => c.properties.privateLinkServiceConnectionState.status === 'Approved')) {
    return { allowed: true, via: 'private-endpoint' };
  }
  if (via.trustedService && p.networkRuleBypassOptions === 'AzureServices') return { allowed: true, via: 'trusted-service' };
  if (p.publicNetworkAccess === 'Disabled') return { allowed: false, reason: 'public-access-disabled' };
  const rules = p.networkRuleSet;
  if (!rules || rules.defaultAction === 'Allow' || registry.arm.sku.name !== 'Premium') return { allowed: true, via: 'public' };
  if (rules.ipRules.some((r) => ipRuleMatches(r.value, clientIp))) return { allowed: true, via: 'ip-rule' };
  return { allowed: false, reason: 'ip-not-allowed' };
}

export type SecretCheck =
  | { ok: true; principal: ServicePrincipal }
  | { ok: false; code: 'AADSTS700016' | 'AADSTS7000215' | 'AADSTS7000222' | 'AADSTS7000112'; message: string };

/** Entra's verdict on a client_credentials request (shared by entra.ts and the front's basic-auth SP login). */
export function checkClientSecret(state: ArmState, tenantId: string, clientId: string, secret: string, now = new Date()): SecretCheck {
  const sp = findServicePrincipal(state, tenantId, clientId);
  if (!sp || sp.kind !== 'application') {
    return { ok: false, code: 'AADSTS700016', message: `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.` };
  }
  if (!sp.accountEnabled) {
    return { ok: false, code: 'AADSTS7000112', message: `Application '${clientId}'(${sp.displayName}) is disabled.` };
  }
  const match = sp.secrets.find((x) => x.value === secret);
  if (!match) {
    return { ok: false, code: 'AADSTS7000215', message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.` };
  }
  if (Date.parse(match.endDateTime) <= now.getTime()) {
    return { ok: false, code: 'AADSTS7000222', message: `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.` };
  }
  return { ok: true, principal: sp };
}

export type RepositoryTokenCheck =
  | { ok: true; token: TokenRecord; scopeMap: ScopeMapJson }
  | { ok: false; reason: 'unknown-token' | 'wrong-password' | 'password-expired' | 'token-disabled' | 'scope-map-missing'; expiry?: string };

/** Basic-auth login with a repository-scoped token (username = token name). */
export function checkRepositoryToken(registry: RegistryRecord, username: string, password: string, now = new Date()): RepositoryTokenCheck {
  const token = registry.tokens.find((t) => t.arm.name === username);
  if (!token) return { ok: false, reason: 'unknown-token' };
  const entry = (Object.entries(token.passwordValues) as ['password1' | 'password2', string][]).find(([, v]) => v === password);
  if (!entry) return { ok: false, reason: 'wrong-password' };
  if (token.arm.properties.status !== 'enabled') return { ok: false, reason: 'token-disabled' };
  const meta = token.arm.properties.credentials.passwords.find((p) => p.name === entry[0]);
  if (meta?.expiry && Date.parse(meta.expiry) <= now.getTime()) return { ok: false, reason: 'password-expired', expiry: meta.expiry };
  const scopeMap = registry.scopeMaps.find((m) => m.id.toLowerCase() === token.arm.properties.scopeMapId.toLowerCase());
  if (!scopeMap) return { ok: false, reason: 'scope-map-missing' };
  return { ok: true, token, scopeMap };
}

/** Actions a scope map grants on a repository: `repositories/<repo|*>/content/read` → pull, …/write → push, …/delete → delete. */
export function scopeMapActions(scopeMap: ScopeMapJson, repository: string): RegistryAction[] {
  const out: RegistryAction[] = [];
  for (const a of scopeMap.properties.actions) {
    const m = /^repositories\/(.+)\/(content|metadata)\/(read|write|delete)$/i.exec(a);
    if (!m || m[2].toLowerCase() !== 'content') continue;
    if (!globMatch(m[1], repository)) continue;
    const act: RegistryAction = m[3].toLowerCase() === 'read' ? 'pull' : m[3].toLowerCase() === 'write' ? 'push' : 'delete';
    if (!out.includes(act)) out.push(act);
  }
  return out;
}

export type AdminCheck = { ok: true } | { ok: false; reason: 'admin-disabled' | 'wrong-password' };

export function checkAdminLogin(registry: RegistryRecord, username: string, password: string): AdminCheck {
  if (username.toLowerCase() !== registry.arm.name.toLowerCase()) return { ok: false, reason: 'wrong-password' };
  const ok = password !== '' && (password === registry.adminPasswords.password || password === registry.adminPasswords.password2);
  if (!ok) return { ok: false, reason: 'wrong-password' };
  if (!registry.arm.properties.adminUserEnabled) return { ok: false, reason: 'admin-disabled' };
  return { ok: true };
}

/** Every secret in the state (client secrets, admin and token passwords, issued tokens) for leak scans. */
export function stateSecrets(state: ArmState): string[] {
  const out: string[] = [];
  for (const sp of state.servicePrincipals) for (const s of sp.secrets) out.push(s.value);
  for (const r of state.registries) {
    if (r.adminPasswords.password) out.push(r.adminPasswords.password, r.adminPasswords.password2);
    for (const t of r.tokens) out.push(...Object.values(t.passwordValues).filter((v): v is string => !!v));
  }
  out.push(...state.issuedTokens);
  return [...new Set(out)];
}
