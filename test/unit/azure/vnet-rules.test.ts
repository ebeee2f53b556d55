import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  allowCollectionSlot, allowPriorityBefore, effectiveRoute, evaluateFirewall, evaluateNsg, fqdnMatches, parseFirewall, parseNsg,
  parsePolicyRules, parseRouteTable, registryTags, type Destination,
} from '../../../src/core/azure/vnet-rules';
import { judgeEgress } from '../../../src/core/checks/network/egress-verdict';
import { subnetFacts } from '../../../src/core/azure/network-resources';
import { renderMessage } from '../../../src/core/text/message';

const RG = '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network';
const login: Destination = { hosts: ['contoso.azurecr.io'], kind: 'public', ips: ['20.50.1.1'], tags: registryTags(['westeurope']) };
const data: Destination = { hosts: ['contoso.westeurope.data.azurecr.io', 'contoso.northeurope.data.azurecr.io'], kind: 'public', ips: [], tags: registryTags(['westeurope', 'northeurope']) };
const pe: Destination = { hosts: ['contoso.azurecr.io'], kind: 'private', ips: ['10.9.0.5'], tags: [] };
const me = { ip: '10.1.0.4' };

const rule = (name: string, priority: number, access: string, dest: unknown, extra: Record<string, unknown> = {}) => ({
  name, properties: { protocol: 'Tcp', sourceAddressPrefix: '*', destinationPortRange: '443', destinationAddressPrefix: dest, access, priority, direction: 'Outbound', ...extra },
});
const nsg = (...rules: unknown[]) => parseNsg({ id: `${RG}/networkSecurityGroups/n`, name: 'n', properties: { securityRules: rules } });

describe('NSG evaluation (vnet-rules)', () => {
  it('a Deny to the AzureContainerRegistry service tag wins over a later Allow; the regional tag and Internet count too', () => {
    const v = evaluateNsg(nsg(rule('deny-acr', 200, 'Deny', 'AzureContainerRegistry'), rule('allow-all', 300, 'Allow', '*')), 'Outbound', me, login);
    assert.equal(v?.access, 'Deny');
    assert.equal(v?.rule.name, 'deny-acr');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', 'azurecontainerregistry.WestEurope')), 'Outbound', me, login)?.access, 'Deny');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', 'AzureContainerRegistry.EastUS')), 'Outbound', me, login)?.rule.name, 'AllowInternetOutBound', 'another region is not this registry');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', 'Internet')), 'Outbound', me, login)?.access, 'Deny');
    assert.equal(evaluateNsg(nsg(rule('a', 100, 'Allow', 'AzureContainerRegistry'), rule('d', 200, 'Deny', '*')), 'Outbound', me, login)?.access, 'Allow');
  });

  it('a private endpoint is VirtualNetwork (not Internet), matched by its IP; other service tags never match', () => {
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', 'Internet')), 'Outbound', me, pe)?.rule.name, 'AllowVnetOutBound');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', 'VirtualNetwork')), 'Outbound', me, pe)?.access, 'Deny');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '10.9.0.0/24')), 'Outbound', me, pe)?.access, 'Deny');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '10.8.0.0/24')), 'Outbound', me, pe)?.access, 'Allow');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', 'Storage')), 'Outbound', me, login)?.access, 'Allow');
  });

  it('honours ports, port lists, protocols, sources and directions', () => {
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '*', { destinationPortRange: '80' })), 'Outbound', me, login)?.access, 'Allow');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '*', { destinationPortRange: undefined, destinationPortRanges: ['22', '400-500'] })), 'Outbound', me, login)?.access, 'Deny');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '*', { protocol: 'Udp' })), 'Outbound', me, login)?.access, 'Allow');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '*', { sourceAddressPrefix: '10.2.0.0/16' })), 'Outbound', me, login)?.access, 'Allow');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '*', { sourceAddressPrefix: '10.1.0.0/24' })), 'Outbound', { prefixes: ['10.1.0.0/26'] }, login)?.access, 'Deny');
    assert.equal(evaluateNsg(nsg(rule('d', 200, 'Deny', '*', { direction: 'Inbound' })), 'Outbound', me, login)?.access, 'Allow');
  });

  it('skips rules with application security groups (named as not evaluated) and adds the default rules when ARM left them out', () => {
    const v = evaluateNsg(nsg(rule('asg', 100, 'Deny', '*', { destinationApplicationSecurityGroups: [{ id: 'x' }] })), 'Outbound', me, login);
    assert.equal(v?.rule.name, 'AllowInternetOutBound');
    assert.deepEqual(v?.unsure, ['asg']);
    // Overriding AllowInternetOutBound leaves DenyAllOutBound.
    assert.equal(evaluateNsg(parseNsg({ properties: { defaultSecurityRules: [rule('DenyAllOutBound', 65500, 'Deny', '*', { protocol: '*', destinationPortRange: '*' })] } }), 'Outbound', me, login)?.access, 'Deny');
  });

  it('finds a free priority before the denying rule, none below 100', () => {
    const n = nsg(rule('a', 150, 'Allow', 'x'), rule('d', 151, 'Deny', '*'));
    assert.equal(allowPriorityBefore(n, n.rules.find((r) => r.name === 'd')!), 149);
    const low = nsg(rule('d', 100, 'Deny', '*'));
    assert.equal(allowPriorityBefore(low, low.rules[0]), undefined);
  });

  it('survives hostile JSON: nothing throws, unusable rules are dropped', () => {
    for (const junk of [null, undefined, 42, 'nsg', [], { properties: null }, { properties: { securityRules: 'x' } }, { properties: { securityRules: [null, 1, 'r', { properties: { priority: 'high', direction: 'Outbound', access: 'Deny' } }, { properties: { priority: 100, direction: 'Sideways', access: 'Deny' } }] } }]) {
      const n = parseNsg(junk);
      assert.equal(n.rules.filter((r) => !r.isDefault).length, 0, JSON.stringify(junk));
      assert.equal(evaluateNsg(n, 'Outbound', me, login)?.rule.name, 'AllowInternetOutBound');
    }
    fc.assert(fc.property(fc.jsonValue(), fc.string(), (j, prefix) => {
      const n = parseNsg({ properties: { securityRules: [j, rule('r', 100, 'Deny', prefix)] } });
      evaluateNsg(n, 'Outbound', { ip: prefix, prefixes: [prefix] }, { ...login, ips: [prefix] });
      return true;
    }), { numRuns: 300 });
  });
});

