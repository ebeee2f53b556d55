// Small state edits scenarios share.
import type { RegistryRecord, BuiltInRoleName } from '../arm/state';
import { roleAssignment, roleDefinitionId, ROLE_IDS } from '../arm/state';
import type { ScenarioContext } from './types';
import { entraGroup } from '../arm/groups';

/** Remove the principal's assignments of these roles on (or above) the registry. */
export function removeRoles(ctx: ScenarioContext, principalId: string, roles: BuiltInRoleName[]): void {
  const guids = roles.map((r) => ROLE_IDS[r].toLowerCase());
  ctx.state.roleAssignments = ctx.state.roleAssignments.filter((a) =>
    !(a.properties.principalId === principalId && guids.includes(a.properties.roleDefinitionId.split('/').pop()!.toLowerCase())));
}

export function addRole(ctx: ScenarioContext, registry: RegistryRecord, principalId: string, role: BuiltInRoleName, createdOn?: Date, principalType?: 'ServicePrincipal' | 'Group'): void {
  ctx.state.roleAssignments.push(roleAssignment({
    scope: registry.arm.id, role, principalId, subscriptionId: ctx.subscriptionId, principalType,
    createdOn: createdOn ?? new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000),
  }));
}

/** Fixed object ids of the sandbox's Entra groups (tests and docs name them). */
export const GROUP_IDS = { platformTeam: '0a1b2c3d-0000-4000-8000-00000000a001', pullers: '0a1b2c3d-0000-4000-8000-00000000a002' } as const;

/** The service principal in platform-team, platform-team in acr-pullers (nested, as Entra allows). */
export function addGroups(ctx: ScenarioContext): { platformTeam: string; pullers: string } {
  (ctx.state.groups ??= []).push(
    entraGroup(ctx.tenantId, 'platform-team', [ctx.sp.objectId], GROUP_IDS.platformTeam),
    entraGroup(ctx.tenantId, 'acr-pullers', [GROUP_IDS.platformTeam], GROUP_IDS.pullers),
  );
  return { ...GROUP_IDS };
}

export function hasRole(ctx: ScenarioContext, principalId: string, role: BuiltInRoleName): boolean {
  const id = roleDefinitionId(ctx.subscriptionId, role).toLowerCase();
  return ctx.state.roleAssignments.some((a) => a.properties.principalId === principalId && a.properties.roleDefinitionId.toLowerCase() === id);
}

export function enableAdmin(registry: RegistryRecord): void { registry.arm.properties.adminUserEnabled = true; }

/**
 * A custom role "Reader without pull": reads everything through ARM but grants no data-plane
 * action (plain Reader lets ACR pull): the identity sees the registry but may not pull.
 */
export const METADATA_READER_GUID = '5ca1ab1e-0000-4000-8000-00000000acd0';
export function giveArmReadOnly(ctx: ScenarioContext, registry: RegistryRecord, principalId: string): void {
  if (!ctx.state.roleDefinitions.some((d) => d.name === METADATA_READER_GUID)) {
    ctx.state.roleDefinitions.push({
      id: `/subscriptions/${ctx.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${METADATA_READER_GUID}`,
      name: METADATA_READER_GUID, type: 'Microsoft.Authorization/roleDefinitions',
      properties: {
        roleName: 'Registry Metadata Reader', type: 'CustomRole',
        description: 'Reader without the pull permission: reads everything through ARM (role assignments, diagnostic settings, tokens) but may not pull.',
        assignableScopes: ['/'],
        permissions: [{ actions: ['*/read'], notActions: ['Microsoft.ContainerRegistry/registries/pull/read'], dataActions: [], notDataActions: [] }],
      },
    });
  }
  ctx.state.roleAssignments.push(roleAssignment({
    scope: registry.arm.id, role: METADATA_READER_GUID, principalId, subscriptionId: ctx.subscriptionId,
    createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000),
  }));
}

/** A custom role that reads role assignments and nothing else (an auditor's), at `scope`. */
export const ROLE_ASSIGNMENT_READER_GUID = '5ca1ab1e-0000-4000-8000-00000000acd1';
export function giveRoleAssignmentReader(ctx: ScenarioContext, scope: string, principalId: string): void {
  if (!ctx.state.roleDefinitions.some((d) => d.name === ROLE_ASSIGNMENT_READER_GUID)) {
    ctx.state.roleDefinitions.push({
      id: `/subscriptions/${ctx.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_ASSIGNMENT_READER_GUID}`,
      name: ROLE_ASSIGNMENT_READER_GUID, type: 'Microsoft.Authorization/roleDefinitions',
      properties: {
        roleName: 'Role Assignment Reader', type: 'CustomRole', description: 'Reads role assignments only.', assignableScopes: ['/'],
        permissions: [{ actions: ['Microsoft.Authorization/roleAssignments/read'], notActions: [], dataActions: [], notDataActions: [] }],
      },
    });
  }
  ctx.state.roleAssignments.push(roleAssignment({
    scope, role: ROLE_ASSIGNMENT_READER_GUID, principalId, subscriptionId: ctx.subscriptionId,
    createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000),
  }));
}
