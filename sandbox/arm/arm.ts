// The ARM part of the simulator: routes over `ArmState` (api-versions checked by ./api-versions.ts), answering with
// ARM's JSON shapes and ARM's error bodies (`{"error":{"code","message"}}`), authorising each
// call with the caller's role assignments the way ARM does (Reader to read, Owner to assign roles).
import {
  armAccessChecker, assignmentsCovering, findPrincipalByObjectId, newSecret, registryRecord, roleAssignment, scopeCovers,
  subscriptionOf, syncDataEndpoints, thawRegistry, type ArmState, type RegistryRecord, type RoleAssignmentJson,
} from './state';
import { principalAndGroups } from './groups';
import { armError, authorizationFailed, eq, isGuid, json, notFound, page, parseBody, type ArmRequest } from './answers';
import { resourceGraph } from './resource-graph';
import { canSeeSubscription, visibleSubscriptions } from './visibility';
import { ARM_AUDIENCES, issuerFor, verifyAccessToken, type AccessTokenClaims, type HttpAnswer } from './entra';
import { cloudMetadata, isMetadataPath } from './metadata';
import { genericResourceRow, matchesResourceFilter, parseResourceFilter } from './generic-resources';
import { apiVersionError, childApiVersionError } from './api-versions';
import { principalTypeOf } from './users';
import { listOfPullerType, pullerRoutes, PULLER_TYPES } from './pullers';

export type { ArmRequest };
export { armError, canSeeSubscription, visibleSubscriptions };

// ---------------------------------------------------------------- authentication

export function armAudiences(host: string): string[] {
  return [...ARM_AUDIENCES, `https://${host}`, `https://${host}/`];
}

function authenticate(state: ArmState, req: ArmRequest, now: Date, audiences: string[]): { ok: true; claims: AccessTokenClaims } | { ok: false; a: HttpAnswer } {
  const h = req.headers.authorization;
  const header = Array.isArray(h) ? h[0] : h;
  const www = (desc: string) => ({ 'www-authenticate': `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${desc}"` });
  if (!header) return { ok: false, a: armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", www("The authentication failed because of missing 'Authorization' header.")) };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) return { ok: false, a: armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", www("The authentication failed because of invalid 'Authorization' header.")) };
  const v = verifyAccessToken(state, m[1]!, { audiences, now });
  if (v.ok) return { ok: true, claims: v.claims };
  switch (v.reason) {
    case 'expired': return { ok: false, a: armError(401, 'ExpiredAuthenticationToken', v.message, www('The access token has expired.')) };
    case 'wrong-audience': return { ok: false, a: armError(401, 'InvalidAuthenticationTokenAudience', v.message, www('The access token has an invalid audience.')) };
    default: return { ok: false, a: armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', www('The access token is invalid.')) };
  }
}

