// The Azure-side fixes, one function each, through the real SDK clients: they change exactly one
// setting, read the current value first (so a fix that is already applied says so and changes
// nothing), and return what they did in words. Callers ask the user before running any of them.
import { randomUUID } from 'node:crypto';
import { AzureAccessError, armCall } from './errors';
import { armRequest, authorizationClient, registryClient, type ArmAccess } from './connection';
import { parseRegistryId, type RegistryRef } from './registry-view';
import { ROLE_GRANTERS, ROLE_ID_BY_NAME, roleAssignmentCommand } from './role-assignments';
import { principalTypeFor, type PrincipalType } from './principal-type';
import { subscriptionOfResource } from '../registry/resource-id';

export interface FixResult {
  /** false when the setting already had the wanted value. */
  changed: boolean;
  /** One sentence, no secrets: what changed where. */
  summary: string;
}

function ref(registry: string | RegistryRef): RegistryRef {
  return typeof registry === 'string' ? parseRegistryId(registry) : registry;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Allow the client's public IP through the registry firewall (Premium; networkRuleSet.ipRules). */
export async function addClientIpRule(azure: ArmAccess, registry: string | RegistryRef, ip: string, signal?: AbortSignal): Promise<FixResult> {
  const r = ref(registry);
  const addr = ip.trim().replace(/^::ffff:/, '');
  if (!IPV4.test(addr)) throw new AzureAccessError('bad-request', `'${ip}' is not an IPv4 address; ACR firewall rules take IPv4 addresses or ranges.`, 'add IP rule');
  const client = registryClient(azure, r.subscriptionId);
  const reg = await armCall(`read registry ${r.name}`, () => client.registries.get(r.resourceGroup, r.name, { abortSignal: signal }), signal);
  if ((reg.sku?.name ?? '').toLowerCase() !== 'premium') {
    throw new AzureAccessError('bad-request', `Registry ${r.name} is ${reg.sku?.name ?? 'not Premium'}: firewall rules need the Premium SKU.`, 'add IP rule');
  }
  const rules = (reg.networkRuleSet?.ipRules ?? []).map((x) => ({ action: x.action ?? 'Allow', iPAddressOrRange: x.iPAddressOrRange }));
  if (rules.some((x) => x.iPAddressOrRange === addr || x.iPAddressOrRange === `${addr}/32`)) {
    return { changed: false, summary: `${addr} is already allowed by registry ${r.name}'s firewall.` };
  }
  rules.push({ action: 'Allow', iPAddressOrRange: addr });
  await armCall(`update registry ${r.name}`, () => client.registries.update(r.resourceGroup, r.name, {
    networkRuleSet: { defaultAction: reg.networkRuleSet?.defaultAction ?? 'Deny', ipRules: rules },
  }, { abortSignal: signal }), signal);
  return { changed: true, summary: `Added ${addr} to the firewall rules of registry ${r.name}.` };
}

async function patchOne(azure: ArmAccess, registry: string | RegistryRef, what: string, isSet: (reg: Awaited<ReturnType<ReturnType<typeof registryClient>['registries']['get']>>) => boolean, patch: Parameters<ReturnType<typeof registryClient>['registries']['update']>[2], signal?: AbortSignal): Promise<FixResult> {
  const r = ref(registry);
  const client = registryClient(azure, r.subscriptionId);
  const reg = await armCall(`read registry ${r.name}`, () => client.registries.get(r.resourceGroup, r.name, { abortSignal: signal }), signal);
  if (isSet(reg)) return { changed: false, summary: `Registry ${r.name} already has ${what}.` };
  await armCall(`update registry ${r.name}`, () => client.registries.update(r.resourceGroup, r.name, patch, { abortSignal: signal }), signal);
  return { changed: true, summary: `Set ${what} on registry ${r.name}.` };
}

export function enablePublicNetworkAccess(azure: ArmAccess, registry: string | RegistryRef, signal?: AbortSignal): Promise<FixResult> {
  return patchOne(azure, registry, 'public network access enabled', (reg) => reg.publicNetworkAccess === 'Enabled', { publicNetworkAccess: 'Enabled' }, signal);
}

/** "Allow trusted Microsoft services to access this container registry". */
export function enableTrustedServicesBypass(azure: ArmAccess, registry: string | RegistryRef, signal?: AbortSignal): Promise<FixResult> {
  return patchOne(azure, registry, 'trusted Azure services bypass (AzureServices)', (reg) => reg.networkRuleBypassOptions === 'AzureServices', { networkRuleBypassOptions: 'AzureServices' }, signal);
}

export function setAdminUserEnabled(azure: ArmAccess, registry: string | RegistryRef, enabled: boolean, signal?: AbortSignal): Promise<FixResult> {
  return patchOne(azure, registry, `the admin user ${enabled ? 'enabled' : 'disabled'}`, (reg) => reg.adminUserEnabled === enabled, { adminUserEnabled: enabled }, signal);
}

/** Accept Entra tokens with the ARM audience again (policies.azureADAuthenticationAsArmPolicy). */
export function enableArmAudienceTokens(azure: ArmAccess, registry: string | RegistryRef, signal?: AbortSignal): Promise<FixResult> {
  return patchOne(azure, registry, 'ARM-audience Entra tokens accepted', (reg) => reg.policies?.azureADAuthenticationAsArmPolicy?.status !== 'disabled', { policies: { azureADAuthenticationAsArmPolicy: { status: 'enabled' } } }, signal);
}

export interface RoleAssignmentRequest {
  /** Scope, usually the registry's resource id. */
  scope: string;
  /** A built-in role name (AcrPull, AcrPush, Reader, …) or a role definition GUID. */
  role: string;
  principalId: string;
  /** The grantee's type when the caller knows it; else read from the sign-in, or left to ARM. */
  principalType?: PrincipalType;
}

/** Why ARM refused a role assignment, for a clear fix result (the vscode layer words it in Dutch too). */
export type RoleAssignmentRefusal = 'not-authorized' | 'principal-not-found';

export class RoleAssignmentRefused extends AzureAccessError {
  constructor(readonly refusal: RoleAssignmentRefusal, message: string, operation: string, status: number | undefined, code: string | undefined,
    /** The command someone allowed to grant it can run. */
    readonly command: string) {
    super(refusal === 'not-authorized' ? 'forbidden' : 'bad-request', message, operation, status, code);
  }
}

/**
 * `az role assignment create`, through the SDK. Needs Owner, User Access Administrator or Role
 * Based Access Control Administrator on the scope; a refusal is a RoleAssignmentRefused saying
 * who may grant it. The principal type sent is the grantee's own (never a guess): the caller's,
 * the sign-in's (token claims) when it is the signed-in principal, else none (ARM looks it up).
 */
export async function createRoleAssignment(azure: ArmAccess, req: RoleAssignmentRequest, signal?: AbortSignal): Promise<FixResult & { assignmentId?: string }> {
  const guid = /^[0-9a-f-]{36}$/i.test(req.role) ? req.role.toLowerCase() : ROLE_ID_BY_NAME[req.role.toLowerCase()];
  if (!guid) throw new AzureAccessError('bad-request', `Unknown role '${req.role}'.`, 'create role assignment');
  const sub = subscriptionOfResource(req.scope);
  if (!sub) throw new AzureAccessError('bad-request', `'${req.scope}' is not a subscription-level scope.`, 'create role assignment');
  const client = authorizationClient(azure, sub);
  const operation = `assign ${req.role} on ${req.scope}`;
  const principalType = req.principalType ?? await principalTypeFor(azure, req.principalId, signal);
  const create = (type: PrincipalType | undefined) => armCall(operation, () => client.roleAssignments.create(req.scope, randomUUID(), {
    roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    principalId: req.principalId,
    ...(type ? { principalType: type } : {}),
  }, { abortSignal: signal }), signal);
  const command = roleAssignmentCommand(req.principalId, req.role, req.scope, principalType);
  try {
    let a;
    try {
      a = await create(principalType);
    } catch (e) {
      // A type that turned out wrong (a stale claim, a caller's guess): let ARM read the real one.
      if (!(e instanceof AzureAccessError && e.code === 'UnmatchedPrincipalType' && principalType)) throw e;
      a = await create(undefined);
    }
    return { changed: true, assignmentId: a.id, summary: `Assigned ${req.role} to ${req.principalId} on ${req.scope}. It can take up to 10 minutes to apply.` };
  } catch (e) {
    if (!(e instanceof AzureAccessError)) throw e;
    if (e.code === 'RoleAssignmentExists') {
      return { changed: false, summary: `${req.principalId} already holds ${req.role} on ${req.scope}.` };
    }
    if (e.code === 'AuthorizationFailed' || e.status === 403) {
      throw new RoleAssignmentRefused('not-authorized',
        `You may not assign roles on ${req.scope} (it needs Microsoft.Authorization/roleAssignments/write there). Ask an ${ROLE_GRANTERS.slice(0, 2).join(' or ')} of the registry, its resource group or subscription to run: ${command}`,
        operation, e.status, e.code, command);
    }
    if (e.code === 'PrincipalNotFound') {
      throw new RoleAssignmentRefused('principal-not-found',
        `Entra ID has no principal ${req.principalId} in this tenant (a deleted identity, or one just created: try again in a few minutes).`,
        operation, e.status, e.code, command);
    }
    throw e;
  }
}

/**
 * New password for a repository token (registries.generateCredentials). The password is returned
 * to the caller once — show it to the user, never log it.
 */
export async function regenerateTokenPassword(azure: ArmAccess, registry: string | RegistryRef, tokenName: string, opts: { expiry?: Date; which?: 'password1' | 'password2'; signal?: AbortSignal } = {}): Promise<FixResult & { username: string; password: string; expiry?: Date }> {
  const r = ref(registry);
  const client = registryClient(azure, r.subscriptionId);
  const token = await armCall(`read token ${tokenName}`, () => client.tokens.get(r.resourceGroup, r.name, tokenName, { abortSignal: opts.signal }), opts.signal);
  const res = await armCall(`generate a password for token ${tokenName}`, () => client.registries.generateCredentials(r.resourceGroup, r.name, {
    tokenId: token.id ?? `${r.id}/tokens/${tokenName}`,
    name: opts.which ?? 'password1',
    ...(opts.expiry ? { expiry: opts.expiry } : {}),
  }, { abortSignal: opts.signal }), opts.signal);
  const pw = (res.passwords ?? []).find((p) => typeof p.value === 'string' && p.value);
  if (!pw?.value) throw new AzureAccessError('invalid-response', 'ARM generated credentials without a password value.', 'generate token password');
  const expiry = pw.expiry instanceof Date && !Number.isNaN(pw.expiry.getTime()) ? pw.expiry : undefined;
  return {
    changed: true, username: res.username ?? tokenName, password: pw.value, expiry,
    summary: `Generated a new ${pw.name ?? 'password'} for token ${tokenName} of registry ${r.name}${expiry ? `, valid until ${expiry.toISOString()}` : ''}.`,
  };
}

export async function enableRepositoryToken(azure: ArmAccess, registry: string | RegistryRef, tokenName: string, signal?: AbortSignal): Promise<FixResult> {
  const r = ref(registry);
  const client = registryClient(azure, r.subscriptionId);
  const token = await armCall(`read token ${tokenName}`, () => client.tokens.get(r.resourceGroup, r.name, tokenName, { abortSignal: signal }), signal);
  if (token.status === 'enabled') return { changed: false, summary: `Token ${tokenName} is already enabled.` };
  await armCall(`enable token ${tokenName}`, () => client.tokens.update(r.resourceGroup, r.name, tokenName, { status: 'enabled' }, { abortSignal: signal }), signal);
  return { changed: true, summary: `Enabled token ${tokenName} of registry ${r.name}.` };
}

export async function approvePrivateEndpointConnection(azure: ArmAccess, registry: string | RegistryRef, connectionName: string, signal?: AbortSignal): Promise<FixResult> {
  const r = ref(registry);
  const client = registryClient(azure, r.subscriptionId);
  const pec = await armCall(`read private endpoint connection ${connectionName}`, () => client.privateEndpointConnections.get(r.resourceGroup, r.name, connectionName, { abortSignal: signal }), signal);
  if (pec.privateLinkServiceConnectionState?.status === 'Approved') return { changed: false, summary: `Private endpoint connection ${connectionName} is already approved.` };
  await armCall(`approve private endpoint connection ${connectionName}`, () => client.privateEndpointConnections.createOrUpdate(r.resourceGroup, r.name, connectionName, {
    privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved by ACR Doctor' },
  }, { abortSignal: signal }), signal);
  return { changed: true, summary: `Approved private endpoint connection ${connectionName} of registry ${r.name}.` };
}

/** `az provider register --namespace Microsoft.ContainerRegistry` for a subscription. */
export async function registerResourceProvider(azure: ArmAccess, subscriptionId: string, namespace = 'Microsoft.ContainerRegistry', signal?: AbortSignal): Promise<FixResult> {
  if (!/^[A-Za-z0-9.]+$/.test(namespace)) throw new AzureAccessError('bad-request', `'${namespace}' is not a resource provider namespace.`, 'register provider');
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/${namespace}`;
  const current = await armRequest<{ registrationState?: string }>(azure, 'GET', path, { apiVersion: '2021-04-01', signal, operation: `read provider ${namespace}` });
  if (current?.registrationState === 'Registered') return { changed: false, summary: `${namespace} is already registered in subscription ${subscriptionId}.` };
  await armRequest(azure, 'POST', `${path}/register`, { apiVersion: '2021-04-01', signal, operation: `register provider ${namespace}` });
  return { changed: true, summary: `Registered ${namespace} in subscription ${subscriptionId}.` };
}
