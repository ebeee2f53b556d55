// Whether one puller can pull from the registry, from facts alone (no I/O): the identity it pulls
// with and its rights, the registry's admin user, and its network path (public access, selected
// networks, App Service image pull over the VNet, the private DNS zone's links, trusted services).
// One list of problems per puller; each check of this folder reports the problems of its idea.
import type { CauseId } from '../../catalogue/index';
import type { PullerDetails, PrivateDnsZoneLinks } from '../../azure/puller-details';
import { vnetOfSubnet } from '../../azure/puller-details';
import { pullerLabel, type PullerKind } from '../../azure/pullers';
import { analyseRoles, type RoleAssignmentFacts } from '../login/registry-facts';
import { msg, type Message } from '../../text/message';

/** The registry settings a puller's verdict depends on. */
export interface PullRegistryFacts {
  id: string;
  name: string;
  loginServer: string;
  resourceGroup: string;
  adminUserEnabled: boolean;
  anonymousPullEnabled: boolean;
  roleAssignmentMode?: string;
  publicNetworkAccess?: string;
  defaultAction?: string;
  ipRules: string[];
  /** AzureServices | None */
  networkRuleBypassOptions?: string;
  /** Approved private endpoint connections. */
  approvedPrivateEndpoints: number;
  /** The registry's repository tokens (undefined: they could not be read). */
  tokens?: { id: string; name: string; status: string }[];
}

export interface PullerProblem {
  causeId: CauseId;
  status: 'fail' | 'warn';
  message: Message;
  fixParams: Record<string, string>;
}

export interface PullerVerdict {
  puller: PullerDetails;
  problems: PullerProblem[];
  /** What could not be judged, in words (settings not readable, a service principal's sign-in). */
  unknowns: string[];
  /** The roles its identity holds here, in words (when it pulls with a managed identity). */
  rolesHeld?: string;
}

/**
 * Services that may bypass a network-restricted registry's rules when it allows trusted services.
 * The network seed's "Configure service access": App Service and Container Instances cannot use a
 * network-restricted registry at all; ACR Tasks and Machine Learning are among the trusted ones.
 */
export const TRUSTED_KINDS: ReadonlySet<PullerKind> = new Set<PullerKind>(['ml', 'task']);

export function isRestricted(r: PullRegistryFacts): boolean {
  return r.publicNetworkAccess === 'Disabled' || r.defaultAction === 'Deny';
}

/** The subnets a puller's image pulls leave from (App Service only when image pull goes over the VNet). */
export function pullSubnets(p: PullerDetails): string[] {
  if (p.kind === 'appservice' || p.kind === 'functions') return p.network.vnetImagePull ? p.network.subnetIds : [];
  return p.network.subnetIds;
}

function baseParams(p: PullerDetails, r: PullRegistryFacts): Record<string, string> {
  // A sidecar's fixes change its site (image pull over the VNet, its identity's rights) or the container itself.
  return { service: p.container?.site ?? p.name, serviceId: p.container?.siteId ?? p.id, ...(p.container && !p.container.isMain ? { siteContainer: p.container.name, siteContainerId: p.id } : {}), serviceResourceGroup: p.resourceGroup, serviceKind: p.kind, registryId: r.id, registryResourceGroup: r.resourceGroup };
}

/** The service in words, localised: "App Service app web1". */
export function whoOf(p: Pick<PullerDetails, 'kind' | 'name' | 'container'>): Message {
  if (p.container && !p.container.isMain) {
    return p.kind === 'functions' ? msg('sidecar {container} of Functions app {name}', { container: p.container.name, name: p.container.site })
      : msg('sidecar {container} of App Service app {name}', { container: p.container.name, name: p.container.site });
  }
  switch (p.kind) {
    case 'appservice': return msg('App Service app {name}', { name: p.name });
    case 'functions': return msg('Functions app {name}', { name: p.name });
    case 'containerapp': return msg('Container App {name}', { name: p.name });
    case 'aci': return msg('container group {name}', { name: p.name });
    case 'ml': return msg('Machine Learning workspace {name}', { name: p.name });
    case 'task': return msg('ACR task {name}', { name: p.name });
    case 'connected-registry': return msg('connected registry {name}', { name: p.name });
    case 'aks': return msg('AKS cluster {name}', { name: p.name });
  }
}

