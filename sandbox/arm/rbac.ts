// RBAC as ARM and the registry apply it: role definitions' actions, assignments that cover a
// scope (groups included), propagation delay, ABAC repository conditions.
import type { ArmState, RegistryRecord, RoleAssignmentJson, RoleDefinitionJson } from './arm-json';
import { ACR, ROLE_IDS } from './built-in-roles';
import { principalAndGroups } from './groups';
import { scopeCovers } from './lookups';

function roleDefinitionFor(state: ArmState, roleDefinitionIdOrGuid: string): RoleDefinitionJson | undefined {
  const guid = roleDefinitionIdOrGuid.split('/').pop()!.toLowerCase();
  return state.roleDefinitions.find((d) => d.name.toLowerCase() === guid);
}

export function roleName(state: ArmState, roleDefinitionIdOrGuid: string): string | undefined {
  return roleDefinitionFor(state, roleDefinitionIdOrGuid)?.properties.roleName;
}

export function globMatch(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

function permits(def: RoleDefinitionJson, action: string, data: boolean): boolean {
  return def.properties.permissions.some((p) => data
    ? p.dataActions.some((a) => globMatch(a, action)) && !p.notDataActions.some((a) => globMatch(a, action))
    : p.actions.some((a) => globMatch(a, action)) && !p.notActions.some((a) => globMatch(a, action)));
}

/** Role assignments of a principal (its own and its groups') whose scope covers `scope` (inherited from above included). */
export function assignmentsCovering(state: ArmState, principalId: string, scope: string): RoleAssignmentJson[] {
  const ids = principalAndGroups(state, principalId);
  return state.roleAssignments.filter((a) => ids.has(a.properties.principalId.toLowerCase()) && scopeCovers(a.properties.scope, scope));
}

function isEffective(state: ArmState, a: RoleAssignmentJson, now: Date): boolean {
  return Date.parse(a.properties.createdOn) + state.roleAssignmentPropagationMs <= now.getTime();
}

/** Control-plane check the ARM server uses: may the principal perform `action` on `scope`? */
export function armActionAllowed(state: ArmState, principalId: string, scope: string, action: string, _now = new Date()): boolean {
  return assignmentsCovering(state, principalId, scope).some((a) => {
    const def = roleDefinitionFor(state, a.properties.roleDefinitionId);
    return !!def && permits(def, action, false);
  });
}

/**
 * The same check as `armActionAllowed`, prepared once per request: the principal's assignments
 * and their role definitions are looked up once (10 000 registries × 10 000 assignments otherwise).
 */
export function armAccessChecker(state: ArmState, principalId: string): (scope: string, action: string) => boolean {
  const ids = principalAndGroups(state, principalId);
  // Role definitions by assignment scope: a check walks the target's ancestors (root, subscription,
  // resource group, resource …) instead of every assignment — Resource Graph checks 10 000
  // resources against 100+ assignments per query in scale mode.
  const byScope = new Map<string, RoleDefinitionJson[]>();
  for (const a of state.roleAssignments) {
    if (!ids.has(a.properties.principalId.toLowerCase())) continue;
    const def = roleDefinitionFor(state, a.properties.roleDefinitionId);
    if (!def) continue;
    const scope = a.properties.scope.replace(/\/+$/, '').toLowerCase();
    const list = byScope.get(scope);
    if (list) list.push(def); else byScope.set(scope, [def]);
  }
  const cache = new Map<string, boolean>();
  const grants = (defs: RoleDefinitionJson[] | undefined, action: string) => !!defs && defs.some((def) => {
    const key = `${def.name}|${action}`;
    let v = cache.get(key);
    if (v === undefined) { v = permits(def, action, false); cache.set(key, v); }
    return v;
  });
  return (scope, action) => {
    const t = scope.replace(/\/+$/, '').toLowerCase();
    if (grants(byScope.get(''), action)) return true;
    for (let i = t.indexOf('/', 1); i !== -1; i = t.indexOf('/', i + 1)) if (grants(byScope.get(t.slice(0, i)), action)) return true;
    return grants(byScope.get(t), action);
  };
}

/** Simple reading of the ABAC conditions the portal writes for repository roles. */
function conditionAllowsRepository(condition: string | undefined, repository: string | undefined): boolean {
  if (!condition) return true;
  if (repository === undefined) return true;        // "some repository" — the caller asked in general
  const r = repository.toLowerCase();
  const eq = [...condition.matchAll(/StringEqualsIgnoreCase\s+'([^']*)'/gi)].map((m) => m[1].toLowerCase());
  const starts = [...condition.matchAll(/StringStartsWithIgnoreCase\s+'([^']*)'/gi)].map((m) => m[1].toLowerCase());
  if (!eq.length && !starts.length) return true;
  return eq.includes(r) || starts.some((p) => r.startsWith(p));
}

export type RegistryAction = 'pull' | 'push' | 'delete';

/** AcrPull, AcrPush, AcrDelete (and AcrImageSigner): not honoured in AbacRepositoryPermissions mode. */
const LEGACY_ACR_ROLES = new Set([ROLE_IDS.AcrPull, ROLE_IDS.AcrPush, ROLE_IDS.AcrDelete, '6cef56e8-d556-48e5-a04f-b8e64114680f']);

export interface EffectiveActions {
  /** What the registry grants now. */
  actions: RegistryAction[];
  /** What assignments younger than the propagation delay will grant once they apply. */
  pending: RegistryAction[];
  /** Names of the roles that granted (or will grant) something. */
  roles: string[];
  /** AcrPull/AcrPush/AcrDelete assignments ignored because of ABAC mode. */
  ignoredByAbac: string[];
}

/**
 * What a principal may do on a registry's data plane, from RBAC: AcrPull → pull, AcrPush → pull+push,
 * AcrDelete → delete, Owner/Contributor → all, Reader → pull (the docs' role table). In
 * `AbacRepositoryPermissions` mode AcrPull/AcrPush/AcrDelete are not honoured; the Container
 * Registry Repository roles count (limited to repositories by their ABAC condition, if any).
 * Assignments created less than `roleAssignmentPropagationMs` ago are reported as pending.
 */
export function effectiveRegistryActions(state: ArmState, principalId: string, registry: RegistryRecord, now = new Date(), repository?: string): EffectiveActions {
  const abac = registry.arm.properties.roleAssignmentMode === 'AbacRepositoryPermissions';
  const now_: RegistryAction[] = [];
  const later: RegistryAction[] = [];
  const roles = new Set<string>();
  const ignored = new Set<string>();
  const add = (list: RegistryAction[], a: RegistryAction) => { if (!list.includes(a)) list.push(a); };
  for (const a of assignmentsCovering(state, principalId, registry.arm.id)) {
    const def = roleDefinitionFor(state, a.properties.roleDefinitionId);
    if (!def) continue;
    const grants: RegistryAction[] = [];
    const legacyAcrRole = LEGACY_ACR_ROLES.has(def.name.toLowerCase());
    if (abac && legacyAcrRole) { ignored.add(def.properties.roleName); continue; }
    if (abac && !conditionAllowsRepository(a.properties.condition, repository)) continue;
    // Repository roles (data actions) count in both modes; Owner/Contributor/Reader and the Acr* roles
    // grant through control-plane actions (the Acr* ones only in legacy mode, see above).
    if (permits(def, `${ACR}/repositories/content/read`, true) || permits(def, `${ACR}/pull/read`, false)) grants.push('pull');
    if (permits(def, `${ACR}/repositories/content/write`, true) || permits(def, `${ACR}/push/write`, false)) grants.push('push');
    if (permits(def, `${ACR}/repositories/content/delete`, true) || permits(def, `${ACR}/artifacts/delete`, false)) grants.push('delete');
    if (!grants.length) continue;
    roles.add(def.properties.roleName);
    for (const g of grants) add(isEffective(state, a, now) ? now_ : later, g);
  }
  return { actions: now_, pending: later.filter((a) => !now_.includes(a)), roles: [...roles], ignoredByAbac: [...ignored] };
}
