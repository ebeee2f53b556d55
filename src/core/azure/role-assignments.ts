// Role assignments that apply to a registry (at its scope and inherited from resource group,
// subscription, management group), with role names and creation dates — for "which role is
// missing for whom" and "assigned less than 10 minutes ago" (@azure/arm-authorization).
import { armCall } from './errors';
import { authorizationClient, type ArmAccess } from './connection';

/** Built-in roles that matter for a registry, by role definition GUID. */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
  '8311e382-0749-4cb8-b61a-304f252e45ec': 'AcrPush',
  'c2f4ef07-c644-48eb-af81-4b1b4947fb11': 'AcrDelete',
  '6cef56e8-d556-48e5-a04f-b8e64114680f': 'AcrImageSigner',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
  'b93aa761-3e63-49ed-ac28-beffa264f7ac': 'Container Registry Repository Reader',
  '2a1e307c-b015-4ebd-883e-5b7698a07328': 'Container Registry Repository Writer',
  '2efddaa5-3f1f-4df3-97df-af3f13818f4c': 'Container Registry Repository Contributor',
};

export const ROLE_ID_BY_NAME: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(BUILT_IN_ROLES).map(([id, name]) => [name.toLowerCase(), id]));

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

export function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? '').toLowerCase();
}

function isGuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/**
 * Assignments at `scope` and above (ARM's `atScope()`), optionally only those of one principal
 * (`assignedTo('<objectId>')`, which also covers the groups it belongs to).
 */
export async function listRoleAssignments(azure: ArmAccess, scope: string, opts: { principalId?: string; signal?: AbortSignal } = {}): Promise<RoleAssignmentInfo[]> {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? azure.subscriptionId ?? '00000000-0000-0000-0000-000000000000';
  if (opts.principalId !== undefined && !isGuid(opts.principalId)) {
    throw new Error(`'${opts.principalId}' is not an object id (a GUID).`);
  }
  const client = authorizationClient(azure, sub);
  const filter = opts.principalId ? `atScope() and assignedTo('${opts.principalId}')` : 'atScope()';
  const raw = await armCall(`list role assignments on ${scope}`, async () => {
    const out = [];
    for await (const a of client.roleAssignments.listForScope(scope, { filter, abortSignal: opts.signal })) out.push(a);
    return out;
  }, opts.signal);
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

/** 10 minutes: how long Azure may take before a new assignment applies. */
export const ROLE_PROPAGATION_MS = 10 * 60 * 1000;

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

/** Roles that may grant a role (write role assignments), for the refusal's "ask one of them". */
export const ROLE_GRANTERS = ['Owner', 'User Access Administrator', 'Role Based Access Control Administrator'] as const;
