// Role assignments that apply to a registry (at its scope and inherited from resource group,
// subscription, management group), with role names and creation dates — for "which role is
// missing for whom" and "assigned less than 10 minutes ago" (@azure/arm-authorization).
import type { RoleAssignment } from '@azure/arm-authorization';
import { armCall } from './errors';
import { authorizationClient, type ArmAccess } from './connection';
import { subscriptionOfResource } from '../registry/resource-id';
import { BUILT_IN_ROLES, ROLE_PROPAGATION_MS, roleGuid } from './roles';

export { BUILT_IN_ROLES, ROLE_GRANTERS, ROLE_ID_BY_NAME, ROLE_PROPAGATION_MS, roleGuid } from './roles';

/**
 * The role assignments ARM lists at `scope` for an ARM `filter` (`atScope()`, `assignedTo('<oid>')`),
 * as the SDK returns them: the one lister behind the fixes' view and the login checks' reads.
 */
export async function assignmentsAt(azure: ArmAccess, subscriptionId: string, scope: string, filter: string, signal?: AbortSignal): Promise<RoleAssignment[]> {
  const out: RoleAssignment[] = [];
  for await (const a of authorizationClient(azure, subscriptionId).roleAssignments.listForScope(scope, { filter, abortSignal: signal })) out.push(a);
  return out;
}

export interface RoleAssignmentInfo {
  id: string;
  name: string;
  scope: string;
  principalId: string;
  principalType?: string;
  roleDefinitionId: string;
  /** Role name (built-in table, else looked up; the GUID when unreadable). */
  roleName: string;
  createdOn?: Date;
  condition?: string;
  /** True when assigned above the asked scope (resource group, subscription, …). */
  inherited: boolean;
}

function isGuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/**
 * Assignments at `scope` and above (ARM's `atScope()`), optionally only those of one principal
 * (`assignedTo('<objectId>')`, which also covers the groups it belongs to).
 */
export async function listRoleAssignments(azure: ArmAccess, scope: string, opts: { principalId?: string; signal?: AbortSignal } = {}): Promise<RoleAssignmentInfo[]> {
  const sub = subscriptionOfResource(scope) ?? azure.subscriptionId ?? '00000000-0000-0000-0000-000000000000';
  if (opts.principalId !== undefined && !isGuid(opts.principalId)) {
    throw new Error(`'${opts.principalId}' is not an object id (a GUID).`);
  }
  const client = authorizationClient(azure, sub);
  const filter = opts.principalId ? `atScope() and assignedTo('${opts.principalId}')` : 'atScope()';
  const raw = await armCall(`list role assignments on ${scope}`, () => assignmentsAt(azure, sub, scope, filter, opts.signal), opts.signal);
  const unknownIds = [...new Set(raw.map((a) => a.roleDefinitionId ?? '').filter((id) => id && !BUILT_IN_ROLES[roleGuid(id)]))];
  const names = new Map<string, string>();
  await Promise.all(unknownIds.map(async (id) => {
    try {
      const def = await client.roleDefinitions.getById(id, { abortSignal: opts.signal });
      if (typeof def.roleName === 'string' && def.roleName) names.set(roleGuid(id), def.roleName);
    } catch {
      // A custom role we may not read: keep its GUID as the name.
    }
  }));
  const norm = (s: string) => s.replace(/\/+$/, '').toLowerCase();
  return raw.flatMap((a) => {
    if (typeof a.principalId !== 'string' || typeof a.roleDefinitionId !== 'string') return [];
    if (opts.principalId && a.principalId.toLowerCase() !== opts.principalId.toLowerCase() && a.principalType !== 'Group') return [];
    const guid = roleGuid(a.roleDefinitionId);
    const aScope = typeof a.scope === 'string' ? a.scope : '';
    const created = a.createdOn instanceof Date && !Number.isNaN(a.createdOn.getTime()) ? a.createdOn : undefined;
    return [{
      id: a.id ?? '', name: a.name ?? '', scope: aScope, principalId: a.principalId, principalType: a.principalType,
      roleDefinitionId: a.roleDefinitionId, roleName: BUILT_IN_ROLES[guid] ?? names.get(guid) ?? guid,
      createdOn: created, condition: a.condition ?? undefined,
      inherited: norm(aScope) !== norm(scope),
    }];
  });
}

/** Assignments younger than the propagation delay (their permissions may not apply yet). */
export function recentAssignments(assignments: RoleAssignmentInfo[], now: Date): RoleAssignmentInfo[] {
  return assignments.filter((a) => a.createdOn && now.getTime() - a.createdOn.getTime() < ROLE_PROPAGATION_MS);
}

/**
 * The `az role assignment create` command for a missing role (what a user can copy). The principal
 * type is named only when known: a wrong one is refused (UnmatchedPrincipalType), none is looked up.
 */
export function roleAssignmentCommand(principalId: string, roleName: string, scope: string, principalType?: 'User' | 'Group' | 'ServicePrincipal'): string {
  const type = principalType ? ` --assignee-principal-type ${principalType}` : '';
  return `az role assignment create --assignee-object-id ${principalId}${type} --role "${roleName}" --scope "${scope}"`;
}
