// The principal type a role assignment names (User, Group or ServicePrincipal). ARM refuses one
// that is not the principal's own (400 UnmatchedPrincipalType); for the signed-in principal the
// access token says which it is (idtyp, or the claims a user token carries), for anyone else the
// assignment names none and ARM reads the type from Entra itself.
import { armScope, type ArmAccess } from './connection';
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

/** The principal type of `principalId` when it is the signed-in principal, else undefined (ARM looks it up). */
export async function principalTypeFor(azure: ArmAccess, principalId: string, signal?: AbortSignal): Promise<PrincipalType | undefined> {
  try {
    const t = await azure.credential.getToken(armScope(azure), { abortSignal: signal });
    const claims = t ? tokenClaims(t.token) : undefined;
    if (!claims || typeof claims.oid !== 'string' || claims.oid.toLowerCase() !== principalId.toLowerCase()) return undefined;
    return principalTypeOfClaims(claims);
  } catch {
    // No token here means the assignment itself fails with the real reason; naming no type is safe.
    return undefined;
  }
}