function identityProblems(p: PullerDetails, r: PullRegistryFacts, roles: RoleAssignmentFacts[] | undefined, now: Date, out: PullerVerdict): void {
  const label = pullerLabel(p);
  const who = whoOf(p);
  const c = p.credential;
  const params = baseParams(p, r);
  if (c.kind === 'admin') {
    if (!r.adminUserEnabled) {
      out.problems.push({
        causeId: 'pullers.admin-user-disabled', status: 'fail', fixParams: params,
        message: msg('{who} pulls with the admin user ({user}), but the admin user of {registry} is disabled: its pulls are refused (unauthorized).', { who, user: c.username, registry: r.name }),
      });
    }
    return;
  }
  if (c.kind === 'anonymous') {
    if (!r.anonymousPullEnabled) {
      out.problems.push({
        causeId: 'pullers.identity-unresolved', status: 'fail', fixParams: params,
        message: msg('{who} has no credentials for {login} (no managed identity, no user name) and {registry} does not allow anonymous pull.', { who, login: r.loginServer, registry: r.name }),
      });
    }
    return;
  }
  if (c.kind === 'unknown') { out.unknowns.push(`${label}: which credentials it pulls with is not known (${c.why})`); return; }
  // A task run's own token: ACR gives each run a token for its registry, no role needed.
  if (c.kind === 'task-token') return;
  if (c.kind === 'acr-token' || c.kind === 'password') {
    const token = c.kind === 'acr-token'
      ? r.tokens?.find((t) => t.id.toLowerCase() === c.tokenId.toLowerCase())
      : r.tokens?.find((t) => t.name.toLowerCase() === c.username.toLowerCase());
    const tokenName = c.kind === 'acr-token' ? c.tokenId.split('/').pop() ?? c.tokenId : c.username;
    if (!r.tokens) { out.unknowns.push(`${label}: the tokens of ${r.name} could not be read, so whether ${tokenName} exists and is enabled is not known`); return; }
    if (token && token.status !== 'disabled') {
      out.unknowns.push(`${label} pulls with token ${token.name}, which exists and is enabled; its password is not readable through ARM, so whether the stored one is current is not checked`);
      return;
    }
    if (token || c.kind === 'acr-token') {
      out.problems.push({
        causeId: 'pullers.token-disabled', status: 'fail', fixParams: { ...params, tokenName },
        message: token
          ? msg('{who} pulls with the token {token} of {registry}, which is disabled: every sign-in with it is refused.', { who, token: tokenName, registry: r.name })
          : msg('{who} pulls with the token {token}, which {registry} does not have (deleted or never created): every sign-in with it is refused.', { who, token: tokenName, registry: r.name }),
      });
      return;
    }
    out.unknowns.push(`${label} pulls with a stored user name (${c.username}) and password: the user name is neither the admin user, an app id nor a token of ${r.name}, and a password is not readable through ARM, so neither is checked`);
    return;
  }
  if (c.kind === 'service-principal' && p.identityProblem === 'no-such-app') {
    out.problems.push({
      causeId: 'pullers.identity-unresolved', status: 'fail', fixParams: params,
      message: msg('{who} pulls with the app id {appId} and a secret, but no service principal of this tenant has that app id (Microsoft Graph: Request_ResourceNotFound): {login} refuses its sign-in.', { who, appId: c.clientId, login: r.loginServer }),
    });
    return;
  }
  if (c.kind === 'service-principal' && !p.principalId) {
    const why = p.identityProblem === 'graph-unreadable' && p.identityNote ? p.identityNote : 'this sign-in could not resolve it to an object id';
    out.unknowns.push(`not judged: ${label} pulls as service principal ${c.clientId}, whose object id could not be looked up (${why}), so its roles on ${r.name} are not checked. To judge it, sign in with an identity that may read the directory, or check its roles yourself: az role assignment list --assignee ${c.clientId} --scope ${r.id}`);
    return;
  }
  if (c.kind === 'service-principal') {
    // The app id resolved to a service principal: its rights are judged like a managed identity's.
    if (!roles) { out.unknowns.push(`${label}: the role assignments of ${p.principalId} could not be read`); return; }
    rightsProblems(p, r, roles, now, out, msg('the service principal {id}', { id: c.clientId }), params, who);
    return;
  }
  // A managed identity: system-assigned, or user-assigned by resource id / client id.
  const what = c.kind === 'system-mi' ? msg('its system-assigned managed identity')
    : p.kind === 'aks' ? msg('its kubelet identity {identity}', { identity: c.resourceId?.split('/').pop() ?? c.clientId ?? '' })
    : msg('the user-assigned identity {identity}', { identity: c.resourceId?.split('/').pop() ?? c.clientId ?? '' });
  if (!p.principalId || p.identityProblem === 'deleted' || p.identityProblem === 'no-system-identity' || (p.identityProblem === 'not-assigned' && c.kind === 'user-mi')) {
    const why = p.identityProblem === 'deleted' ? msg('that identity no longer exists (ARM: ResourceNotFound)')
      : p.identityProblem === 'no-system-identity' ? msg('the resource has no system-assigned identity')
      : msg('that identity is not assigned to the resource');
    out.problems.push({ causeId: 'pullers.identity-unresolved', status: 'fail', fixParams: params, message: msg('{who} is set to pull with {what}, but {why}: it gets no token for {login}.', { who, what, why, login: r.loginServer }) });
    return;
  }
  if (!roles) { out.unknowns.push(`${label}: the role assignments of ${p.principalId} could not be read`); return; }
  rightsProblems(p, r, roles, now, out, what, params, who);
}