describe('routes (vnet-rules)', () => {
  const table = (routes: unknown) => parseRouteTable({ id: `${RG}/routeTables/rt`, properties: { routes } });
  const r = (name: string, addressPrefix: string, nextHopType: string, nextHopIpAddress?: string) => ({ name, properties: { addressPrefix, nextHopType, nextHopIpAddress } });

  it('takes the longest prefix; a service-tag route beats 0.0.0.0/0; the default route covers destinations of unknown address', () => {
    const t = table([r('default', '0.0.0.0/0', 'VirtualAppliance', '10.3.0.4'), r('acr', 'AzureContainerRegistry', 'Internet'), r('pe', '10.9.0.0/24', 'VnetLocal')]);
    assert.equal(effectiveRoute(t, login)?.name, 'acr');
    assert.equal(effectiveRoute(t, pe)?.name, 'pe');
    assert.equal(effectiveRoute(table([r('default', '0.0.0.0/0', 'None')]), data)?.name, 'default');
    assert.equal(effectiveRoute(table([r('other', '172.16.0.0/12', 'None')]), login), undefined);
    assert.equal(t.resourceGroup, 'net');
  });

  it('drops malformed routes', () => {
    assert.deepEqual(table([null, {}, { properties: { addressPrefix: '0.0.0.0/0' } }, 7]).routes, []);
    assert.deepEqual(parseRouteTable('garbage').routes, []);
  });
});

