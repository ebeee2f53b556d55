// Entra security groups: a role assignment to a group applies to its members, members of nested
// groups included (Azure RBAC). ARM's `$filter=assignedTo('{objectId}')` returns the principal's own
// assignments and those of every group it belongs to, transitively; `principalId eq` only its own.
import { randomUUID } from 'node:crypto';
import type { ArmState } from './state';

export interface EntraGroup {
  objectId: string;
  tenantId: string;
  displayName: string;
  /** Object ids of the direct members: service principals, users, other groups. */
  members: string[];
}

export function entraGroup(tenantId: string, displayName: string, members: string[], objectId: string = randomUUID()): EntraGroup {
  return { objectId, tenantId, displayName, members: [...members] };
}

/** The principal and every group it is a member of (transitively), lower case. */
export function principalAndGroups(state: Pick<ArmState, 'groups'>, principalId: string): Set<string> {
  const out = new Set([principalId.toLowerCase()]);
  const groups = state.groups ?? [];
  for (let grew = groups.length > 0; grew;) {
    grew = false;
    for (const g of groups) {
      const id = g.objectId.toLowerCase();
      if (!out.has(id) && g.members.some((m) => out.has(m.toLowerCase()))) { out.add(id); grew = true; }
    }
  }
  return out;
}