function rightsProblems(p: PullerDetails, r: PullRegistryFacts, roles: RoleAssignmentFacts[], now: Date, out: PullerVerdict, what: Message, params: Record<string, string>, who: Message): void {
  if (!p.principalId) return;
  const abac = r.roleAssignmentMode === 'AbacRepositoryPermissions';
  const groups = roles.filter((a) => a.principalType === 'Group').map((a) => a.principalId);
  const a = analyseRoles(roles, p.principalId, abac, now, groups);
  out.rolesHeld = a.held.map((x) => `${x.role}${x.principalId.toLowerCase() === p.principalId!.toLowerCase() ? '' : ` (group ${x.principalId})`}`).join(', ') || 'none';
  if (a.canPull) return;
  const fixParams = { ...params, principalId: p.principalId };
  if (a.pending.length) {
    out.problems.push({ causeId: 'authz.role-propagation-pending', status: 'warn', fixParams, message: msg('{who}: {what} ({id}) was given {role} less than 10 minutes ago; role assignments take up to 10 minutes to apply.', { who, what, id: p.principalId, role: a.pending[0].role }) });
    return;
  }
  out.problems.push({
    causeId: 'pullers.identity-missing-acrpull', status: 'fail', fixParams,
    message: abac
      ? msg('{who} pulls with {what} ({id}), which holds {roles} on {registry} and above: nothing that allows pull in ABAC mode.', { who, what, id: p.principalId, roles: out.rolesHeld, registry: r.name })
      : msg('{who} pulls with {what} ({id}), which holds {roles} on {registry} and above: nothing that allows pull.', { who, what, id: p.principalId, roles: out.rolesHeld, registry: r.name }),
  });
}

