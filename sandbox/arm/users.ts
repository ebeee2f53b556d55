// Entra users (state.users), so role assignments can name a user as ARM does, and the principal
// type of any object id: ARM refuses an assignment whose principalType is not the principal's own
// (400 UnmatchedPrincipalType) and stores the real type when the request names none.
import { randomUUID } from 'node:crypto';
import type { ArmState } from './state';

export interface EntraUser {
  objectId: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
}

export type PrincipalType = 'ServicePrincipal' | 'User' | 'Group';

export function entraUser(tenantId: string, userPrincipalName: string, objectId: string = randomUUID()): EntraUser {
  return { objectId, tenantId, userPrincipalName, displayName: userPrincipalName.split('@')[0] };
}

/** The directory's type of an object id, or undefined when no principal has it. */
export function principalTypeOf(state: Pick<ArmState, 'servicePrincipals' | 'groups' | 'users'>, objectId: string): PrincipalType | undefined {
  const id = objectId.toLowerCase();
  if (state.servicePrincipals.some((p) => p.objectId.toLowerCase() === id)) return 'ServicePrincipal';
  if ((state.groups ?? []).some((g) => g.objectId.toLowerCase() === id)) return 'Group';
  if ((state.users ?? []).some((u) => u.objectId.toLowerCase() === id)) return 'User';
  return undefined;
}
