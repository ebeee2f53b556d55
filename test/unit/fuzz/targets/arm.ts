// ARM payloads (a registry as REST JSON, Resource Graph rows or SDK objects; role assignments)
// mapped into the views the tree and the checks use.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { summaryFromArm, subscriptionIdOf, resourceGroupOf } from '../../../../src/core/registry/summary';
import { analyseRoles, roleNameOf } from '../../../../src/core/checks/login/registry-facts';
import { classifyAzureError } from '../../../../src/vscode/tree/azure-error-kind';
import { hostileJson, hostileText, thrownValue, type FuzzTarget } from '../harness';
import { evaluateFirewall, evaluateNsg, effectiveRoute, parseFirewall, parseNsg, parsePolicyRules, parseRouteTable, registryTags } from '../../../../src/core/azure/vnet-rules';
import { judgeEgress } from '../../../../src/core/checks/network/egress-verdict';
import { subnetFacts } from '../../../../src/core/azure/network-resources';

const jsonish = (a: fc.Arbitrary<unknown>) => fc.oneof(a, hostileJson);
/** Shaped like RegistryGet.json (azure-rest-api-specs), every field possibly the wrong type. */
const registryJson = fc.record({
  id: jsonish(fc.constantFrom('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso', '/subscriptions//resourceGroups/', '')),
  name: jsonish(fc.constantFrom('contoso', 'Contoso', '')),
  location: jsonish(fc.constant('westeurope')),
  sku: jsonish(fc.record({ name: jsonish(fc.constantFrom('Premium', 'Basic')), tier: jsonish(fc.constant('Premium')) }, { requiredKeys: [] })),
  properties: jsonish(fc.record({
    loginServer: jsonish(fc.constantFrom('contoso.azurecr.io', 'CONTOSO.AZURECR.IO', '<img src=x onerror=alert(1)>.azurecr.io', '')),
    publicNetworkAccess: jsonish(fc.constantFrom('Enabled', 'Disabled')),
    adminUserEnabled: jsonish(fc.boolean()),
    networkRuleSet: jsonish(fc.record({ defaultAction: jsonish(fc.constantFrom('Allow', 'Deny')), ipRules: jsonish(fc.array(fc.record({ value: jsonish(fc.ipV4()) }))) }, { requiredKeys: [] })),
    privateEndpointConnections: jsonish(fc.array(jsonish(fc.record({ name: jsonish(fc.string()), properties: jsonish(fc.record({ privateEndpoint: jsonish(fc.record({ id: jsonish(fc.string()) })), privateLinkServiceConnectionState: jsonish(fc.record({ status: jsonish(fc.constantFrom('Approved', 'Pending')) })) }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 4 })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });

const assignment = fc.record({
  principalId: fc.oneof(fc.uuid(), fc.string()),
  role: fc.oneof(fc.constantFrom('AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor', 'Container Registry Repository Reader'), fc.string()),
  scope: fc.string(),
  createdOn: fc.option(fc.date({ noInvalidDate: false }), { nil: undefined }),
  condition: fc.option(fc.string(), { nil: undefined }),
});

/** A security rule / route / firewall rule shaped like azure-rest-api-specs, every field possibly the wrong type. */
const prefix = jsonish(fc.oneof(fc.constantFrom('*', 'Internet', 'VirtualNetwork', 'AzureContainerRegistry', 'AzureContainerRegistry.WestEurope', '0.0.0.0/0', '10.0.0.0/8', '192.0.2.1', '999.1.1.1/40', '10.0.0.0/-1'), fc.string()));
const nsgRuleJson = fc.record({
  name: jsonish(fc.string()),
  properties: jsonish(fc.record({
    protocol: jsonish(fc.constantFrom('Tcp', '*', 'Udp', 'tcp')), priority: jsonish(fc.oneof(fc.integer({ min: 100, max: 4096 }), fc.double())),
    direction: jsonish(fc.constantFrom('Outbound', 'Inbound')), access: jsonish(fc.constantFrom('Allow', 'Deny')),
    sourceAddressPrefix: prefix, destinationAddressPrefix: prefix, destinationAddressPrefixes: jsonish(fc.array(prefix, { maxLength: 3 })),
    destinationPortRange: jsonish(fc.constantFrom('*', '443', '400-500', '80', '65536-1', 'x')), destinationPortRanges: jsonish(fc.array(fc.string(), { maxLength: 3 })),
    destinationApplicationSecurityGroups: jsonish(fc.array(fc.jsonValue(), { maxLength: 1 })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });
const routeJson = fc.record({ name: jsonish(fc.string()), properties: jsonish(fc.record({ addressPrefix: prefix, nextHopType: jsonish(fc.constantFrom('VirtualAppliance', 'None', 'Internet', 'VnetLocal')), nextHopIpAddress: jsonish(fc.constantFrom('10.3.0.4', '')) }, { requiredKeys: [] })) }, { requiredKeys: [] });
const fwRuleJson = fc.record({
  ruleType: jsonish(fc.constantFrom('ApplicationRule', 'NetworkRule')), name: jsonish(fc.string()), sourceAddresses: jsonish(fc.array(prefix, { maxLength: 2 })),
  protocols: jsonish(fc.array(fc.oneof(fc.record({ protocolType: jsonish(fc.constantFrom('Https', 'Http')), port: jsonish(fc.constantFrom(443, 80, '443')) }), fc.constantFrom('TCP', 'Any')), { maxLength: 2 })),
  targetFqdns: jsonish(fc.array(fc.constantFrom('*.azurecr.io', 'contoso.azurecr.io', '*', '*.', ''), { maxLength: 2 })), destinationAddresses: jsonish(fc.array(prefix, { maxLength: 2 })),
  destinationPorts: jsonish(fc.array(fc.constantFrom('443', '*', '1-1000'), { maxLength: 2 })), fqdnTags: jsonish(fc.array(fc.string(), { maxLength: 1 })),
}, { requiredKeys: [] });
const collectionJson = fc.record({ ruleCollectionType: jsonish(fc.constant('FirewallPolicyFilterRuleCollection')), name: jsonish(fc.string()), priority: jsonish(fc.integer({ min: 100, max: 65000 })), action: jsonish(fc.record({ type: jsonish(fc.constantFrom('Allow', 'Deny')) })), rules: jsonish(fc.array(fwRuleJson, { maxLength: 3 })) }, { requiredKeys: [] });
const NET_ID = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network';

export const armTargets: FuzzTarget<any>[] = [
  {
    name: 'NSG, route table, Azure Firewall and policy JSON', parser: 'src/core/azure/vnet-rules.ts parse*/evaluate*, egress-verdict.ts judgeEgress',
    arbitrary: fc.tuple(
      fc.oneof(fc.record({ id: fc.constant(`${NET_ID}/networkSecurityGroups/n`), properties: jsonish(fc.record({ securityRules: jsonish(fc.array(jsonish(nsgRuleJson), { maxLength: 6 })) }, { requiredKeys: [] })) }), hostileJson),
      fc.oneof(fc.record({ id: fc.constant(`${NET_ID}/routeTables/r`), properties: jsonish(fc.record({ routes: jsonish(fc.array(jsonish(routeJson), { maxLength: 4 })) }, { requiredKeys: [] })) }), hostileJson),
      fc.oneof(fc.array(fc.record({ name: jsonish(fc.string()), properties: jsonish(fc.record({ priority: jsonish(fc.integer({ min: 100, max: 65000 })), ruleCollections: jsonish(fc.array(jsonish(collectionJson), { maxLength: 3 })) }, { requiredKeys: [] })) }), { maxLength: 3 }), hostileJson),
      fc.oneof(fc.record({ id: fc.constant(`${NET_ID}/azureFirewalls/f`), properties: jsonish(fc.record({ ipConfigurations: jsonish(fc.array(fc.record({ properties: fc.record({ privateIPAddress: jsonish(fc.constantFrom('10.3.0.4', '')) }) }), { maxLength: 2 })) }, { requiredKeys: [] })) }), hostileJson),
      fc.oneof(fc.record({ id: fc.constant(`${NET_ID}/virtualNetworks/v/subnets/s`), properties: jsonish(fc.record({ addressPrefix: prefix, networkSecurityGroup: jsonish(fc.record({ id: jsonish(fc.string()) })), privateEndpointNetworkPolicies: jsonish(fc.constantFrom('Enabled', 'Disabled')) }, { requiredKeys: [] })) }), hostileJson),
      fc.oneof(fc.ipV4(), hostileText(40)),
    ),
    check([nsgJson, rtJson, groups, fwJson, subnetJson, ip]: [unknown, unknown, unknown, unknown, unknown, string]) {
      const nsg = parseNsg(nsgJson);
      const routeTable = parseRouteTable(rtJson);
      const firewall = parseFirewall(fwJson);
      const firewallRules = [...parsePolicyRules(groups), ...firewall.rules];
      for (const r of nsg.rules) { assert.ok(Number.isFinite(r.priority)); assert.ok(r.access === 'Allow' || r.access === 'Deny'); }
      const dests = [
        { hosts: ['contoso.azurecr.io'], kind: 'public' as const, ips: [ip], tags: registryTags(['westeurope']) },
        { hosts: ['contoso.westeurope.data.azurecr.io'], kind: 'private' as const, ips: [ip], tags: [] },
      ];
      for (const d of dests) {
        const v = evaluateNsg(nsg, 'Outbound', { ip }, d);
        assert.ok(v === undefined || v.access === 'Allow' || v.access === 'Deny');
        effectiveRoute(routeTable, d);
        for (const fv of evaluateFirewall(firewallRules, { prefixes: [ip] }, d)) assert.equal(typeof fv.allowed, 'boolean');
      }
      const j = judgeEgress({ subnet: subnetFacts(subnetJson, `${NET_ID}/virtualNetworks/v/subnets/s`), src: { ip }, dests, nsg, routeTable, firewall, firewallRules });
      if (j.block) {
        assert.ok(['network.nsg-blocks-registry', 'network.firewall-blocks-registry'].includes(j.block.causeId));
        assert.equal(typeof j.block.why, 'string');
        for (const v of Object.values(j.block.fixParams)) assert.equal(typeof v, 'string');
      }
    },
  },

  {
    name: 'ARM registry payload', parser: 'src/core/registry/summary.ts summaryFromArm',
    arbitrary: fc.tuple(fc.oneof(registryJson, hostileJson), fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined })),
    check([r, replicas]: [unknown, string[] | undefined]) {
      const s = summaryFromArm(r, replicas);
      if (!s) return;
      assert.equal(typeof s.loginServer, 'string'); assert.ok(s.loginServer.length > 0);
      assert.equal(s.loginServer, s.loginServer.toLowerCase());
      assert.equal(typeof s.name, 'string');
      for (const pe of s.privateEndpoints ?? []) { assert.equal(typeof pe.name, 'string'); assert.equal(typeof pe.status, 'string'); }
      for (const k of ['subscriptionId', 'resourceGroup', 'location', 'sku', 'publicNetworkAccess', 'networkDefaultAction'] as const) {
        assert.ok(s[k] === undefined || typeof s[k] === 'string', `${k} is text or absent`);
      }
    },
  },
  {
    name: 'ARM resource id', parser: 'src/core/registry/summary.ts subscriptionIdOf, resourceGroupOf; registry-facts.ts roleNameOf',
    arbitrary: fc.oneof(hostileText(200), fc.array(fc.constantFrom('subscriptions', 'resourceGroups', 'x', '', '..', 'providers', 'roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d', '__proto__', 'constructor', 'toString')).map((p) => '/' + p.join('/'))),
    check(id: string) {
      for (const v of [subscriptionIdOf(id), resourceGroupOf(id)]) assert.ok(v === undefined || typeof v === 'string');
      assert.equal(typeof roleNameOf(id), 'string');
    },
  },
  {
    name: 'role assignments', parser: 'src/core/checks/login/registry-facts.ts analyseRoles',
    arbitrary: fc.tuple(fc.array(assignment, { maxLength: 20 }), fc.oneof(fc.uuid(), fc.string()), fc.boolean(), fc.date({ noInvalidDate: false })),
    check([as, pid, abac, now]: [any[], string, boolean, Date]) {
      const r = analyseRoles(as, pid, abac, now);
      for (const k of ['canPull', 'canPush', 'canReadArm'] as const) assert.equal(typeof r[k], 'boolean');
      if (!abac) assert.equal(r.ignoredByAbac.length, 0);
      assert.ok(r.held.every((a) => a.principalId.toLowerCase() === pid.toLowerCase()));
    },
  },
  {
    name: 'Azure SDK error', parser: 'src/vscode/tree/azure-error-kind.ts classifyAzureError',
    arbitrary: fc.oneof(thrownValue, fc.record({ statusCode: fc.oneof(fc.integer(), fc.jsonValue()), code: fc.jsonValue(), message: hostileText(), details: fc.jsonValue() }, { requiredKeys: [] }).map((o) => Object.assign(new Error('x'), o))),
    check(e: unknown) {
      const r = classifyAzureError(e);
      assert.ok(['signIn', 'forbidden', 'notFound', 'throttled', 'server', 'network', 'cancelled', 'other'].includes(r.kind));
      assert.equal(typeof r.message, 'string');
    },
  },
];
