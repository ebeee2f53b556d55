// What the registry's own configuration (ARM) says about network access: public access,
// IP rules (naming the rule and whether the client IP matches), private endpoints (state and
// DNS vs their IPs), service endpoints + resource provider, trusted services, SKU, CMK identity.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { ipInCidr } from '../../net/addresses';
import { NET } from './ids';
import { loadNetworkArmFacts, ArmLookupError } from './arm-source';
import { isRestricted, privateIpsFor, reachesViaPrivateEndpoint, unregisteredProvider, type NetworkArmFacts } from './registry-network-facts';
import { causeFor403 } from './challenge';
import { msg, verbatim, renderMessage } from '../../text/message';

const hasAzure = (_t: unknown, env: { azure?: unknown }) => !!env.azure;

export const armCheck: Check = {
  id: NET.arm, area: 'network', title: 'Registry network settings readable from Azure',
  needs: [], timeoutMs: 5000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    try {
      const facts = await loadNetworkArmFacts(ctx.env.azure!, ctx.target, ctx.env.extraCaPem, ctx.signal);
      if (!facts) return { status: 'info', message: msg('{loginServer} is not among the registries this Azure sign-in can see', { loginServer: ctx.target.loginServer }) };
      return {
        status: 'info', data: facts,
        message: (facts.gaps.length ? msg('{name} ({sku}, {location}) in {resourceGroup}; not readable: {gaps}', { name: facts.name, sku: facts.sku, location: facts.location, resourceGroup: facts.resourceGroup, gaps: facts.gaps.join('; ') }) : msg('{name} ({sku}, {location}) in {resourceGroup}', { name: facts.name, sku: facts.sku, location: facts.location, resourceGroup: facts.resourceGroup })),
        evidence: {
          sku: facts.sku, publicNetworkAccess: facts.publicNetworkAccess, defaultAction: facts.networkRuleSet?.defaultAction,
          ipRules: facts.networkRuleSet?.ipRules.map((r) => r.value), bypass: facts.networkRuleBypassOptions,
          dataEndpoints: facts.dataEndpointHostNames, replicas: facts.replicationRegions, privateEndpoints: facts.privateEndpoints.map((p) => `${p.connectionName}: ${p.status} ${p.ips.join(' ')}`),
        },
      };
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      const error = (e as Error).message;
      const message = e instanceof ArmLookupError ? verbatim(error) : msg('ARM could not be read: {error}', { error });
      return { status: 'info', message, evidence: { error: renderMessage(message) } };
    }
  },
};

function armFacts(ctx: CheckContext): NetworkArmFacts | undefined {
  return ctx.data(NET.arm);
}

const noArm: CheckOutcome = { status: 'info', message: msg('the registry\'s ARM view is not available') };

function challenge403(ctx: CheckContext): { clientIp?: string } | undefined {
  const f = ctx.finding(NET.challenge);
  if (!f || f.evidence.status !== 403) return undefined;
  return { clientIp: typeof f.evidence.clientIp === 'string' ? f.evidence.clientIp : undefined };
}

function resolvedToPe(ctx: CheckContext, arm: NetworkArmFacts): { resolved: string[]; peIps: string[]; onPe: boolean } {
  const resolved = ctx.data(NET.dns)?.addresses ?? [];
  const peIps = privateIpsFor(arm, ctx.target.loginServer);
  return { resolved, peIps, onPe: reachesViaPrivateEndpoint(arm, resolved, ctx.target.loginServer, ctx.finding(NET.challenge)?.status === 'pass') };
}

/** The client's path to the login server failed below HTTP (refused, unreachable, timeout). */
function pathFailed(ctx: CheckContext): boolean {
  return [NET.tcp, NET.tls, NET.challenge].some((id) => {
    const f = ctx.finding(id);
    return f?.status === 'fail' && f.evidence.status === undefined && ['network.login-server-unreachable', 'network.login-server-timeout', 'network.private-endpoint-not-approved'].includes(f.causeId ?? '');
  });
}