describe('Azure Firewall (vnet-rules)', () => {
  const group = (priority: number, collections: unknown[]) => ({ name: `g${priority}`, properties: { priority, ruleCollections: collections } });
  const coll = (name: string, priority: number, action: string, rules: unknown[]) => ({ ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name, priority, action: { type: action }, rules });
  const app = (name: string, fqdns: string[], sources = ['*']) => ({ ruleType: 'ApplicationRule', name, protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: sources, targetFqdns: fqdns });
  const net = (name: string, destinationAddresses: string[], ports = ['443']) => ({ ruleType: 'NetworkRule', name, ipProtocols: ['TCP'], sourceAddresses: ['*'], destinationAddresses, destinationPorts: ports });

  it('allows the login server but not the data endpoints when only the login server is listed (default deny)', () => {
    const rules = parsePolicyRules({ value: [group(300, [coll('acr', 200, 'Allow', [app('login', ['contoso.azurecr.io'])])])] });
    const v = evaluateFirewall(rules, me, { ...login, hosts: [...login.hosts] }).concat(evaluateFirewall(rules, me, data));
    assert.deepEqual(v.map((x) => [x.host, x.allowed]), [['contoso.azurecr.io', true], ['contoso.westeurope.data.azurecr.io', false], ['contoso.northeurope.data.azurecr.io', false]]);
    assert.equal(v[1].rule, undefined, 'no rule: default deny');
  });

  it('*.azurecr.io and a network rule to the AzureContainerRegistry tag allow everything; a Deny collection first wins', () => {
    assert.ok(evaluateFirewall(parsePolicyRules([group(100, [coll('c', 100, 'Allow', [app('w', ['*.azurecr.io'])])])]), me, data).every((v) => v.allowed));
    assert.ok(evaluateFirewall(parsePolicyRules([group(100, [coll('c', 100, 'Allow', [net('n', ['AzureContainerRegistry'])])])]), me, data).every((v) => v.allowed));
    const denyFirst = parsePolicyRules([group(100, [coll('deny', 100, 'Deny', [app('d', ['*.azurecr.io'])]), coll('allow', 200, 'Allow', [app('a', ['*'])])])]);
    const v = evaluateFirewall(denyFirst, me, login)[0];
    assert.equal(v.allowed, false);
    assert.equal(v.rule?.name, 'd');
    // Network rules are processed before application rules, whatever their priority.
    const netFirst = parsePolicyRules([group(100, [coll('app', 100, 'Allow', [app('a', ['*'])])]), group(900, [coll('net', 900, 'Deny', [net('n', ['*'])])])]);
    assert.equal(evaluateFirewall(netFirst, me, login)[0].allowed, false);
    assert.equal(evaluateFirewall(parsePolicyRules([group(100, [coll('c', 100, 'Allow', [net('n', ['*'], ['80'])])])]), me, login)[0].allowed, false);
  });

  it('reads classic collections and the private IPs; a rule for another source does not apply; FQDN tags are named as not evaluated', () => {
    const fw = parseFirewall({
      id: `${RG}/azureFirewalls/hub-fw`, name: 'hub-fw',
      properties: {
        ipConfigurations: [{ properties: { privateIPAddress: '10.3.0.4' } }],
        applicationRuleCollections: [{ name: 'aks', properties: { priority: 100, action: { type: 'Allow' }, rules: [
          { name: 'other-subnet', sourceAddresses: ['10.7.0.0/24'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.azurecr.io'] },
          { name: 'tags', sourceAddresses: ['*'], protocols: [{ protocolType: 'Https', port: 443 }], fqdnTags: ['AzureKubernetesService'] },
        ] } }],
      },
    });
    assert.deepEqual(fw.privateIps, ['10.3.0.4']);
    assert.equal(fw.resourceGroup, 'net');
    const v = evaluateFirewall(fw.rules, { prefixes: ['10.3.1.0/24'] }, login)[0];
    assert.equal(v.allowed, false);
    assert.deepEqual(v.unsure, ['tags']);
    assert.ok(evaluateFirewall(fw.rules, { prefixes: ['10.7.0.0/25'] }, login)[0].allowed);
  });

  it('matches FQDN patterns the way Azure Firewall does, and nothing else', () => {
    assert.ok(fqdnMatches('*.azurecr.io', 'contoso.westeurope.data.azurecr.io'));
    assert.ok(fqdnMatches('CONTOSO.azurecr.io', 'contoso.azurecr.io.'));
    assert.ok(fqdnMatches('*', 'x'));
    for (const [p, h] of [['*.azurecr.io', 'azurecr.io'], ['*.azurecr.io', 'evil-azurecr.io'], ['contoso.azurecr.io', 'contoso.azurecr.io.evil.example'], ['', 'a'], ['*.', 'a'], ['a', '']]) {
      assert.equal(fqdnMatches(p, h), false, `${p} vs ${h}`);
    }
  });

  it('places an allow collection before a deny collection, anywhere for a default deny', () => {
    const rules = parsePolicyRules([group(300, [coll('deny', 150, 'Deny', [app('d', ['*'])]), coll('other', 149, 'Allow', [app('o', ['x'])])])]);
    assert.deepEqual(allowCollectionSlot(rules, rules.find((r) => r.name === 'd')), { group: 'g300', priority: 148 });
    assert.deepEqual(allowCollectionSlot([], undefined), { group: undefined, priority: 200 });
  });

  it('survives hostile JSON', () => {
    for (const junk of [null, 1, 'x', [], { value: 'x' }, { value: [null, { properties: { priority: 'a' } }, { properties: { priority: 1, ruleCollections: [null, { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', priority: 1, action: { type: 'Maybe' }, rules: [1] }] } }] }]) {
      assert.deepEqual(parsePolicyRules(junk), []);
      assert.deepEqual(parseFirewall(junk).rules, []);
    }
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      const rules = [...parsePolicyRules(a), ...parseFirewall(b).rules];
      evaluateFirewall(rules, me, data);
      return true;
    }), { numRuns: 300 });
  });
});

describe('judgeEgress', () => {
  const subnet = subnetFacts({ id: '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/workstations', properties: { addressPrefix: '10.1.0.0/24' } });

  it('names the NSG, the rule and a free priority for the allow rule', () => {
    const j = judgeEgress({ subnet, src: me, dests: [login, data], nsg: nsg(rule('AllowMonitor', 100, 'Allow', 'AzureMonitor'), rule('DenyAcr', 200, 'Deny', 'AzureContainerRegistry')) });
    assert.equal(j.block?.causeId, 'network.nsg-blocks-registry');
    assert.deepEqual(j.block?.hosts, ['contoso.azurecr.io']);
    assert.match(renderMessage(j.block.why), /^outbound rule DenyAcr \(priority 200, Deny\) of NSG n on subnet workstations denies TCP 443 to contoso\.azurecr\.io \(service tag AzureContainerRegistry\)$/);
    assert.deepEqual(j.block?.fixParams, { nsg: 'n', nsgResourceGroup: 'net', nsgRule: 'DenyAcr', nsgRulePriority: '200', nsgDirection: 'Outbound', subnet: 'workstations', vnet: 'v', destinationPrefix: 'AzureContainerRegistry', allowPriority: '199', customNsgRule: 'DenyAcr' });
  });

  it('a private endpoint subnet NSG filters inbound only when its network policies are on', () => {
    const peSubnet = (policies: string) => subnetFacts({ id: '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/pe', properties: { addressPrefix: '10.9.0.0/24', privateEndpointNetworkPolicies: policies } });
    const peNsg = parseNsg({ id: `${RG}/networkSecurityGroups/pe-nsg`, properties: { securityRules: [{ name: 'deny-clients', properties: { protocol: '*', sourceAddressPrefix: '10.1.0.0/24', destinationPortRange: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 100, direction: 'Inbound' } }] } });
    assert.equal(judgeEgress({ subnet, src: me, dests: [pe], peSubnet: peSubnet('Disabled'), peNsg }).block, undefined);
    const j = judgeEgress({ subnet, src: me, dests: [pe], peSubnet: peSubnet('Enabled'), peNsg });
    assert.equal(j.block?.fixParams.nsgDirection, 'Inbound');
    assert.equal(j.block?.fixParams.destinationPrefix, '10.9.0.5');
  });

  it('a route to a readable firewall that lets the login server through but not the data endpoints blocks those, with the policy fix', () => {
    const routeTable = parseRouteTable({ id: `${RG}/routeTables/rt`, name: 'rt', properties: { routes: [{ name: 'to-fw', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.3.0.4' } }] } });
    const firewall = parseFirewall({ id: `${RG}/azureFirewalls/fw`, properties: { ipConfigurations: [{ properties: { privateIPAddress: '10.3.0.4' } }], firewallPolicy: { id: '/subscriptions/s/resourceGroups/pol/providers/Microsoft.Network/firewallPolicies/p' } } });
    const firewallRules = parsePolicyRules([{ name: 'DefaultApplicationRuleCollectionGroup', properties: { priority: 300, ruleCollections: [{ ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'acr', priority: 200, action: { type: 'Allow' }, rules: [{ ruleType: 'ApplicationRule', name: 'login', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['*'], targetFqdns: ['contoso.azurecr.io'] }] }] } }]);
    const j = judgeEgress({ subnet, src: me, dests: [login, data], routeTable, firewall, firewallRules });
    assert.equal(j.block?.causeId, 'network.firewall-blocks-registry');
    assert.deepEqual(j.block?.hosts, data.hosts);
    assert.match(renderMessage(j.block.why), /sends the traffic to Azure Firewall fw \(10\.3\.0\.4\), which has no rule allowing contoso\.westeurope\.data\.azurecr\.io, contoso\.northeurope\.data\.azurecr\.io \(default deny\); it allows contoso\.azurecr\.io$/);
    assert.equal(j.block?.fixParams.firewallPolicy, 'p');
    assert.equal(j.block?.fixParams.firewallPolicyResourceGroup, 'pol');
    assert.equal(j.block?.fixParams.firewallPolicyGroup, 'DefaultApplicationRuleCollectionGroup');
    assert.equal(j.block?.fixParams.blockedFqdns, 'contoso.westeurope.data.azurecr.io contoso.northeurope.data.azurecr.io');
    assert.equal(j.block?.fixParams.classicFirewall, undefined);
    // The same route to an appliance nobody can read: no verdict, the appliance is named.
    const opaque = judgeEgress({ subnet, src: me, dests: [login, data], routeTable });
    assert.equal(opaque.block, undefined);
    assert.deepEqual(opaque.opaqueAppliance, { ip: '10.3.0.4', routeTable: 'rt', route: 'to-fw' });
  });

  it('a route with next hop None drops the traffic', () => {
    const routeTable = parseRouteTable({ id: `${RG}/routeTables/rt`, properties: { routes: [{ name: 'blackhole', properties: { addressPrefix: 'AzureContainerRegistry', nextHopType: 'None' } }] } });
    const j = judgeEgress({ subnet, src: me, dests: [login], routeTable });
    assert.equal(j.block?.causeId, 'network.firewall-blocks-registry');
    assert.equal(j.block?.fixParams.route, 'blackhole');
  });
});
