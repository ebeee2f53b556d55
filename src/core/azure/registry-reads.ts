// Read what the login checks need from ARM through the run's clients (connection.ts): the registry (found
// by login server or name across the account's subscriptions), its repository tokens and the
// role assignments at its scope and above. Each part that cannot be read becomes a gap, not a throw.
import { armScope, credentialOf, registryClient, subscriptionClient, type ArmAccess } from './connection';
import { tokenClaims } from './credential';
import { roleNameOf } from './roles';
import { assignmentsAt } from './role-assignments';
import { parseResourceId } from '../registry/resource-id';
import { registriesPerSubscription } from './list-registries';

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

/** Short reason from an SDK error (code + message, no request dump). */
export function armReason(e: unknown): string {
  const err = e as { code?: string; statusCode?: number; message?: string };
  return `${err.code ?? err.statusCode ?? 'error'}: ${String(err.message ?? e).replace(/\s+/g, ' ').slice(0, 400)}`;
}

export async function subscriptionIds(az: ArmAccess, signal: AbortSignal): Promise<string[]> {
  if (az.subscriptionId) return [az.subscriptionId];
  const client = subscriptionClient(az);
  const out: string[] = [];
  for await (const s of client.subscriptions.list({ abortSignal: signal })) if (s.subscriptionId) out.push(s.subscriptionId);
  return out;
}

export interface RegistryListing {
  registries: { name: string; loginServer: string; id: string; arm: RegistryArm }[];
  gaps: string[];
  /** The subscriptions that were asked. */
  subscriptions?: string[];
}

/** The account's registries with what the login checks decide on, through the one per-subscription listing. */
export async function listRegistries(az: ArmAccess, signal: AbortSignal): Promise<RegistryListing> {
  const gaps: string[] = [];
  let subs: string[] = [];
  try {
    subs = await subscriptionIds(az, signal);
  } catch (e) {
    gaps.push(`subscriptions: ${armReason(e)}`);
  }
  const { items, failures } = await registriesPerSubscription(az, subs, (r) => {
    if (!r.id || !r.name || !r.loginServer) return undefined;
    const { subscriptionId = '', resourceGroup = '' } = parseResourceId(r.id);
    return {
      name: r.name, loginServer: r.loginServer, id: r.id,
      arm: {
        id: r.id, name: r.name, subscriptionId, resourceGroup, loginServer: r.loginServer,
        sku: r.sku?.name, location: r.location, adminUserEnabled: r.adminUserEnabled,
        anonymousPullEnabled: r.anonymousPullEnabled, roleAssignmentMode: r.roleAssignmentMode,
        armAudienceDisabled: r.policies?.azureADAuthenticationAsArmPolicy?.status === 'disabled',
      },
    };
  }, signal);
  gaps.push(...failures.map((f) => `registries in ${f.subscriptionId}: ${armReason(f.error)}`));
  return { registries: items, gaps, subscriptions: subs };
}

export async function readTokens(az: ArmAccess, reg: RegistryArm, signal: AbortSignal): Promise<RepositoryTokenFacts[]> {
  const client = registryClient(az, reg.subscriptionId);
  const out: RepositoryTokenFacts[] = [];
  for await (const t of client.tokens.list(reg.resourceGroup, reg.name, { abortSignal: signal })) {
    out.push({
      name: t.name ?? '', status: t.status ?? 'enabled', scopeMapId: t.scopeMapId,
      passwords: (t.credentials?.passwords ?? []).map((p) => ({ name: String(p.name ?? ''), expiry: p.expiry, created: p.creationTime })),
    });
  }
  return out;
}