export const publicAccessCheck: Check = {
  id: NET.armPublicAccess, area: 'network', title: 'Public network access allows this client',
  needs: [NET.arm], after: [NET.dns, NET.challenge], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    if (arm.publicNetworkAccess !== 'Disabled') return { status: 'pass', message: msg('publicNetworkAccess is {publicNetworkAccess}', { publicNetworkAccess: arm.publicNetworkAccess ?? 'Enabled' }), evidence: { publicNetworkAccess: arm.publicNetworkAccess ?? 'Enabled' } };
    const { resolved, peIps, onPe } = resolvedToPe(ctx, arm);
    if (onPe) return { status: 'pass', message: msg('publicNetworkAccess is Disabled, and this client reaches the registry over its private endpoint'), evidence: { publicNetworkAccess: 'Disabled', resolved } };
    const refused = !!challenge403(ctx);
    if (!refused && arm.privateEndpoints.length && !peIps.length) {
      // The endpoints' IPs are unreadable and the registry was not reached: which way the client goes is unknown.
      return { status: 'info', message: msg('publicNetworkAccess is Disabled; whether this client uses the private endpoint cannot be told (its IPs are not readable and the registry did not answer)'), evidence: { publicNetworkAccess: 'Disabled', resolved } };
    }
    return { status: 'fail', causeId: 'network.public-access-disabled', evidence: { publicNetworkAccess: 'Disabled', resolved },
      message: msg('publicNetworkAccess is Disabled and {loginServer} resolves to {resolved}, not to a private endpoint of the registry', { loginServer: ctx.target.loginServer, resolved: resolved.join(', ') || '(nothing)' }) };
  },
};

export const networkRulesCheck: Check = {
  id: NET.armNetworkRules, area: 'network', title: 'The registry\'s IP rules allow this client',
  needs: [NET.arm], after: [NET.challenge, NET.dns], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    const rules = arm.networkRuleSet;
    if (!rules || rules.defaultAction !== 'Deny') return { status: 'pass', message: msg('default action {defaultAction}: every network may reach the public endpoint', { defaultAction: rules?.defaultAction ?? 'Allow' }), evidence: { defaultAction: rules?.defaultAction ?? 'Allow' } };
    if (arm.sku !== 'Premium') return { status: 'info', message: msg('network rules are set but a {sku} registry does not apply them', { sku: arm.sku }), evidence: { sku: arm.sku } };
    const ipRules = rules.ipRules.map((r) => r.value);
    const refused = challenge403(ctx);
    const evidence = { defaultAction: 'Deny', ipRules, virtualNetworkRules: rules.virtualNetworkRules.map((r) => r.id.split('/').slice(-3).join('/')), clientIp: refused?.clientIp };
    if (refused) {
      const c = causeFor403(arm, refused.clientIp, ctx.data(NET.dns)?.addresses, ctx.target.loginServer);
      if (c.causeId !== 'network.ip-rule-excludes-client') return { status: 'info', message: msg('the refusal is explained elsewhere: {why}', { why: c.why }), evidence };
      return { status: 'fail', causeId: 'network.ip-rule-excludes-client', evidence, fixParams: c.params,
        message: (ipRules.length ? (refused.clientIp ? msg('default action Deny; IP rules {ipRules} — none matches the client IP {clientIp}', { ipRules: ipRules.join(', '), clientIp: refused.clientIp }) : msg('default action Deny; IP rules {ipRules}', { ipRules: ipRules.join(', ') })) : (refused.clientIp ? msg('default action Deny; no IP rules — none matches the client IP {clientIp}', { clientIp: refused.clientIp }) : msg('default action Deny; no IP rules'))) };
    }
    const f = ctx.finding(NET.challenge);
    const ip = typeof f?.evidence.clientIp === 'string' ? f.evidence.clientIp : undefined;
    const match = ip ? ipRules.find((r) => ipInCidr(ip, r)) : undefined;
    return { status: 'pass', message: f?.status === 'pass' ? (match ? msg('default action Deny; the registry lets this client in (rule {match})', { match }) : msg('default action Deny; the registry lets this client in')) : (ipRules.length ? msg('default action Deny; IP rules {ipRules}', { ipRules: ipRules.join(', ') }) : msg('default action Deny; no IP rules')), evidence };
  },
};

