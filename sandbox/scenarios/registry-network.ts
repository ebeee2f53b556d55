// troubleshoot-network #configure-public-access-to-registry, #configure-vnet-access,
// #configure-service-access; check-health CMK_ERROR.
import { randomUUID } from 'node:crypto';
import { IP, NAMES } from '../addresses';
import { DEFAULT_IDS, newSecret, providersFor, resourceGroupJson, roleAssignment, subscriptionJson, syncDataEndpoints, type PrivateEndpointJson, type RegistryRecord } from '../arm/state';
import type { ScenarioContext, ScenarioDef } from './types';
import { addRole } from './helpers';

const PUB = { seed: 'troubleshoot-network', section: 'configure-public-access-to-registry', registry: 'contoso', usesArm: true } as const;
const VNET = { seed: 'troubleshoot-network', section: 'configure-vnet-access', registry: 'contoso', usesArm: true } as const;
const SVC = { seed: 'troubleshoot-network', section: 'configure-service-access', registry: 'contoso', usesArm: true } as const;

const subnetId = `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}/providers/Microsoft.Network/virtualNetworks/contoso-vnet/subnets/default`;

/** A private endpoint for contoso whose NIC has 192.0.2.23 (login) and .24/.25 (data endpoints). */
export function addPrivateEndpoint(ctx: ScenarioContext, reg: RegistryRecord, status: 'Approved' | 'Pending'): void {
  const rg = `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}`;
  const peId = `${rg}/providers/Microsoft.Network/privateEndpoints/contoso-pe`;
  const pe: PrivateEndpointJson = {
    id: peId, name: 'contoso-pe', type: 'Microsoft.Network/privateEndpoints', location: reg.arm.location,
    properties: {
      provisioningState: 'Succeeded', subnet: { id: subnetId },
      privateLinkServiceConnections: [{
        id: `${peId}/privateLinkServiceConnections/contoso-pe-conn`, name: 'contoso-pe-conn', type: 'Microsoft.Network/privateEndpoints/privateLinkServiceConnections',
        properties: { privateLinkServiceId: reg.arm.id, groupIds: ['registry'], privateLinkServiceConnectionState: { status } },
      }],
      customDnsConfigs: [
        { fqdn: NAMES.contoso, ipAddresses: [IP.contosoPe] },
        { fqdn: NAMES.contosoDataWeu, ipAddresses: [IP.contosoPeDataWeu] },
        { fqdn: NAMES.contosoDataNeu, ipAddresses: [IP.contosoPeDataNeu] },
      ],
    },
  };
  ctx.state.privateEndpoints.push(pe);
  reg.arm.properties.privateEndpointConnections.push({
    id: `${reg.arm.id}/privateEndpointConnections/contoso-pe-conn-${randomUUID().slice(0, 8)}`, name: 'contoso-pe-conn',
    type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections',
    properties: {
      privateEndpoint: { id: peId },
      privateLinkServiceConnectionState: { status, description: status === 'Approved' ? 'Auto-approved' : 'Awaiting approval', actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  });
  reg.arm.properties.publicNetworkAccess = 'Disabled';
}

/** The id of the second subscription of contoso's tenant that holds the network (hub VNet). */
export const NETWORK_SUBSCRIPTION_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

/**
 * A second subscription in contoso's tenant, "Contoso Network", with a hub VNet whose subnet has
 * the Microsoft.ContainerRegistry service endpoint, and Microsoft.ContainerRegistry NotRegistered
 * there. The signed-in principal may read it (Reader). Returns the subnet's id.
 */
function addNetworkSubscription(ctx: ScenarioContext): string {
  const sub = NETWORK_SUBSCRIPTION_ID;
  const rg = 'network-rg';
  ctx.state.subscriptions.push(subscriptionJson(sub, ctx.tenantId, 'Contoso Network'));
  ctx.state.resourceGroups.push(resourceGroupJson(sub, rg, ctx.contoso.arm.location));
  ctx.state.providers[sub.toLowerCase()] = providersFor(sub, ['Microsoft.ContainerRegistry']);
  ctx.state.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${sub}`, role: 'Reader', principalId: ctx.sp.objectId, subscriptionId: sub, createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000) }));
  const vnetId = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/hub-vnet`;
  ctx.state.virtualNetworks.push({
    id: vnetId, name: 'hub-vnet', type: 'Microsoft.Network/virtualNetworks', location: ctx.contoso.arm.location,
    properties: {
      provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.2.0.0/16'] },
      subnets: [{
        id: `${vnetId}/subnets/aks`, name: 'aks', type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: { addressPrefix: '10.2.0.0/24', provisioningState: 'Succeeded', serviceEndpoints: [{ service: 'Microsoft.ContainerRegistry', locations: ['*'], provisioningState: 'Succeeded' }] },
      }],
    },
  });
  return `${vnetId}/subnets/aks`;
}

/** Make contoso a Basic/Standard registry: no network rules, data endpoints or replicas (Premium features). */
function toNonPremium(ctx: ScenarioContext, sku: 'Basic' | 'Standard'): void {
  const p = ctx.contoso.arm;
  p.sku = { name: sku, tier: sku };
  delete p.properties.networkRuleSet;
  p.properties.dataEndpointEnabled = false;
  ctx.contoso.replications = [];
  syncDataEndpoints(ctx.contoso);
}

export const registryNetworkScenarios: ScenarioDef[] = [
  {
    info: { ...PUB, name: 'public-access-disabled', description: 'publicNetworkAccess is Disabled: the front answers 403 "client with IP … is not allowed access".', expectedCause: 'network.public-access-disabled', checkHealthCode: 'CONNECTIVITY_FORBIDDEN_ERROR' },
    setup(ctx) { ctx.contoso.arm.properties.publicNetworkAccess = 'Disabled'; },
  },
  {
    info: { ...PUB, name: 'ip-rule-excludes-client', description: 'networkRuleSet defaultAction Deny with an IP rule for 198.51.100.0/24 only; the client is 192.0.2.1.', expectedCause: 'network.ip-rule-excludes-client', checkHealthCode: 'CONNECTIVITY_FORBIDDEN_ERROR' },
    setup(ctx) { ctx.contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '198.51.100.0/24' }], virtualNetworkRules: [] }; },
  },
  {
    info: { ...PUB, name: 'sku-no-network-rules', description: 'The registry is Basic but its networkRuleSet (default action Deny, the client\'s IP allowed) was set for Premium: the rules are not applied, and saving network rules fails (ARM 400 NetworkRuleSetNotSupported; portal: "Failed to save firewall and virtual network settings"). The signed-in principal is a Contributor.', expectedCause: 'network.sku-no-network-rules' },
    setup(ctx) {
      toNonPremium(ctx, 'Basic');
      ctx.contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: IP.client }], virtualNetworkRules: [] };
      // The user may configure the registry (Contributor), so the refusal comes from the SKU.
      addRole(ctx, ctx.contoso, ctx.sp.objectId, 'Contributor');
    },
  },
  {
    info: { ...PUB, name: 'healthy-standard', description: 'A healthy Standard registry (no network rules, no private endpoints, no data endpoints): nothing needs Premium, so nothing is reported.', expectedCause: null },
    setup(ctx) { toNonPremium(ctx, 'Standard'); },
  },
  {
    info: { seed: 'troubleshoot-login', section: 'confirm-credentials-to-access-registry', registry: 'contoso', usesArm: true, name: 'standard-wrong-password', description: 'A Standard registry (no network rules) and docker login with the admin user and a wrong password: the refused password is the cause, the SKU is not.', expectedCause: 'credentials.invalid' },
    setup(ctx) {
      toNonPremium(ctx, 'Standard');
      ctx.contoso.arm.properties.adminUserEnabled = true;
      ctx.credentials = { kind: 'admin', username: 'contoso', password: newSecret() };
    },
  },
  {
    info: { ...VNET, name: 'private-endpoint-dns-public', description: 'contoso has an approved private endpoint (192.0.2.23) and public access disabled, but the client\'s DNS still answers the public address 192.0.2.20.', expectedCause: 'network.private-endpoint-dns-public', checkHealthCode: 'CONNECTIVITY_FORBIDDEN_ERROR' },
    setup(ctx) { addPrivateEndpoint(ctx, ctx.contoso, 'Approved'); },
  },
  {
    info: { ...VNET, name: 'private-endpoint-not-approved', description: 'DNS answers the private endpoint\'s IP, but the private endpoint connection is Pending: host unreachable.', expectedCause: 'network.private-endpoint-not-approved' },
    setup(ctx) {
      addPrivateEndpoint(ctx, ctx.contoso, 'Pending');
      ctx.hosts[NAMES.contoso] = IP.contosoPe; ctx.hosts[NAMES.contosoDataWeu] = IP.contosoPeDataWeu; ctx.hosts[NAMES.contosoDataNeu] = IP.contosoPeDataNeu;
      for (const a of [IP.contosoPe, IP.contosoPeDataWeu, IP.contosoPeDataNeu]) ctx.nft.push({ kind: 'unreachable', address: a });
    },
  },
  {
    info: { ...VNET, name: 'private-endpoint-data-dns-missing', description: 'The private DNS zone has the login server (192.0.2.23) but no records for the data endpoints: login works, pull fails to resolve the data endpoint.', expectedCause: 'network.private-endpoint-data-dns-missing', operation: 'pull' },
    setup(ctx) {
      addPrivateEndpoint(ctx, ctx.contoso, 'Approved');
      ctx.hosts[NAMES.contoso] = IP.contosoPe;
      delete ctx.hosts[NAMES.contosoDataWeu]; delete ctx.hosts[NAMES.contosoDataNeu];
    },
  },
  {
    info: { ...VNET, name: 'service-endpoint-rule-missing', description: 'The client\'s subnet has the Microsoft.ContainerRegistry service endpoint, but the registry (defaultAction Deny) has no virtual network rule for it.', expectedCause: 'network.service-endpoint-rule-missing', checkHealthCode: 'CONNECTIVITY_FORBIDDEN_ERROR' },
    setup(ctx) { ctx.contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] }; },
  },
  {
    info: { ...VNET, name: 'resource-provider-unregistered', description: 'The registry allows a subnet by a virtual network rule; the virtual network is in a second subscription (Contoso Network) where Microsoft.ContainerRegistry is not registered (it is registered in the registry\'s own subscription).', expectedCause: 'network.resource-provider-unregistered' },
    setup(ctx) {
      const vnetSubnet = addNetworkSubscription(ctx);
      ctx.contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [{ action: 'Allow', id: vnetSubnet }] };
    },
  },
  {
    info: { ...SVC, name: 'trusted-services-bypass-off', description: 'The registry restricts networks (the client\'s IP is allowed) and networkRuleBypassOptions is None: trusted Azure services are refused.', expectedCause: 'network.trusted-services-bypass-off' },
    setup(ctx) {
      ctx.contoso.arm.properties.networkRuleBypassOptions = 'None';
      ctx.contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: `${IP.client}` }], virtualNetworkRules: [] };
    },
  },
  {
    info: { seed: 'check-health', section: 'cmk_error', registry: 'contoso', usesArm: true, name: 'cmk-identity-broken', description: 'Customer-managed key encryption whose key-reading identity is no longer assigned to the registry.', expectedCause: 'registry.cmk-identity-broken', checkHealthCode: 'CMK_ERROR' },
    setup(ctx) {
      ctx.contoso.arm.properties.encryption = {
        status: 'enabled',
        keyVaultProperties: {
          keyIdentifier: 'https://contoso-kv.vault.azure.net/keys/acr-cmk', versionedKeyIdentifier: 'https://contoso-kv.vault.azure.net/keys/acr-cmk/0123456789abcdef',
          identity: '11111111-2222-4333-8444-555555555555', keyRotationEnabled: false,
        },
      };
      ctx.contoso.arm.identity = { type: 'None' };
    },
  },
];