/** An object id (a GUID): the only thing put into an assignedTo() filter. */
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Role assignments listed at `scope` (an ARM id) with an ARM `filter`, as the checks read them. */
async function listAssignments(az: ArmAccess, subscriptionId: string, scope: string, filter: string, signal: AbortSignal): Promise<RoleAssignmentFacts[]> {
  const out: RoleAssignmentFacts[] = [];
  // The SDK's path is "/{scope}/providers/…" with the scope unencoded: pass it without its leading slash.
  for (const a of await assignmentsAt(az, subscriptionId, scope.replace(/^\/+/, ''), filter, signal)) {
    if (!a.principalId) continue;
    out.push({
      principalId: a.principalId, principalType: a.principalType, role: roleNameOf(a.roleDefinitionId), scope: a.scope ?? '',
      createdOn: a.createdOn, condition: a.condition ?? undefined,
    });
  }
  return out;
}

export async function readRoleAssignments(az: ArmAccess, reg: RegistryArm, signal: AbortSignal): Promise<RoleAssignmentFacts[]> {
  // atScope(): assignments at the registry and above (resource group, subscription, management group).
  return listAssignments(az, reg.subscriptionId, reg.id, 'atScope()', signal);
}

/**
 * The groups through which `principalId` holds a role at the registry or above. ARM's
 * `atScope() and assignedTo('{objectId}')` (what `az role assignment list --include-groups`
 * sends) lists the principal's own assignments and those of the groups it is a member of,
 * transitively; every assignee other than the principal is such a group.
 */
export async function readPrincipalGroups(az: ArmAccess, reg: RegistryArm, principalId: string, signal: AbortSignal): Promise<string[]> {
  if (!OBJECT_ID.test(principalId)) return [];
  const assignments = await listAssignments(az, reg.subscriptionId, reg.id, `atScope() and assignedTo('${principalId}')`, signal);
  return [...new Set(assignments.map((a) => a.principalId).filter((id) => id.toLowerCase() !== principalId.toLowerCase()))];
}

/**
 * The principal's role assignments in a subscription: at, above and below it (no atScope()), its
 * own and its groups' (assignedTo). ARM answers only when the caller may read role assignments
 * there (Microsoft.Authorization/roleAssignments/read): an AuthorizationFailed is thrown.
 */
export async function readAssignmentsOf(az: ArmAccess, subscriptionId: string, principalId: string, signal: AbortSignal): Promise<RoleAssignmentFacts[]> {
  if (!OBJECT_ID.test(principalId)) return [];
  return listAssignments(az, subscriptionId, `/subscriptions/${subscriptionId}`, `assignedTo('${principalId}')`, signal);
}

/** The signed-in principal's object id: the context's, else the ARM token's oid (the run's credential has it cached). */
export async function signedInPrincipal(az: ArmAccess, signal: AbortSignal): Promise<string | undefined> {
  if (az.principalId) return az.principalId;
  try {
    const t = await credentialOf(az).getToken(armScope(az), { abortSignal: signal });
    const oid = t ? tokenClaims(t.token)?.oid : undefined;
    return typeof oid === 'string' ? oid : undefined;
  } catch {
    return undefined; // the sign-in checks say why
  }
}

/** Tokens and role assignments of a found registry; what cannot be read goes into gaps. */
export async function registryDetails(az: ArmAccess, reg: RegistryArm, signal: AbortSignal, principalId?: string): Promise<RegistryFacts> {
  const facts: RegistryFacts = { registry: reg, gaps: [] };
  await Promise.all([
    readTokens(az, reg, signal).then((t) => { facts.tokens = t; }, (e) => { facts.gaps.push(`tokens: ${armReason(e)}`); }),
    readRoleAssignments(az, reg, signal).then((r) => { facts.roleAssignments = r; }, (e) => { facts.gaps.push(`role assignments: ${armReason(e)}`); }),
    principalId
      ? readPrincipalGroups(az, reg, principalId, signal).then((g) => { facts.principalGroups = { principalId, groupIds: g }; }, (e) => { facts.gaps.push(`role assignments through groups: ${armReason(e)}`); })
      : undefined,
  ]);
  return facts;
}
