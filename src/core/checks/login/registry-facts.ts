// What ARM says about the registry, reduced to what the login checks decide on. Filled by the
// login.registry check from src/core/azure; read by the credential, authorisation and expiry checks.
import { ROLE_PROPAGATION_MS, roleNameOf } from '../../azure/roles';
import type { RegistryFacts, RoleAssignmentFacts } from '../../azure/registry-reads';

export { roleNameOf };
export type { RegistryArm, RegistryFacts, RepositoryTokenFacts, RoleAssignmentFacts } from '../../azure/registry-reads';

// ACR lets Reader pull (its */read includes registries/pull/read); Owner/Contributor/Reader keep
// working in ABAC mode, only the Acr* roles stop counting there.
const PULL_ROLES = new Set(['AcrPull', 'AcrPush', 'Owner', 'Contributor', 'Reader']);
const PUSH_ROLES = new Set(['AcrPush', 'Owner', 'Contributor']);
const ABAC_PULL = new Set(['Container Registry Repository Reader', 'Container Registry Repository Writer', 'Container Registry Repository Contributor', 'Owner', 'Contributor', 'Reader']);
const ABAC_PUSH = new Set(['Container Registry Repository Writer', 'Container Registry Repository Contributor', 'Owner', 'Contributor']);
const READ_ROLES = new Set(['Reader', 'Contributor', 'Owner']);

/** How long Azure may take to apply a new role assignment (the one table in src/core/azure/roles.ts). */
export const PROPAGATION_MS = ROLE_PROPAGATION_MS;

/** The groups through which `principalId` holds roles here (empty when unknown or another principal). */
export function groupsOf(facts: Pick<RegistryFacts, 'principalGroups'> | undefined, principalId: string): string[] {
  const g = facts?.principalGroups;
  return g && g.principalId.toLowerCase() === principalId.toLowerCase() ? g.groupIds : [];
}

export interface RoleAnalysis {
  /** Roles the principal holds at the registry scope or above, its own and its groups'. */
  held: RoleAssignmentFacts[];
  canPull: boolean;
  canPush: boolean;
  canReadArm: boolean;
  /** Assignments that would grant pull but are younger than 10 minutes. */
  pending: RoleAssignmentFacts[];
  /** ABAC mode with only AcrPull/AcrPush: assignments that do not count. */
  ignoredByAbac: RoleAssignmentFacts[];
}

/**
 * What the principal's assignments grant, as ACR evaluates them: its own and those of the groups it
 * is a member of (`groupIds`, from ARM's assignedTo(); an assignment to a group applies to its members).
 */
export function analyseRoles(assignments: RoleAssignmentFacts[], principalId: string, abac: boolean, now: Date, groupIds: readonly string[] = []): RoleAnalysis {
  const ids = new Set([principalId, ...groupIds].map((x) => x.toLowerCase()));
  const held = assignments.filter((a) => ids.has(a.principalId.toLowerCase()));
  const settled = (a: RoleAssignmentFacts) => !a.createdOn || now.getTime() - a.createdOn.getTime() >= PROPAGATION_MS;
  const pullSet = abac ? ABAC_PULL : PULL_ROLES;
  const pushSet = abac ? ABAC_PUSH : PUSH_ROLES;
  return {
    held,
    canPull: held.some((a) => pullSet.has(a.role) && settled(a)),
    canPush: held.some((a) => pushSet.has(a.role) && settled(a)),
    canReadArm: held.some((a) => READ_ROLES.has(a.role) && settled(a)),
    pending: held.filter((a) => pullSet.has(a.role) && !settled(a)),
    ignoredByAbac: abac ? held.filter((a) => a.role === 'AcrPull' || a.role === 'AcrPush') : [],
  };
}

export interface ReaderEvidence {
  /** The registry's resource id, when an assignment names it (`…/registries/<name>` or below). */
  registryId?: string;
  /** The principal's assignments (its own and its groups') at the registry and above. */
  held: RoleAssignmentFacts[];
  /** One of them lets it read the registry through ARM (Reader, Contributor, Owner). */
  canReadArm: boolean;
}

/**
 * From the principal's role assignments in a subscription (ARM's assignedTo(): its own and its
 * groups', at, above and below the subscription): the registry `name`'s id, found from an
 * assignment on it, and what the principal holds there and above. Undefined when no assignment
 * names the registry: then nothing can be said about it from these assignments.
 */
export function readerEvidence(assignments: RoleAssignmentFacts[], name: string, now: Date): ReaderEvidence | undefined {
  const re = new RegExp(`^(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ContainerRegistry/registries/${name.replace(/[^a-z0-9]/gi, '')})(/|$)`, 'i');
  const registryId = assignments.map((a) => re.exec(a.scope)?.[1]).find((x): x is string => !!x);
  if (!registryId) return undefined;
  const norm = (x: string) => x.replace(/\/+$/, '').toLowerCase();
  const id = norm(registryId);
  // At the registry or above: the root, the subscription, the resource group, the registry itself.
  const held = assignments.filter((a) => { const sc = norm(a.scope); return sc === '' || id === sc || id.startsWith(`${sc}/`); });
  const settled = (a: RoleAssignmentFacts) => !a.createdOn || now.getTime() - a.createdOn.getTime() >= PROPAGATION_MS;
  return { registryId, held, canReadArm: held.some((a) => READ_ROLES.has(a.role) && settled(a)) };
}
