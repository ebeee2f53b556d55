// Network security builders: NSGs with their default rules.
import type { NetworkSecurityGroupJson, SecurityRuleJson } from './arm-json';

// ---------------------------------------------------------------- network security (NSGs, routes, firewalls)

/** The six rules every NSG carries (ARM lists them under defaultSecurityRules). */
export function defaultSecurityRules(nsgId: string): SecurityRuleJson[] {
  const rule = (name: string, priority: number, direction: 'Inbound' | 'Outbound', access: 'Allow' | 'Deny', src: string, dst: string): SecurityRuleJson => ({
    id: `${nsgId}/defaultSecurityRules/${name}`, name, type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
    properties: { protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: src, destinationAddressPrefix: dst, access, priority, direction, provisioningState: 'Succeeded' },
  });
  return [
    rule('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
    rule('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
    rule('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
    rule('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
  ];
}

/** An NSG with its default rules and these custom rules (name, priority, direction, access, destination, port). */
export function networkSecurityGroup(id: string, location: string, rules: { name: string; priority: number; direction: 'Inbound' | 'Outbound'; access: 'Allow' | 'Deny'; protocol?: SecurityRuleJson['properties']['protocol']; source?: string; destination: string; port?: string }[]): NetworkSecurityGroupJson {
  return {
    id, name: id.split('/').pop()!, type: 'Microsoft.Network/networkSecurityGroups', location,
    properties: {
      provisioningState: 'Succeeded', defaultSecurityRules: defaultSecurityRules(id),
      securityRules: rules.map((r) => ({
        id: `${id}/securityRules/${r.name}`, name: r.name, type: 'Microsoft.Network/networkSecurityGroups/securityRules',
        properties: {
          protocol: r.protocol ?? 'Tcp', sourcePortRange: '*', destinationPortRange: r.port ?? '443', sourceAddressPrefix: r.source ?? '*',
          destinationAddressPrefix: r.destination, access: r.access, priority: r.priority, direction: r.direction, provisioningState: 'Succeeded',
        },
      })),
    },
  };
}