function filterAssignments(state: ArmState, scope: string, filter: string | null): { ok: true; v: RoleAssignmentJson[] } | { ok: false; a: HttpAnswer } {
  let list = state.roleAssignments;
  const f = (filter ?? '').trim();
  let atScope = false;
  let principal: string | undefined;
  // principalId eq: the principal's own assignments; assignedTo: also those of its groups
  // (transitively), what `az role assignment list --include-groups` asks for.
  let withGroups = false;
  if (f) {
    for (const part of f.split(/\s+and\s+/i)) {
      const p = part.trim();
      let m: RegExpExecArray | null;
      if (/^atScope\(\)$/i.test(p)) atScope = true;
      else if ((m = /^principalId\s+eq\s+'([^']*)'$/i.exec(p))) principal = m[1];
      else if ((m = /^assignedTo\('([^']*)'\)$/i.exec(p))) { principal = m[1]; withGroups = true; }
      else return { ok: false, a: armError(400, 'UnsupportedQuery', `The filter '${f}' is not supported. Supported filters are either 'atScope()' or 'principalId eq '{value}' or assignedTo('{value}')'.`) };
    }
  }
  list = list.filter((a) => scopeCovers(a.properties.scope, scope) || (!atScope && scopeCovers(scope, a.properties.scope)));
  if (principal !== undefined) {
    const ids = withGroups ? principalAndGroups(state, principal) : new Set([principal.toLowerCase()]);
    list = list.filter((a) => ids.has(a.properties.principalId.toLowerCase()));
  }
  return { ok: true, v: list };
}

// ---------------------------------------------------------------- registry mutations

function applyRegistryPatch(reg: RegistryRecord, body: Record<string, unknown>): HttpAnswer | undefined {
  const props = (body.properties ?? {}) as Record<string, unknown>;
  if (typeof props !== 'object' || Array.isArray(props)) return armError(400, 'InvalidRequestContent', "The 'properties' of the request must be an object.");
  const p = reg.arm.properties;
  const premium = reg.arm.sku.name === 'Premium';
  if (props.networkRuleSet !== undefined) {
    const n = props.networkRuleSet as { defaultAction?: unknown; ipRules?: unknown; virtualNetworkRules?: unknown } | null;
    if (!premium) return armError(400, 'NetworkRuleSetNotSupported', `Network rule set is only supported for Premium SKU. The registry '${reg.arm.name}' has SKU '${reg.arm.sku.name}'.`);
    if (!n || (n.defaultAction !== 'Allow' && n.defaultAction !== 'Deny')) return armError(400, 'InvalidDefaultAction', "The network rule set default action must be 'Allow' or 'Deny'.");
    const ipRules = Array.isArray(n.ipRules) ? n.ipRules : [];
    for (const r of ipRules) {
      const v = (r as { value?: unknown })?.value;
      if (typeof v !== 'string' || !/^(\d{1,3}\.){3}\d{1,3}(\/([0-9]|[12][0-9]|3[0-2]))?$/.test(v) || v.split('/')[0]!.split('.').some((o) => Number(o) > 255)) {
        return armError(400, 'InvalidIpRule', `The IP rule '${String(v)}' is invalid. An IP rule must be a valid IPv4 address or CIDR range.`);
      }
    }
    if (ipRules.length > 200) return armError(400, 'TooManyIpRules', 'A registry can have at most 200 IP rules.');
    p.networkRuleSet = {
      defaultAction: n.defaultAction,
      ipRules: ipRules.map((r) => ({ action: 'Allow' as const, value: (r as { value: string }).value })),
      virtualNetworkRules: Array.isArray(n.virtualNetworkRules) ? n.virtualNetworkRules.map((r) => ({ action: 'Allow' as const, id: String((r as { id?: unknown }).id ?? '') })) : (p.networkRuleSet?.virtualNetworkRules ?? []),
    };
  }
  const enumProp = <K extends keyof typeof p>(key: K, allowed: readonly string[]) => {
    if (props[key] === undefined) return undefined;
    if (!allowed.includes(String(props[key]))) return armError(400, 'InvalidParameter', `The value '${String(props[key])}' is not valid for '${String(key)}'. Allowed: ${allowed.join(', ')}.`);
    (p as unknown as Record<string, unknown>)[key] = props[key];
    return undefined;
  };
  const e1 = enumProp('publicNetworkAccess', ['Enabled', 'Disabled'])
    ?? enumProp('networkRuleBypassOptions', ['AzureServices', 'None'])
    ?? enumProp('roleAssignmentMode', ['LegacyRegistryPermissions', 'AbacRepositoryPermissions']);
  if (e1) return e1;
  for (const key of ['adminUserEnabled', 'anonymousPullEnabled', 'dataEndpointEnabled', 'networkRuleBypassAllowedForTasks'] as const) {
    if (props[key] === undefined) continue;
    if (typeof props[key] !== 'boolean') return armError(400, 'InvalidParameter', `'${key}' must be true or false.`);
    if (key === 'dataEndpointEnabled' && props[key] && !premium) return armError(400, 'DataEndpointNotSupported', 'Dedicated data endpoints are only supported for Premium SKU.');
    if (key === 'anonymousPullEnabled' && props[key] && reg.arm.sku.name === 'Basic') return armError(400, 'AnonymousPullNotSupported', 'Anonymous pull is only supported for Standard and Premium SKU.');
    (p as unknown as Record<string, unknown>)[key] = props[key];
  }
  if (props.dataEndpointEnabled !== undefined) syncDataEndpoints(reg);
  if (props.policies && typeof props.policies === 'object') {
    for (const [k, v] of Object.entries(props.policies as Record<string, unknown>)) {
      if (v && typeof v === 'object') (p.policies as Record<string, unknown>)[k] = { ...((p.policies as Record<string, unknown>)[k] as object ?? {}), ...(v as object) };
    }
  }
  if (body.tags && typeof body.tags === 'object') reg.arm.tags = body.tags as Record<string, string>;
  return undefined;
}

function credentialsBody(reg: RegistryRecord) {
  return { username: reg.arm.name, passwords: [{ name: 'password', value: reg.adminPasswords.password }, { name: 'password2', value: reg.adminPasswords.password2 }] };
}

// ---------------------------------------------------------------- routing

export function handleArm(state: ArmState, req: ArmRequest, now = new Date()): HttpAnswer {
  if (!req.query.get('api-version')) {
    return armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
  }
  if (isMetadataPath(req.path) && req.method.toUpperCase() === 'GET') return cloudMetadata(req.host, req.query.get('api-version'));
  const badVersion = apiVersionError(req.path, req.query.get('api-version')!);
  if (badVersion) return badVersion;
  const auth = authenticate(state, req, now, armAudiences(req.host));
  if (!auth.ok) return auth.a;
  const claims = auth.claims;
  const oid = claims.oid;
  const path = req.path.replace(/\/+$/, '');
  const segs = path.split('/').filter(Boolean);
  const lower = segs.map((s) => s.toLowerCase());
  const method = req.method.toUpperCase();
  const can = armAccessChecker(state, oid);

  // Resource Graph (tenant level)
  if (lower.join('/') === 'providers/microsoft.resourcegraph/resources') {
    if (method !== 'POST') return armError(405, 'MethodNotAllowed', 'Use POST.');
    return resourceGraph(state, req, claims, now);
  }
  if (lower.join('/') === 'tenants' && method === 'GET') {
    const mine = state.tenants.filter((t) => state.servicePrincipals.some((p) => p.appId === claims.appid && eq(p.tenantId, t.tenantId)));
    return page(req, mine);
  }
  if (lower.join('/') === 'subscriptions' && method === 'GET') {
    const sees = visibleSubscriptions(state, oid);
    return page(req, state.subscriptions.filter((s) => eq(s.tenantId, claims.tid) && sees(s.subscriptionId)));
  }

  // Extension resources on any scope: role assignments / definitions / diagnostic settings.
  const provIdx = lower.lastIndexOf('providers');
  const extNs = provIdx >= 0 ? lower[provIdx + 1] : undefined;
  if (extNs === 'microsoft.authorization' || extNs === 'microsoft.insights') {
    const scope = `/${segs.slice(0, provIdx).join('/')}`;
    const sub = subscriptionOf(scope);
    if (sub) {
      const s = state.subscriptions.find((x) => eq(x.subscriptionId, sub));
      if (!s) return armError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
      if (!eq(s.tenantId, claims.tid)) return wrongTenant(claims, s.tenantId);
    }
    const kind = lower[provIdx + 2];
    const name = segs[provIdx + 3];
    if (extNs === 'microsoft.authorization' && kind === 'roleassignments') return roleAssignments(state, req, claims, scope, name, now);
    if (extNs === 'microsoft.authorization' && kind === 'roledefinitions') {
      if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Read only.');
      const prefix = scope === '/' ? '' : scope;
      const defs = state.roleDefinitions.map((d) => ({ ...d, id: `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${d.name}` }));
      if (name) {
        const d = defs.find((x) => eq(x.name, name));
        return d ? json(200, d) : armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${name}' does not exist.`);
      }
      const f = req.query.get('$filter') ?? '';
      const m = /roleName\s+eq\s+'([^']*)'/i.exec(f);
      const t = /type\s+eq\s+'([^']*)'/i.exec(f);
      return page(req, defs.filter((d) => (!m || eq(d.properties.roleName, m[1])) && (!t || eq(d.properties.type, t[1]))));
    }
    if (extNs === 'microsoft.insights' && kind === 'diagnosticsettings') {
      if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Read only in the sandbox.');
      if (!can(scope, 'Microsoft.Insights/diagnosticSettings/read')) return authorizationFailed(claims, 'microsoft.insights/diagnosticSettings/read', scope);
      const list = state.diagnosticSettings[scope.toLowerCase()] ?? [];
      if (name) { const d = list.find((x) => eq(x.name, name)); return d ? json(200, d) : armError(404, 'ResourceNotFound', `The diagnostic setting '${name}' doesn't exist.`); }
      return json(200, { value: list });
    }
    return armError(400, 'InvalidResourceType', `The resource type '${kind ?? ''}' could not be found in the namespace '${extNs}'.`);
  }

  if (lower[0] !== 'subscriptions' || !segs[1]) return armError(404, 'NotFound', `No route for '${req.path}'.`);
  const subId = segs[1];
  const sub = state.subscriptions.find((s) => eq(s.subscriptionId, subId));
  if (!sub) return armError(404, 'SubscriptionNotFound', `The subscription '${subId}' could not be found.`);
  if (!eq(sub.tenantId, claims.tid)) return wrongTenant(claims, sub.tenantId);
  const subScope = `/subscriptions/${sub.subscriptionId}`;
  if (!canSeeSubscription(state, oid, sub.subscriptionId, now)) {
    return authorizationFailed(claims, 'Microsoft.Resources/subscriptions/read', subScope);
  }
  if (segs.length === 2) return method === 'GET' ? json(200, sub) : armError(405, 'MethodNotAllowed', 'Read only.');

  // /subscriptions/{s}[/resourceGroups/{rg}]/resources (generic list, as `az acr` finds a registry)
  if ((lower[2] === 'resources' && segs.length === 3) || (lower[2] === 'resourcegroups' && lower[4] === 'resources' && segs.length === 5)) {
    if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET.');
    const f = parseResourceFilter(req.query.get('$filter'));
    if (!f.ok) return armError(400, 'InvalidFilterInQueryString', f.message);
    let prefix = `${subScope}/`;
    if (segs.length === 5) {
      const g = state.resourceGroups.find((x) => eq(x.id, `${subScope}/resourceGroups/${segs[3]}`));
      if (!g) return armError(404, 'ResourceGroupNotFound', `Resource group '${segs[3]}' could not be found.`);
      prefix = `${g.id}/`;
    }
    const rows = ALL_TYPES.flatMap((t) => listOfType(state, t))
      .filter((r) => r.id.toLowerCase().startsWith(prefix.toLowerCase()) && matchesResourceFilter(r, f) && can(r.id, `${r.type}/read`))
      .map((r) => genericResourceRow(r, req.query.get('$expand')));
    return page(req, rows);
  }

  // /subscriptions/{s}/resourcegroups[/{rg}]
  if (lower[2] === 'resourcegroups' && segs.length <= 4) {
    if (segs.length === 3) return page(req, state.resourceGroups.filter((g) => eq(subscriptionOf(g.id), sub.subscriptionId) && can(g.id, 'Microsoft.Resources/subscriptions/resourceGroups/read')));
    const g = state.resourceGroups.find((x) => eq(x.id, `${subScope}/resourceGroups/${segs[3]}`));
    if (!g) return armError(404, 'ResourceGroupNotFound', `Resource group '${segs[3]}' could not be found.`);
    if (!can(g.id, 'Microsoft.Resources/subscriptions/resourceGroups/read')) return authorizationFailed(claims, 'Microsoft.Resources/subscriptions/resourceGroups/read', g.id);
    return json(200, g);
  }

  // /subscriptions/{s}/providers[/{ns}[/register | /{type}]]
  if (lower[2] === 'providers') {
    const provs = state.providers[sub.subscriptionId.toLowerCase()] ?? [];
    if (segs.length === 3) return page(req, provs);
    const ns = segs[3]!;
    if (segs.length === 4) {
      const p = provs.find((x) => eq(x.namespace, ns));
      return p ? json(200, p) : armError(404, 'InvalidResourceNamespace', `The resource namespace '${ns}' is invalid.`);
    }
    if (segs.length === 5 && lower[4] === 'register' && method === 'POST') {
      if (!can(subScope, `${ns}/register/action`)) return authorizationFailed(claims, `${ns}/register/action`, subScope);
      const p = provs.find((x) => eq(x.namespace, ns));
      if (!p) return armError(404, 'InvalidResourceNamespace', `The resource namespace '${ns}' is invalid.`);
      p.registrationState = 'Registered';
      return json(200, p);
    }
    if (segs.length === 5 && lower[3] === 'microsoft.containerregistry' && lower[4] === 'checknameavailability' && method === 'POST') {
      const pb = parseBody(req); if (!pb.ok) return pb.a;
      const n = String(pb.v.name ?? '');
      if (!REGISTRY_NAME.test(n)) return json(200, { nameAvailable: false, reason: 'Invalid', message: 'The specified resource name is not valid: alphanumeric, 5 to 50 characters.' });
      const taken = state.registries.some((r) => eq(r.arm.name, n));
      return json(200, taken ? { nameAvailable: false, reason: 'AlreadyExists', message: `The registry ${n} is already in use.` } : { nameAvailable: true });
    }
    if (segs.length === 5 && method === 'GET') {
      const type = `${ns}/${segs[4]}`;
      return page(req, listOfType(state, type).filter((r) => eq(subscriptionOf(r.id), sub.subscriptionId) && can(r.id, `${type}/read`)));
    }
    return armError(404, 'NotFound', `No route for '${req.path}'.`);
  }

  // /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}[/{name}[/...]]
  if (lower[2] === 'resourcegroups' && lower[4] === 'providers' && segs.length >= 7) {
    const rgId = `${subScope}/resourceGroups/${segs[3]}`;
    const rg = state.resourceGroups.find((x) => eq(x.id, rgId));
    if (!rg) return armError(404, 'ResourceGroupNotFound', `Resource group '${segs[3]}' could not be found.`);
    const type = `${segs[5]}/${segs[6]}`;
    if (segs.length === 7) {
      if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET.');
      return page(req, listOfType(state, type).filter((r) => r.id.toLowerCase().startsWith(`${rgId.toLowerCase()}/`) && can(r.id, `${type}/read`)));
    }
    const id = `${rgId}/providers/${type}/${segs[7]}`;
    if (eq(type, 'Microsoft.ContainerRegistry/registries')) return registryRoutes(state, req, claims, id, segs.slice(8), segs[3]!, now);
    const res = listOfType(state, type).find((r) => eq(r.id, id));
    if (!res) {
      if (!can(id, `${type}/read`)) return authorizationFailed(claims, `${type}/read`, id);
      return notFound(type, segs[7]!, segs[3]);
    }
    if (!can(res.id, `${type}/read`)) return authorizationFailed(claims, `${type}/read`, res.id);
    const pullerAnswer = pullerRoutes(state, req, claims, type, res.id, segs.slice(8));
    if (pullerAnswer) return pullerAnswer;
    if (segs.length === 8) return method === 'GET' ? json(200, res) : armError(405, 'MethodNotAllowed', 'Read only in the sandbox.');
    // Rule collection groups of a firewall policy.
    if (eq(type, 'Microsoft.Network/firewallPolicies') && lower[8] === 'rulecollectiongroups') {
      const groups = state.firewallPolicies.find((x) => eq(x.id, res.id))?.ruleCollectionGroups ?? [];
      if (segs.length === 9) return page(req, groups);
      const g = groups.find((x) => eq(x.name, segs[9]));
      return g ? json(200, g) : notFound(`${type}/ruleCollectionGroups`, `${segs[7]}/${segs[9]}`, segs[3]);
    }
    // Subnets of a virtual network.
    if (eq(type, 'Microsoft.Network/virtualNetworks') && lower[8] === 'subnets') {
      const subnets = (res.properties as { subnets: { id: string; name: string }[] }).subnets;
      if (segs.length === 9) return page(req, subnets);
      const sn = subnets.find((x) => eq(x.name, segs[9]));
      return sn ? json(200, sn) : notFound(`${type}/subnets`, `${segs[7]}/${segs[9]}`, segs[3]);
    }
    return armError(404, 'NotFound', `No route for '${req.path}'.`);
  }
  return armError(404, 'NotFound', `No route for '${req.path}'.`);
}