function networkProblems(p: PullerDetails, r: PullRegistryFacts, dns: { zones: PrivateDnsZoneLinks[]; read: boolean }, out: PullerVerdict): void {
  if (!isRestricted(r)) return;
  const label = pullerLabel(p);
  const who = whoOf(p);
  const params = baseParams(p, r);
  const how = r.publicNetworkAccess === 'Disabled' ? msg('public network access is disabled')
    : r.ipRules.length ? msg('it allows selected networks only (IP rules {rules})', { rules: r.ipRules.join(', ') }) : msg('it allows selected networks only (no IP rules)');
  if (TRUSTED_KINDS.has(p.kind)) {
    if (r.networkRuleBypassOptions !== 'AzureServices') {
      out.problems.push({ causeId: 'pullers.trusted-services-needed', status: 'fail', fixParams: params, message: msg('{who} is a trusted Azure service, but {registry} restricts networks ({how}) and does not allow trusted services (networkRuleBypassOptions {bypass}).', { who, registry: r.name, how, bypass: r.networkRuleBypassOptions ?? 'None' }) });
    }
    return;
  }
  const isSite = p.kind === 'appservice' || p.kind === 'functions';
  // AKS nodes pull from their node subnets (service endpoints count) or the cluster's outbound IPs:
  // that path is the network area's AKS egress check; only a private endpoint's DNS is judged here.
  if (p.kind === 'aks' && (!p.network.subnetIds.length || r.approvedPrivateEndpoints === 0)) {
    out.unknowns.push(`${label}: ${r.name} restricts networks; whether the cluster's egress reaches it is judged by the AKS egress check of the network area`);
    return;
  }
  if (isSite && p.network.subnetIds.length && p.network.vnetImagePull !== true) {
    out.problems.push({
      causeId: 'pullers.vnet-image-pull-off', status: 'fail', fixParams: { ...params, subnetId: p.network.subnetIds[0] },
      message: msg('{who} is integrated with a virtual network, but pulls its image over the public network (vnetImagePullEnabled is off), and {registry} refuses that: {how}.', { who, registry: r.name, how }),
    });
    return;
  }
  const subnets = pullSubnets(p);
  if (!subnets.length) {
    out.problems.push({
      causeId: 'pullers.service-outside-network', status: r.publicNetworkAccess === 'Disabled' ? 'fail' : 'warn', fixParams: params,
      message: msg('{who} pulls from the shared outbound addresses of Azure, outside the networks of {registry}: {how}, and {service} is not a trusted service that may bypass it.', { who, registry: r.name, how, service: isSite ? 'App Service' : p.kind === 'aci' ? 'Container Instances' : p.kind === 'containerapp' ? 'Container Apps' : p.name }),
    });
    return;
  }
  if (r.approvedPrivateEndpoints === 0) {
    // Service endpoints carry only VMs' and AKS clusters' traffic (the seed's "Configure VNet access").
    out.problems.push({
      causeId: 'pullers.service-outside-network', status: 'fail', fixParams: { ...params, subnetId: subnets[0] },
      message: msg('{who} pulls from subnet {subnet}, but {registry} has no approved private endpoint: {how}, and a service endpoint carries only the traffic of virtual machines and AKS clusters.', { who, subnet: subnets[0].split('/').pop() ?? subnets[0], registry: r.name, how }),
    });
    return;
  }
  if (!dns.read) { out.unknowns.push(`${label}: the private DNS zones could not be read, so whether its network resolves ${r.loginServer} to the private endpoint is not known`); return; }
  const vnets = [...new Set(subnets.map(vnetOfSubnet).filter((x): x is string => !!x))];
  const unlinked = vnets.filter((v) => !dns.zones.some((z) => z.linkedVnets.includes(v)));
  if (unlinked.length) {
    const zone = dns.zones[0];
    const vnet = unlinked[0];
    out.problems.push({
      causeId: 'pullers.private-dns-not-linked', status: 'fail',
      fixParams: { ...params, vnetId: vnet, vnet: vnet.split('/').pop()!, ...(zone ? { dnsZone: zone.zoneName, dnsZoneResourceGroup: zone.zoneId.split('/')[4] ?? '' } : { dnsZone: `privatelink.${r.loginServer.split('.').slice(1).join('.')}` }) },
      message: zone
        ? msg('{who} sits in virtual network {vnet}, which the private DNS zone {zone} is not linked to: there {login} resolves to its public address, which {registry} refuses ({how}).', { who, vnet: vnet.split('/').pop() ?? vnet, zone: zone.zoneName, login: r.loginServer, registry: r.name, how })
        : msg('{who} sits in virtual network {vnet}, but no private DNS zone {zone} exists for the private endpoint of {registry}: {login} resolves to its public address there, which {registry} refuses ({how}).', { who, vnet: vnet.split('/').pop() ?? vnet, zone: `privatelink.${r.loginServer.split('.').slice(1).join('.')}`, login: r.loginServer, registry: r.name, how }),
    });
  }
}

