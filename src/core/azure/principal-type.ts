// The principal type a role assignment names (User, Group or ServicePrincipal). ARM refuses one
// that is not the principal's own (400 UnmatchedPrincipalType); for the signed-in principal the
// access token says which it is (idtyp, or the claims a user token carries), for anyone else
// Microsoft Graph does (`directoryObjects/{id}`, which needs Directory.Read.All); when neither can
// tell, the assignment names none and ARM reads the type from Entra itself.
import { armScope, type ArmAccess } from './connection';
import { graphGet } from './graph-request';
import { tokenClaims } from './credential';

export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal';

/** The type of the token's own principal: `idtyp` (app/user), else a user token's `scp`/`upn`. */
export function principalTypeOfClaims(claims: Record<string, unknown>): PrincipalType | undefined {
  const idtyp = typeof claims.idtyp === 'string' ? claims.idtyp.toLowerCase() : undefined;
  if (idtyp === 'app') return 'ServicePrincipal';
  if (idtyp === 'user') return 'User';
  if (typeof claims.scp === 'string' || typeof claims.upn === 'string') return 'User';
  if (typeof claims.appid === 'string' || typeof claims.azp === 'string') return 'ServicePrincipal';
  return undefined;
}

/** `@odata.type` of a Graph directory object → principal type. */
export function principalTypeOfODataType(odataType: unknown): PrincipalType | undefined {
  switch (typeof odataType === 'string' ? odataType.toLowerCase() : '') {
    case '#microsoft.graph.user': return 'User';
    case '#microsoft.graph.group': return 'Group';
    case '#microsoft.graph.serviceprincipal': return 'ServicePrincipal';
    default: return undefined;
  }
}

/** The principal type of `principalId`: the sign-in's when it is the signed-in principal, else Graph's; undefined when neither can tell (ARM looks it up). */
export async function principalTypeFor(azure: ArmAccess, principalId: string, signal?: AbortSignal): Promise<PrincipalType | undefined> {
  try {
    const t = await azure.credential.getToken(armScope(azure), { abortSignal: signal });
    const claims = t ? tokenClaims(t.token) : undefined;
    if (claims && typeof claims.oid === 'string' && claims.oid.toLowerCase() === principalId.toLowerCase()) return principalTypeOfClaims(claims);
  } catch {
    // No token here means the assignment itself fails with the real reason; naming no type is safe.
    return undefined;
  }
  return graphPrincipalType(azure, principalId, signal);
}

/** Graph's `directoryObjects/{id}`: its type, or undefined on any refusal (no Directory.Read.All, not found, unreachable). */
export async function graphPrincipalType(azure: ArmAccess, principalId: string, signal?: AbortSignal): Promise<PrincipalType | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(principalId)) return undefined;
  try {
    const res = await graphGet(azure, `/v1.0/directoryObjects/${principalId}`, { signal, timeoutMs: 5000 });
    if (res.status !== 200) return undefined;
    return principalTypeOfODataType((JSON.parse(res.bodyAsText ?? '') as { '@odata.type'?: unknown })['@odata.type']);
  } catch {
    return undefined;
  }
}