export const privateEndpointsCheck: Check = {
  id: NET.armPrivateEndpoints, area: 'network', title: 'Private endpoints are approved and DNS points at them',
  needs: [NET.arm], after: [NET.dns, NET.challenge], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    if (!arm.privateEndpoints.length) return { status: 'pass', message: msg('the registry has no private endpoints'), evidence: { privateEndpoints: 0 } };
    const { resolved, peIps, onPe } = resolvedToPe(ctx, arm);
    const evidence = { privateEndpoints: arm.privateEndpoints.map((p) => `${p.connectionName}: ${p.status}`), privateIps: peIps, resolved };
    const pending = arm.privateEndpoints.filter((p) => p.status !== 'Approved');
    const usedPending = pending.find((p) => p.ips.some((ip) => resolved.includes(ip)));
    if (usedPending) {
      return { status: 'fail', causeId: 'network.private-endpoint-not-approved', evidence, fixParams: { connectionName: usedPending.connectionName, connectionState: usedPending.status },
        message: msg('{loginServer} resolves to {resolved}, private endpoint connection {connectionName}, which is {status}: host is not reachable until it is approved', { loginServer: ctx.target.loginServer, resolved: resolved.join(', '), connectionName: usedPending.connectionName, status: usedPending.status }) };
    }
    const unknownPending = pending.find((p) => p.ips.length === 0);
    if (unknownPending && pathFailed(ctx)) {
      // The endpoint's IPs are unreadable, but the login server is unreachable and a connection waits for approval.
      return { status: 'fail', causeId: 'network.private-endpoint-not-approved', evidence, fixParams: { connectionName: unknownPending.connectionName, connectionState: unknownPending.status },
        message: msg('private endpoint connection {connectionName} is {status} and {loginServer} ({resolved}) is not reachable: host is not reachable until it is approved', { connectionName: unknownPending.connectionName, status: unknownPending.status, loginServer: ctx.target.loginServer, resolved: resolved.join(', ') || '?' }) };
    }
    const refused403 = ctx.finding(NET.challenge)?.evidence.status === 403;
    if (!onPe && arm.publicNetworkAccess === 'Disabled' && refused403 && arm.privateEndpoints.some((p) => p.status === 'Approved' && p.ips.length === 0)) {
      return { status: 'fail', causeId: 'network.private-endpoint-dns-public', evidence, fixParams: { resolvedIp: resolved[0] ?? '' },
        message: msg('{loginServer} resolves to {resolved}, which reaches the public endpoint (refused), although the registry has an approved private endpoint', { loginServer: ctx.target.loginServer, resolved: resolved.join(', ') || '(nothing)' }) };
    }
    const approvedIps = arm.privateEndpoints.filter((p) => p.status === 'Approved').flatMap((p) => p.fqdnIps[ctx.target.loginServer] ?? []);
    if (approvedIps.length && !onPe) {
      const refusedOrBlocked = arm.publicNetworkAccess === 'Disabled' || ctx.finding(NET.challenge)?.status === 'fail';
      return { status: refusedOrBlocked ? 'fail' : 'warn', causeId: 'network.private-endpoint-dns-public', evidence,
        fixParams: { privateIp: approvedIps[0], resolvedIp: resolved[0] ?? '' },
        message: msg('{loginServer} resolves to {resolved}, not to the private endpoint\'s {approvedIps}', { loginServer: ctx.target.loginServer, resolved: resolved.join(', ') || '(nothing)', approvedIps: approvedIps.join(', ') }) };
    }
    if (pending.length) {
      return { status: 'warn', causeId: 'network.private-endpoint-not-approved', evidence, fixParams: { connectionName: pending[0].connectionName, connectionState: pending[0].status },
        message: msg('private endpoint connection {connectionName} is {status}', { connectionName: pending[0].connectionName, status: pending[0].status }) };
    }
    return { status: 'pass', message: onPe ? msg('DNS gives the private endpoint\'s address {resolved}', { resolved: resolved[0] }) : msg('private endpoints are approved'), evidence };
  },
};

export const serviceEndpointsCheck: Check = {
  id: NET.armServiceEndpoints, area: 'network', title: 'Service endpoint subnets have a network rule (and the provider is registered)',
  needs: [NET.arm], after: [NET.challenge, NET.dns], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    const rules = arm.networkRuleSet;
    const vnetRules = rules?.virtualNetworkRules ?? [];
    const evidence = { provider: arm.providerRegistrations.map((p) => `${p.subscriptionId}: ${p.state ?? 'unknown'}`), serviceEndpointSubnets: arm.serviceEndpointSubnets.map((s) => s.split('/').slice(-3).join('/')), virtualNetworkRules: vnetRules.length };
    const unregistered = vnetRules.length ? unregisteredProvider(arm) : undefined;
    if (unregistered) {
      return { status: 'fail', causeId: 'network.resource-provider-unregistered', evidence, fixParams: { subscriptionId: unregistered.subscriptionId },
        message: msg('the registry has virtual network rules, but Microsoft.ContainerRegistry is {state} in subscription {subscriptionId}', { state: unregistered.state, subscriptionId: unregistered.subscriptionId }) };
    }
    if (rules?.defaultAction !== 'Deny') return { status: 'pass', message: msg('default action Allow: no subnet rule needed'), evidence };
    const unruled = arm.serviceEndpointSubnets.filter((s) => !vnetRules.some((r) => r.id.toLowerCase() === s.toLowerCase()));
    const refused = challenge403(ctx);
    const c = refused ? causeFor403(arm, refused.clientIp, ctx.data(NET.dns)?.addresses, ctx.target.loginServer) : undefined;
    if (c?.causeId === 'network.service-endpoint-rule-missing') {
      return { status: 'fail', causeId: c.causeId, evidence, fixParams: c.params,
        message: unruled.length ? msg('subnet {subnet} has a Microsoft.ContainerRegistry service endpoint but the registry (default action Deny) has no network rule for it', { subnet: String(unruled[0].split('/').pop()) }) : msg('{why}; add a network rule for the subnet with the service endpoint (or for this client\'s IP)', { why: c.why }) };
    }
    if (!unruled.length) return { status: 'pass', message: msg('every subnet with a Microsoft.ContainerRegistry service endpoint has a rule'), evidence };
    if (!rules.ipRules.length && !vnetRules.length) {
      return { status: 'warn', causeId: 'network.service-endpoint-rule-missing', evidence, fixParams: { subnetId: unruled[0] }, message: msg('subnet {subnet} has a service endpoint for the registry but no network rule', { subnet: String(unruled[0].split('/').pop()) }) };
    }
    return { status: 'info', message: msg('{n} subnet(s) with a service endpoint have no rule; this client is not refused because of it', { n: unruled.length }), evidence };
  },
};