/** A connected registry that is not connected (offline, unhealthy, never activated), and client tokens it cannot serve. */
function connectedProblems(p: PullerDetails, r: PullRegistryFacts, out: PullerVerdict): void {
  const c = p.connected;
  if (!c) return;
  const who = whoOf(p);
  const params = baseParams(p, r);
  const state = c.connectionState ?? '';
  if (/^(offline|unhealthy)$/i.test(state) || /^inactive$/i.test(c.activation ?? '')) {
    out.problems.push({
      causeId: 'pullers.connected-registry-offline', status: /^unhealthy$/i.test(state) ? 'warn' : 'fail', fixParams: params,
      message: /^inactive$/i.test(c.activation ?? '')
        ? msg('{who} was never activated (activation Inactive): it has not connected to {registry} and syncs nothing.', { who, registry: r.name })
        : msg('{who} is {state} (last activity {last}{detail}): it does not sync from {registry}, so its clients pull stale images or none.', { who, state, registry: r.name, last: c.lastActivityTime ?? '?', detail: c.statusDetail ? `; ${c.statusDetail}` : '' }),
    });
  }
  if (!r.tokens) return;
  for (const id of c.clientTokenIds) {
    const t = r.tokens.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (t && t.status !== 'disabled') continue;
    const tokenName = id.split('/').pop() ?? id;
    out.problems.push({
      causeId: 'pullers.token-disabled', status: 'warn', fixParams: { ...params, tokenName },
      message: t ? msg('The client token {token} of {who} is disabled: its clients cannot pull from it.', { who, token: tokenName })
        : msg('The client token {token} of {who} no longer exists in {registry}: its clients cannot pull from it.', { who, token: tokenName, registry: r.name }),
    });
  }
}

/** Every problem of one puller, most fundamental first (network before identity before rights, as the engine ranks). */
export function judgePuller(p: PullerDetails, r: PullRegistryFacts, roles: RoleAssignmentFacts[] | undefined, dns: { zones: PrivateDnsZoneLinks[]; read: boolean }, now: Date): PullerVerdict {
  const out: PullerVerdict = { puller: p, problems: [], unknowns: [...p.readGaps.map((g) => `${pullerLabel(p)}: ${g}`)] };
  if (p.kind !== 'connected-registry') networkProblems(p, r, dns, out);
  connectedProblems(p, r, out);
  identityProblems(p, r, roles, now, out);
  return out;
}

/** One word for a puller's health: the tree's and the CLI's. */
export function verdictWord(v: Pick<PullerVerdict, 'problems' | 'unknowns'>): 'ok' | 'fail' | 'warn' | 'unknown' {
  if (v.problems.some((x) => x.status === 'fail')) return 'fail';
  if (v.problems.length) return 'warn';
  return v.unknowns.length ? 'unknown' : 'ok';
}
