// GET /v2/ without credentials: ACR answers 401 with `Bearer realm="https://<login>/oauth2/token",
// service="<login>"`. A 403 carries the firewall's view of our IP; 429 is throttling.
// The realm must be the login server itself: credentials are never sent anywhere else.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { httpRequest, warmKeepAlive, type HttpResponse } from '../../net/http';
import { bearerChallenge, realmIsTrusted } from '../../net/www-authenticate';
import { parseFirewallBody, registryErrorCodes } from '../../net/firewall-body';
import { ipInCidr } from '../../net/addresses';
import { NET } from './ids';
import { failureOutcome, netOptions, ms } from './outcome';
import { privateIpsFor, unregisteredProvider, type NetworkArmFacts } from './registry-network-facts';
import type { ChallengeData } from '../challenge-data';
import type { CauseId } from '../../catalogue/types';
import { msg, type Message, type MessageParam } from '../../text/message';

export type { ChallengeData };

/** Which registry setting explains a 403, when ARM is known. */
export function causeFor403(arm: NetworkArmFacts | undefined, clientIp: string | undefined, resolved: string[] | undefined, loginServer: string): { causeId: CauseId; why: Message; params: Record<string, string> } {
  const params: Record<string, string> = {};
  if (clientIp) params.clientIp = clientIp;
  if (!arm) return { causeId: 'network.ip-rule-excludes-client', why: msg('the registry\'s firewall refused this client'), params };
  const peIps = privateIpsFor(arm, loginServer);
  const viaPublic = !resolved || !resolved.some((a) => peIps.includes(a));
  if (peIps.length && viaPublic) {
    params.privateIp = peIps[0];
    if (resolved?.[0]) params.resolvedIp = resolved[0];
    return { causeId: 'network.private-endpoint-dns-public', why: msg('the registry has a private endpoint ({ips}) but this client came over the public address', { ips: peIps.join(', ') }), params };
  }
  // The endpoint's IPs may be unreadable (no permission on the network resources): an approved
  // private endpoint plus a refusal of public access still says DNS did not lead to it.
  const approvedUnknown = arm.privateEndpoints.some((p) => p.status === 'Approved' && p.ips.length === 0);
  if (approvedUnknown && arm.publicNetworkAccess === 'Disabled') {
    if (resolved?.[0]) params.resolvedIp = resolved[0];
    return { causeId: 'network.private-endpoint-dns-public', why: msg('the registry has an approved private endpoint and no public access, but {login} resolves to {addresses} that reaches the public endpoint', { login: loginServer, addresses: resolved?.join(', ') || 'an address' }), params };
  }
  if (arm.publicNetworkAccess === 'Disabled') return { causeId: 'network.public-access-disabled', why: msg('publicNetworkAccess is Disabled'), params };
  const rules = arm.networkRuleSet;
  if (rules?.defaultAction === 'Deny') {
    const ipRules = rules.ipRules.map((r) => r.value);
    const unregistered = rules.virtualNetworkRules.length ? unregisteredProvider(arm) : undefined;
    if (unregistered) {
      return { causeId: 'network.resource-provider-unregistered', why: msg('virtual network rules exist but Microsoft.ContainerRegistry is {state} in the virtual network\'s subscription {subscription}', { state: unregistered.state, subscription: unregistered.subscriptionId }), params: { ...params, subscriptionId: unregistered.subscriptionId } };
    }
    const unruled = arm.serviceEndpointSubnets.filter((s) => !rules.virtualNetworkRules.some((r) => r.id.toLowerCase() === s.toLowerCase()));
    if (ipRules.length === 0 && unruled.length) {
      params.subnetId = unruled[0];
      return { causeId: 'network.service-endpoint-rule-missing', why: msg('default action Deny, no IP rules, and subnet {subnet} has a service endpoint without a network rule', { subnet: unruled[0].split('/').pop() }), params };
    }
    // "Selected networks" with nothing selected: only service-endpoint subnets could be meant
    // (the subnets themselves may be unreadable with this sign-in).
    if (ipRules.length === 0 && rules.virtualNetworkRules.length === 0 && arm.privateEndpoints.length === 0) {
      return { causeId: 'network.service-endpoint-rule-missing', why: msg('default action Deny with no IP rule and no virtual network rule: no network may reach the registry, not even a subnet with a service endpoint'), params };
    }
    const match = clientIp ? ipRules.find((r) => ipInCidr(clientIp, r)) : undefined;
    return {
      causeId: 'network.ip-rule-excludes-client', params,
      why: ipRuleWhy(ipRules.length ? ipRules.join(', ') : msg('(none)'), clientIp, match),
    };
  }
  return { causeId: 'network.ip-rule-excludes-client', why: msg('the registry\'s firewall refused this client'), params };
}

function headerEvidence(res: HttpResponse) {
  return {
    status: res.status, address: res.remoteAddress, proxy: res.proxy,
    wwwAuthenticate: typeof res.headers['www-authenticate'] === 'string' ? res.headers['www-authenticate'].slice(0, 300) : undefined,
    apiVersion: typeof res.headers['docker-distribution-api-version'] === 'string' ? res.headers['docker-distribution-api-version'] : undefined,
    firstByteMs: ms(res.timings.firstByteMs), totalMs: ms(res.timings.totalMs),
  };
}

