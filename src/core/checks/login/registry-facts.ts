// What ARM says about the registry, reduced to what the login checks decide on. Filled by the
// login.registry check from src/core/azure; read by the credential, authorisation and expiry checks.

export interface RepositoryTokenFacts {
  name: string;
  status: 'enabled' | 'disabled' | string;
  /** Password expiry dates (undefined = never expires), by password name. */
  passwords: { name: string; expiry?: Date; created?: Date }[];
  scopeMapId?: string;
}

export interface RoleAssignmentFacts {
  /** The assignee: a user, service principal or managed identity, or a group (principalType 'Group'). */
  principalId: string;
  principalType?: string;
  /** Built-in role name when known (AcrPull, AcrPush, Reader...), else the definition GUID. */
  role: string;
  scope: string;
  createdOn?: Date;
  condition?: string;
}

export interface RegistryArm {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  loginServer: string;
  sku?: string;
  location?: string;
  adminUserEnabled?: boolean;
  anonymousPullEnabled?: boolean;
  /** 'AbacRepositoryPermissions' makes AcrPull/AcrPush meaningless. */
  roleAssignmentMode?: string;
  /** policies.azureADAuthenticationAsArmPolicy.status === 'disabled'. */
  armAudienceDisabled?: boolean;
}

export interface RegistryFacts {
  registry?: RegistryArm;
  tokens?: RepositoryTokenFacts[];
  /** Role assignments at the registry scope and above (inherited included). */
  roleAssignments?: RoleAssignmentFacts[];
  /**
   * The signed-in principal's groups that hold a role at the registry scope or above: ARM's
   * `atScope() and assignedTo('{objectId}')` answers the principal's own assignments and those of
   * every group it is a member of (transitively). Undefined when it could not be asked.
   */
  principalGroups?: { principalId: string; groupIds: string[] };
  /** Why a part could not be read (no permission...), for messages. */
  gaps: string[];
}

export const ROLE_NAMES_BY_ID: Record<string, string> = {
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
  '8311e382-0749-4cb8-b61a-304f252e45ec': 'AcrPush',
  'c2f4ef07-c644-48eb-af81-4b1b4947fb11': 'AcrDelete',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b93aa761-3e63-49ed-ac28-beffa264f7ac': 'Container Registry Repository Reader',
  '2a1e307c-b015-4ebd-883e-5b7698a07328': 'Container Registry Repository Writer',
  '2efddaa5-3f1f-4df3-97df-af3f13818f4c': 'Container Registry Repository Contributor',
};

/** Role name from a roleDefinitionId (…/roleDefinitions/<guid>). */
export function roleNameOf(roleDefinitionId: string | undefined): string {
  const guid = (roleDefinitionId ?? '').split('/').pop()?.toLowerCase() ?? '';
  // Own keys only: an id ending in "/__proto__" must not return Object.prototype.
  return Object.prototype.hasOwnProperty.call(ROLE_NAMES_BY_ID, guid) ? ROLE_NAMES_BY_ID[guid] : guid;
}

// ACR lets Reader pull (its */read includes registries/pull/read); Owner/Contributor/Reader keep
// working in ABAC mode, only the Acr* roles stop counting there.
const PULL_ROLES = new Set(['AcrPull', 'AcrPush', 'Owner', 'Contributor', 'Reader']);
const PUSH_ROLES = new Set(['AcrPush', 'Owner', 'Contributor']);
const ABAC_PULL = new Set(['Container Registry Repository Reader', 'Container Registry Repository Writer', 'Container Registry Repository Contributor', 'Owner', 'Contributor', 'Reader']);
const ABAC_PUSH = new Set(['Container Registry Repository Writer', 'Container Registry Repository Contributor', 'Owner', 'Contributor']);
const READ_ROLES = new Set(['Reader', 'Contributor', 'Owner']);

/** 10 minutes: how long Azure may take to apply a new role assignment. */
export const PROPAGATION_MS = 10 * 60 * 1000;

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
