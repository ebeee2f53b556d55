// Read (never verify) the claims of a JWT: the ACR access token's `access` claim says what the
// registry actually granted; `exp` of an AAD or ACR token says until when it works.
// Hostile input gives undefined, never an exception.

export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

export interface JwtClaims {
  [claim: string]: unknown;
  exp?: number;
  iat?: number;
  nbf?: number;
  aud?: string | string[];
  iss?: string;
  sub?: string;
  /** AAD: object id of the principal; tenant id; app id. */
  oid?: string;
  tid?: string;
  appid?: string;
}

const MAX_TOKEN_CHARS = 64 * 1024;

/** The payload of a compact JWS, or undefined when the text is not one. */
export function decodeJwt(token: unknown): JwtClaims | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return undefined;
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return undefined;
  try {
    const json = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    return json as JwtClaims;
  } catch {
    return undefined;
  }
}

/** The `access` claim, cleaned: entries with a type and name, actions as strings. */
export function accessClaim(claims: JwtClaims | undefined): AccessEntry[] {
  const raw = claims?.access;
  if (!Array.isArray(raw)) return [];
  const out: AccessEntry[] = [];
  for (const e of raw.slice(0, 1000)) {
    if (typeof e !== 'object' || e === null) continue;
    const o = e as Record<string, unknown>;
    if (typeof o.type !== 'string' || typeof o.name !== 'string') continue;
    const actions = Array.isArray(o.actions) ? o.actions.filter((a): a is string => typeof a === 'string') : [];
    out.push({ type: o.type, name: o.name, actions });
  }
  return out;
}

/** Actions granted on one repository ('*' in the claim means every action). */
export function grantedActions(access: AccessEntry[], repository: string): string[] {
  const set = new Set<string>();
  for (const a of access) {
    if (a.type !== 'repository') continue;
    if (a.name !== repository && a.name !== '*') continue;
    for (const act of a.actions) set.add(act);
  }
  return [...set];
}

export function allows(access: AccessEntry[], repository: string, action: string): boolean {
  const acts = grantedActions(access, repository);
  return acts.includes(action) || acts.includes('*');
}

/** Seconds-since-epoch claim as a Date (undefined when absent or nonsense). */
export function claimDate(claims: JwtClaims | undefined, name: 'exp' | 'iat' | 'nbf'): Date | undefined {
  const v = claims?.[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1e11) return undefined;
  return new Date(v * 1000);
}