function wrongTenant(claims: AccessTokenClaims, tenantId: string): HttpAnswer {
  return armError(401, 'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer '${issuerFor(claims.tid)}'. It must match the tenant '${issuerFor(tenantId)}' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`);
}

/** Every resource type the simulator holds (the generic resource list walks them all). */
const ALL_TYPES = [
  'Microsoft.ContainerRegistry/registries', 'Microsoft.ContainerService/managedClusters', 'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/privateEndpoints', 'Microsoft.OperationalInsights/workspaces', 'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/routeTables', 'Microsoft.Network/azureFirewalls', 'Microsoft.Network/firewallPolicies',
  'Microsoft.Network/networkInterfaces', 'Microsoft.Network/bastionHosts', ...PULLER_TYPES,
];

function listOfType(state: ArmState, type: string): { id: string; name: string; type: string; properties: unknown }[] {
  const pullers = listOfPullerType(state, type);
  if (pullers) return pullers;
  switch (type.toLowerCase()) {
    case 'microsoft.containerregistry/registries': return state.registries.map((r) => r.arm);
    case 'microsoft.containerservice/managedclusters': return state.managedClusters;
    case 'microsoft.network/virtualnetworks': return state.virtualNetworks;
    case 'microsoft.network/privateendpoints': return state.privateEndpoints;
    case 'microsoft.network/networksecuritygroups': return state.networkSecurityGroups;
    case 'microsoft.network/routetables': return state.routeTables;
    case 'microsoft.network/azurefirewalls': return state.azureFirewalls;
    case 'microsoft.network/networkinterfaces': return state.networkInterfaces;
    case 'microsoft.network/bastionhosts': return state.bastionHosts;
    // The policy itself, without its child collection (served under …/ruleCollectionGroups).
    case 'microsoft.network/firewallpolicies': return state.firewallPolicies.map(({ ruleCollectionGroups: _groups, ...policy }) => policy);
    case 'microsoft.operationalinsights/workspaces': return state.workspaces;
    case 'microsoft.managedidentity/userassignedidentities': return [...kubeletIdentities(state), ...(state.pullers?.userAssignedIdentities ?? [])];
    default: return [];
  }
}

/** The clusters' kubelet identities (user-assigned managed identities) whose principal still exists
 *  in the directory: deleting the identity removes both the resource and its service principal. */
function kubeletIdentities(state: ArmState): { id: string; name: string; type: string; location: string; properties: unknown }[] {
  return state.managedClusters.flatMap((c) => {
    const k = c.properties.identityProfile?.kubeletidentity;
    const p = k ? findPrincipalByObjectId(state, k.objectId) : undefined;
    if (!k || !p) return [];
    return [{ id: k.resourceId, name: k.resourceId.split('/').pop()!, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location: c.location, properties: { tenantId: p.tenantId, principalId: p.objectId, clientId: p.appId } }];
  });
}

function registryRoutes(state: ArmState, req: ArmRequest, claims: AccessTokenClaims, id: string, rest: string[], rgName: string, now: Date): HttpAnswer {
  const method = req.method.toUpperCase();
  const can = armAccessChecker(state, claims.oid);
  const T = 'Microsoft.ContainerRegistry/registries';
  const reg = state.registries.find((r) => eq(r.arm.id, id));
  if (reg && method !== 'GET') thawRegistry(reg); // a scale-mode registry is frozen; writes get a fresh copy
  const name = id.split('/').pop()!;
  const need = (action: string, scope = id): HttpAnswer | undefined => can(scope, action) ? undefined : authorizationFailed(claims, action, scope);
  if (!reg) {
    if (method === 'PUT' && rest.length === 0) return createRegistry(state, req, claims, id, name, rgName, now);
    return need(`${T}/read`) ?? notFound(T, name, rgName);
  }
  const sub = subscriptionOf(id)!;
  const rn = rest.map((s) => s.toLowerCase());

  if (!rest.length) {
    if (method === 'GET') return need(`${T}/read`) ?? json(200, reg.arm);
    if (method === 'PATCH') {
      const denied = need(`${T}/write`); if (denied) return denied;
      const nsState = state.providers[sub.toLowerCase()]?.find((p) => eq(p.namespace, 'Microsoft.ContainerRegistry'))?.registrationState;
      if (nsState && nsState !== 'Registered') return armError(409, 'MissingSubscriptionRegistration', "The subscription is not registered to use namespace 'Microsoft.ContainerRegistry'. See https://aka.ms/rps-not-found for how to register subscriptions.");
      const pb = parseBody(req); if (!pb.ok) return pb.a;
      const err = applyRegistryPatch(reg, pb.v);
      return err ?? json(200, reg.arm);
    }
    return armError(405, 'MethodNotAllowed', `${method} is not supported on a registry in the sandbox.`);
  }
  if (rest.length === 1 && rn[0] === 'listcredentials' && method === 'POST') {
    const denied = need(`${T}/listCredentials/action`); if (denied) return denied;
    if (!reg.arm.properties.adminUserEnabled) return armError(400, 'AdminUserDisabled', `Admin user is disabled for registry '${reg.arm.name}'.`);
    return json(200, credentialsBody(reg));
  }
  if (rest.length === 1 && rn[0] === 'regeneratecredential' && method === 'POST') {
    const denied = need(`${T}/regenerateCredential/action`); if (denied) return denied;
    const pb = parseBody(req); if (!pb.ok) return pb.a;
    const which = pb.v.name;
    if (which !== 'password' && which !== 'password2') return armError(400, 'InvalidParameter', "'name' must be 'password' or 'password2'.");
    if (!reg.arm.properties.adminUserEnabled) return armError(400, 'AdminUserDisabled', `Admin user is disabled for registry '${reg.arm.name}'.`);
    reg.adminPasswords[which] = newSecret();
    return json(200, credentialsBody(reg));
  }
  if (rest.length === 1 && rn[0] === 'generatecredentials' && method === 'POST') {
    const denied = need(`${T}/generateCredentials/action`); if (denied) return denied;
    const pb = parseBody(req); if (!pb.ok) return pb.a;
    const tokenId = String(pb.v.tokenId ?? '');
    const tok = reg.tokens.find((t) => eq(t.arm.id, tokenId));
    if (!tok) return armError(404, 'TokenNotFound', `The token '${tokenId}' was not found.`);
    const which = (pb.v.name === 'password2' ? 'password2' : 'password1') as 'password1' | 'password2';
    const expiry = typeof pb.v.expiry === 'string' && !Number.isNaN(Date.parse(pb.v.expiry)) ? new Date(pb.v.expiry).toISOString() : undefined;
    const value = newSecret();
    tok.passwordValues[which] = value;
    const meta = { creationTime: now.toISOString(), name: which, ...(expiry ? { expiry } : {}) };
    const pw = tok.arm.properties.credentials.passwords;
    const i = pw.findIndex((p) => p.name === which);
    if (i >= 0) pw[i] = meta; else pw.push(meta);
    return json(200, { username: tok.arm.name, passwords: [{ ...meta, value }] });
  }
  // Child collections: replications, tokens, scopeMaps, privateEndpointConnections, tasks, connectedRegistries.
  const child = rn[0];
  const wrongVersion = childApiVersionError(child, req.query.get('api-version') ?? '', reg.arm.sku.name);
  if (wrongVersion) return wrongVersion;
  const childType = `${T}/${rest[0]}`;
  const collections: Record<string, { id: string; name: string }[]> = {
    replications: reg.replications,
    tokens: reg.tokens.map((t) => t.arm),
    scopemaps: reg.scopeMaps,
    privateendpointconnections: reg.arm.properties.privateEndpointConnections,
    tasks: reg.tasks ?? [],
    connectedregistries: reg.connectedRegistries ?? [],
  };
  const coll = child ? collections[child] : undefined;
  if (!coll) return armError(404, 'NotFound', `No route for '${req.path}'.`);
  if (rest.length === 1) {
    if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET.');
    return need(`${childType}/read`) ?? page(req, coll);
  }
  if (rest.length !== 2) return armError(404, 'NotFound', `No route for '${req.path}'.`);
  const item = coll.find((x) => eq(x.name, rest[1]));
  if (method === 'GET') {
    const denied = need(`${childType}/read`); if (denied) return denied;
    return item ? json(200, item) : notFound(childType, `${reg.arm.name}/${rest[1]}`, rgName);
  }
  if (method === 'PATCH' && child === 'tokens' && item) {
    const denied = need(`${childType}/write`); if (denied) return denied;
    const pb = parseBody(req); if (!pb.ok) return pb.a;
    const tok = reg.tokens.find((t) => t.arm === item)!;
    const props = (pb.v.properties ?? {}) as Record<string, unknown>;
    if (props.status !== undefined) {
      if (props.status !== 'enabled' && props.status !== 'disabled') return armError(400, 'InvalidParameter', "Token status must be 'enabled' or 'disabled'.");
      tok.arm.properties.status = props.status;
    }
    if (typeof props.scopeMapId === 'string') {
      if (!reg.scopeMaps.some((m) => eq(m.id, props.scopeMapId as string))) return armError(400, 'ScopeMapNotFound', `The scope map '${props.scopeMapId}' was not found.`);
      tok.arm.properties.scopeMapId = props.scopeMapId;
    }
    return json(200, tok.arm);
  }
  if (method === 'PUT' && child === 'privateendpointconnections' && item) {
    const denied = need(`${childType}/write`); if (denied) return denied;
    const pb = parseBody(req); if (!pb.ok) return pb.a;
    const st = ((pb.v.properties as Record<string, unknown> | undefined)?.privateLinkServiceConnectionState ?? {}) as Record<string, unknown>;
    if (!['Approved', 'Pending', 'Rejected', 'Disconnected'].includes(String(st.status))) return armError(400, 'InvalidParameter', "privateLinkServiceConnectionState.status must be 'Approved', 'Pending', 'Rejected' or 'Disconnected'.");
    const pec = reg.arm.properties.privateEndpointConnections.find((x) => x === item)!;
    pec.properties.privateLinkServiceConnectionState = {
      status: st.status as 'Approved', description: typeof st.description === 'string' ? st.description : '', actionsRequired: 'None',
    };
    return json(200, pec);
  }
  if (!item) return notFound(childType, `${reg.arm.name}/${rest[1]}`, rgName);
  return armError(405, 'MethodNotAllowed', `${method} is not supported on '${childType}' in the sandbox.`);
}

/** Registry names are global (the login server is `<name>.azurecr.io`): 5–50 letters and digits, not taken anywhere. */
export const REGISTRY_NAME = /^[a-zA-Z0-9]{5,50}$/;

function createRegistry(state: ArmState, req: ArmRequest, claims: AccessTokenClaims, id: string, name: string, rgName: string, now: Date): HttpAnswer {
  const action = 'Microsoft.ContainerRegistry/registries/write';
  if (!armAccessChecker(state, claims.oid)(id, action)) return authorizationFailed(claims, action, id);
  if (!REGISTRY_NAME.test(name)) {
    return armError(400, 'InvalidResourceName', `Resource name ${name} is invalid. The name can contain only alphanumeric characters and must be 5 to 50 characters long.`);
  }
  if (state.registries.some((r) => eq(r.arm.name, name))) {
    return armError(409, 'AlreadyInUse', `The registry DNS name ${name.toLowerCase()}.azurecr.io is already in use. You can check if the name is already claimed using following API: https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability`);
  }
  const pb = parseBody(req); if (!pb.ok) return pb.a;
  const location = typeof pb.v.location === 'string' ? pb.v.location.trim().toLowerCase().replace(/\s+/g, '') : '';
  if (!location) return armError(400, 'LocationRequired', 'The location property is required for this definition.');
  const skuName = (pb.v.sku as { name?: unknown } | undefined)?.name;
  if (skuName !== 'Basic' && skuName !== 'Standard' && skuName !== 'Premium') {
    return armError(400, 'InvalidSku', `The sku '${String(skuName ?? '')}' is not valid. Valid values are Basic, Standard, Premium.`);
  }
  const sub = subscriptionOf(id)!;
  const reg = registryRecord({ subscriptionId: sub, resourceGroup: rgName, name, location, sku: skuName, now });
  reg.arm.properties.creationDate = now.toISOString();
  if (typeof (pb.v.properties as { adminUserEnabled?: unknown } | undefined)?.adminUserEnabled === 'boolean') {
    reg.arm.properties.adminUserEnabled = (pb.v.properties as { adminUserEnabled: boolean }).adminUserEnabled;
  }
  state.registries.push(reg);
  return json(201, reg.arm);
}

function roleAssignments(state: ArmState, req: ArmRequest, claims: AccessTokenClaims, scope: string, name: string | undefined, now: Date): HttpAnswer {
  const method = req.method.toUpperCase();
  const check = armAccessChecker(state, claims.oid);
  const can = (action: string) => check(scope, action);
  const READ = 'Microsoft.Authorization/roleAssignments/read';
  const WRITE = 'Microsoft.Authorization/roleAssignments/write';
  if (!name) {
    if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Use GET.');
    if (!can(READ)) return authorizationFailed(claims, READ, scope);
    const f = filterAssignments(state, scope, req.query.get('$filter'));
    return f.ok ? page(req, f.v) : f.a;
  }
  if (!isGuid(name)) return armError(400, 'InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
  const existing = state.roleAssignments.find((a) => eq(a.name, name));
  if (method === 'GET') {
    if (!can(READ)) return authorizationFailed(claims, READ, scope);
    return existing && eq(existing.properties.scope, scope) ? json(200, existing) : armError(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`);
  }
  if (method === 'DELETE') {
    if (!can('Microsoft.Authorization/roleAssignments/delete')) return authorizationFailed(claims, 'Microsoft.Authorization/roleAssignments/delete', scope);
    if (!existing) return { status: 204, body: '' };
    state.roleAssignments.splice(state.roleAssignments.indexOf(existing), 1);
    return json(200, existing);
  }
  if (method !== 'PUT') return armError(405, 'MethodNotAllowed', `${method} is not supported.`);
  if (!can(WRITE)) return authorizationFailed(claims, WRITE, scope);
  const pb = parseBody(req); if (!pb.ok) return pb.a;
  const props = (pb.v.properties ?? {}) as Record<string, unknown>;
  const roleDefId = typeof props.roleDefinitionId === 'string' ? props.roleDefinitionId : '';
  const principalId = typeof props.principalId === 'string' ? props.principalId : '';
  const guid = roleDefId.split('/').pop() ?? '';
  if (!state.roleDefinitions.some((d) => eq(d.name, guid))) return armError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${guid}' does not exist.`);
  const actualType = principalTypeOf(state, principalId);
  if (!actualType) {
    return armError(400, 'PrincipalNotFound', `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${claims.tid}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`);
  }
  // ARM compares a given principalType with the directory's: a User named as ServicePrincipal is refused.
  const askedType = props.principalType;
  if (askedType !== undefined && askedType !== null) {
    if (askedType !== 'User' && askedType !== 'Group' && askedType !== 'ServicePrincipal' && askedType !== 'ForeignGroup' && askedType !== 'Device') {
      return armError(400, 'InvalidPrincipalType', `The principal type '${String(askedType)}' is not valid. Valid values are User, Group, ServicePrincipal, ForeignGroup, Device.`);
    }
    if (askedType !== actualType) {
      return armError(400, 'UnmatchedPrincipalType', `The PrincipalId '${principalId.replace(/-/g, '')}' has type '${actualType}' , which is different from specified PrincipalType '${askedType}'.`);
    }
  }
  const sub = subscriptionOf(scope) ?? claims.tid;
  const dup = assignmentsCovering(state, principalId, scope).find((a) => eq(a.properties.scope, scope) && eq(a.properties.roleDefinitionId.split('/').pop(), guid));
  if (dup) return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  if (existing) return armError(409, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
  const created = roleAssignment({
    scope, role: guid, principalId, subscriptionId: sub, name, createdOn: now,
    principalType: actualType,
    condition: typeof props.condition === 'string' ? props.condition : undefined,
  });
  created.properties.roleDefinitionId = roleDefId.startsWith('/') ? roleDefId : created.properties.roleDefinitionId;
  created.properties.createdBy = claims.oid;
  created.properties.updatedBy = claims.oid;
  state.roleAssignments.push(created);
  return json(201, created);
}