export const challengeCheck: Check = {
  id: NET.challenge, area: 'network', title: 'GET /v2/ answers with a Bearer challenge from the login server',
  // Does not wait for ARM (seconds): a 403 is interpreted by net.registry-firewall once ARM is in.
  needs: [NET.tls], timeoutMs: 3500,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const login = ctx.target.loginServer;
    const url = `https://${login}/v2/`;
    // TLS worked (net.tls): the token chain's connection opens beside this probe, so the exchange
    // after the challenge does not pay TCP and TLS again. The probe itself starts on the connection
    // net.tls judged trusted (it sends no credential), else dials its own.
    warmKeepAlive({ ...netOptions(ctx), url, keepAlive: ctx.connections });
    let res: HttpResponse;
    try {
      res = await httpRequest({ ...netOptions(ctx), url, signal: ctx.signal, maxBodyBytes: 16 * 1024, handedOverBy: ctx.connections });
    } catch (e) {
      return failureOutcome(e, ctx, `GET ${url}`);
    }
    const evidence = headerEvidence(res);
    if (res.status === 401) {
      const ch = bearerChallenge(res.headers['www-authenticate']);
      if (!ch) {
        return { status: 'fail', causeId: 'network.challenge-invalid', evidence, message: msg('GET {url} answered 401 without a Bearer realm/service challenge ({wwwAuthenticate})', { url, wwwAuthenticate: evidence.wwwAuthenticate ?? 'no Www-Authenticate header' }) };
      }
      const trust = realmIsTrusted(ch.realm, login);
      if (!trust.ok) {
        return { status: 'fail', causeId: 'network.challenge-invalid', evidence: { ...evidence, realm: ch.realm }, message: msg('the challenge sends credentials to {realm}: {reason}; ACR Doctor will not send credentials there', { realm: ch.realm, reason: String(trust.reason) }) };
      }
      if (ch.service && ch.service.toLowerCase() !== login) {
        return { status: 'warn', causeId: 'network.challenge-invalid', evidence: { ...evidence, service: ch.service }, message: msg('the challenge names service "{service}", not {login}', { service: ch.service, login }) };
      }
      return { status: 'pass', message: msg('401 with Bearer realm {realm} (service {service}) in {totalMs} ms', { realm: ch.realm, service: ch.service ?? '-', totalMs: String(evidence.totalMs) }), evidence: { ...evidence, realm: ch.realm, service: ch.service }, data: { realm: ch.realm, service: ch.service } satisfies ChallengeData };
    }
    if (res.status === 403) {
      // Which registry setting refuses us is net.registry-firewall's call (it waits for ARM).
      const fw = parseFirewallBody(res.body);
      return {
        status: 'fail', fixParams: fw ? { clientIp: fw.clientIp } : undefined,
        evidence: { ...evidence, clientIp: fw?.clientIp, body: fw?.message ?? res.text().slice(0, 200) },
        message: (fw ? msg('403 Forbidden: {message}', { message: fw.message }) : msg('403 Forbidden')),
      };
    }
    if (res.status === 429 || registryErrorCodes(res.body).includes('TOOMANYREQUESTS')) {
      const retry = res.headers['retry-after'];
      return { status: 'fail', causeId: 'network.throttled', evidence: { ...evidence, retryAfter: typeof retry === 'string' ? retry : undefined }, message: (retry ? msg('429 Too Many Requests (toomanyrequests); retry after {retry} s', { retry }) : msg('429 Too Many Requests (toomanyrequests)')) };
    }
    return {
      status: 'fail', causeId: 'network.challenge-invalid', evidence: { ...evidence, body: res.text().slice(0, 200) },
      message: msg('GET {url} answered {status} {statusText}, not a registry\'s 401 challenge: something else answers for {login}', { url, status: res.status, statusText: res.statusText, login }),
    };
  },
};

/** Interpret a 403 from /v2/: the registry's firewall, explained by ARM when it is known. */
export const registryFirewallCheck: Check = {
  id: NET.registryFirewall, area: 'network', title: 'The registry\'s firewall lets this client in',
  needs: [], after: [NET.challenge, NET.arm, NET.dns], timeoutMs: 1000,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const ch = ctx.finding(NET.challenge);
    if (!ch || ch.evidence.status !== 403) {
      return { status: ch?.status === 'pass' ? 'pass' : 'info', message: ch?.status === 'pass' ? msg('the registry answered without a firewall refusal') : msg('the registry was not reached, so its firewall could not be tested') };
    }
    const clientIp = typeof ch.evidence.clientIp === 'string' ? ch.evidence.clientIp : undefined;
    const arm = ctx.data(NET.arm);
    const c = causeFor403(arm, clientIp, ctx.data(NET.dns)?.addresses, ctx.target.loginServer);
    return {
      status: 'fail', causeId: c.causeId, fixParams: c.params, evidence: { clientIp, status: 403, arm: !!arm },
      message: (clientIp ? msg('GET /v2/ answered 403 Forbidden for client IP {clientIp}: {why}', { clientIp, why: c.why }) : msg('GET /v2/ answered 403 Forbidden: {why}', { why: c.why })),
    };
  },
};

function ipRuleWhy(rules: MessageParam, ip: string | undefined, rule: string | undefined): Message {
  if (!ip) return msg('default action Deny; IP rules {rules}', { rules });
  return rule ? msg('default action Deny; IP rules {rules} include {ip} (rule {rule})', { rules, ip, rule }) : msg('default action Deny; IP rules {rules} do not include {ip}', { rules, ip });
}