export const trustedServicesCheck: Check = {
  id: NET.armTrustedServices, area: 'network', title: 'Trusted Azure services may reach the network-restricted registry',
  needs: [NET.arm], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    const evidence = { restricted: isRestricted(arm), networkRuleBypassOptions: arm.networkRuleBypassOptions ?? 'AzureServices' };
    if (isRestricted(arm) && arm.networkRuleBypassOptions === 'None') {
      return { status: 'warn', causeId: 'network.trusted-services-bypass-off', evidence, message: msg('the registry restricts network access and does not allow trusted services (networkRuleBypassOptions None): Defender scanning, ACR Tasks and other Azure services are refused') };
    }
    return { status: 'pass', message: isRestricted(arm) ? msg('trusted Azure services may bypass the network rules') : msg('the registry is not network-restricted'), evidence };
  },
};

export const skuCheck: Check = {
  id: NET.armSku, area: 'network', title: 'The SKU supports network rules and private endpoints',
  needs: [NET.arm], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    if (arm.sku === 'Premium') return { status: 'pass', message: msg('Premium: IP rules, virtual network rules and private endpoints are available'), evidence: { sku: arm.sku } };
    // Only a reason when something needs Premium: rules, private endpoints or closed public access
    // set on this registry. A Basic/Standard registry without them is healthy.
    const rules = arm.networkRuleSet;
    const wanted = [
      rules?.defaultAction === 'Deny' ? 'default action Deny' : '',
      rules?.ipRules.length ? `${rules.ipRules.length} IP rule(s)` : '',
      rules?.virtualNetworkRules.length ? `${rules.virtualNetworkRules.length} virtual network rule(s)` : '',
      arm.privateEndpoints.length ? `${arm.privateEndpoints.length} private endpoint connection(s)` : '',
      arm.publicNetworkAccess === 'Disabled' ? 'public network access disabled' : '',
    ].filter(Boolean);
    if (!wanted.length) return { status: 'pass', message: msg('{sku} registry without network rules or private endpoints (those would need Premium)', { sku: arm.sku }), evidence: { sku: arm.sku, rulesConfigured: false } };
    return { status: 'warn', causeId: 'network.sku-no-network-rules', evidence: { sku: arm.sku, rulesConfigured: true, configured: wanted }, fixParams: { sku: arm.sku },
      message: msg('{sku} registry: firewall rules, virtual network rules and private endpoints need Premium (the configured rules are not applied)', { sku: arm.sku }) };
  },
};

export const encryptionCheck: Check = {
  id: NET.armEncryption, area: 'network', title: 'Customer-managed key identity is assigned',
  needs: [NET.arm], timeoutMs: 1000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = armFacts(ctx);
    if (!arm) return noArm;
    const enc = arm.encryption;
    if (!enc || String(enc.status).toLowerCase() !== 'enabled') return { status: 'pass', message: msg('encrypted with Microsoft-managed keys'), evidence: { encryption: enc?.status ?? 'disabled' } };
    const id = enc.identity?.toLowerCase();
    const type = String(arm.identity?.type ?? 'None');
    const assigned = !!id && (arm.identity?.clientIds.some((c) => c.toLowerCase() === id) || arm.identity?.principalIds.some((c) => c.toLowerCase() === id) || (id === '[system]' && /systemassigned/i.test(type)));
    if (assigned) return { status: 'pass', message: msg('the key-reading identity is assigned to the registry'), evidence: { identityType: type } };
    return { status: 'fail', causeId: 'registry.cmk-identity-broken', evidence: { identityType: type, keyIdentity: enc.identity ?? '(none)' },
      message: msg('customer-managed key encryption uses identity {identity}, which is not assigned to the registry (identity type {type})', { identity: enc.identity ?? msg('(none)'), type }) };
  },
};
