// The default world every sandbox starts from (Contoso, Fabrikam; see README.md).
import { randomUUID } from 'node:crypto';
import type { ArmState, ServicePrincipal } from './arm-json';
import { days, emptyState, providersFor, registryRecord, resourceGroupJson, roleAssignment, scopeMapJson, servicePrincipal, subscriptionJson, tenantJson, tokenRecord } from './builders';

// ---------------------------------------------------------------- the default world

/** Fixed ids so scenarios, tests and docs can name them. Secrets are random per state. */
export const DEFAULT_IDS = {
  tenantId: '8f3c5d2a-6b1e-4c7d-9a0f-1e2d3c4b5a61',
  subscriptionId: '2b6f0c1e-3d4a-4e5b-8c9d-0a1b2c3d4e5f',
  resourceGroup: 'contoso-rg',
  registry: 'contoso',
  location: 'westeurope',
  replica: 'northeurope',
  spAppId: '5e1a7c3b-9d2f-4a6e-8b0c-7f3e2d1c0b9a',
  spObjectId: '0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
  aksName: 'contoso-aks',
  kubeletObjectId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  kubeletClientId: '3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a',
  workspaceCustomerId: '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
  secondTenantId: '4d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a',
  secondSubscriptionId: '7c6b5a4f-3e2d-4c1b-0a9f-8e7d6c5b4a3f',
} as const;

/**
 * contoso: Premium in westeurope with a northeurope replica and dedicated data endpoints,
 * public access on, a repository token `ci-token` (pull on `hello`), and a healthy service
 * principal holding AcrPush + Reader on the registry (and Reader on the AKS cluster). Also an AKS cluster whose kubelet identity
 * has AcrPull, a VNet with the ACR service endpoint, a Log Analytics workspace with diagnostic
 * settings, and a second tenant (fabrikam) where the same app has a service principal.
 */
export function defaultState(now = new Date()): ArmState {
  const s = emptyState();
  const D = DEFAULT_IDS;
  const sub = D.subscriptionId;
  s.tenants.push(tenantJson(D.tenantId, 'Contoso', 'contoso.onmicrosoft.com'));
  s.subscriptions.push(subscriptionJson(sub, D.tenantId, 'Contoso Production'));
  s.resourceGroups.push(resourceGroupJson(sub, D.resourceGroup, D.location));
  s.providers[sub.toLowerCase()] = providersFor(sub);

  const reg = registryRecord({
    subscriptionId: sub, resourceGroup: D.resourceGroup, name: D.registry, location: D.location,
    sku: 'Premium', replicas: [D.replica], dataEndpointEnabled: true, now,
  });
  reg.scopeMaps.push(scopeMapJson(reg.arm.id, 'hello-pull', ['repositories/hello/content/read', 'repositories/hello/metadata/read'], now));
  reg.tokens.push(tokenRecord(reg.arm.id, 'ci-token', 'hello-pull', { now }));
  s.registries.push(reg);

  const sp = servicePrincipal(D.tenantId, 'acr-doctor-sandbox', { now, appId: D.spAppId, objectId: D.spObjectId });
  s.servicePrincipals.push(sp);
  const longAgo = new Date(now.getTime() - days(30));
  s.roleAssignments.push(
    roleAssignment({ scope: reg.arm.id, role: 'AcrPush', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }),
    roleAssignment({ scope: reg.arm.id, role: 'Reader', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }),
  );

  // AKS with a kubelet identity that may pull.
  const kubelet = servicePrincipal(D.tenantId, `${D.aksName}-agentpool`, {
    now, kind: 'managedIdentity', appId: D.kubeletClientId, objectId: D.kubeletObjectId,
  });
  s.servicePrincipals.push(kubelet);
  const nodeRg = `MC_${D.resourceGroup}_${D.aksName}_${D.location}`;
  s.managedClusters.push({
    id: `/subscriptions/${sub}/resourceGroups/${D.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${D.aksName}`,
    name: D.aksName, type: 'Microsoft.ContainerService/ManagedClusters', location: D.location,
    sku: { name: 'Base', tier: 'Free' },
    identity: { type: 'SystemAssigned', principalId: randomUUID(), tenantId: D.tenantId },
    properties: {
      provisioningState: 'Succeeded', kubernetesVersion: '1.30.4', dnsPrefix: D.aksName,
      fqdn: `${D.aksName}-dns-1a2b3c4d.hcp.${D.location}.azmk8s.io`,
      nodeResourceGroup: nodeRg,
      identityProfile: {
        kubeletidentity: {
          resourceId: `/subscriptions/${sub}/resourceGroups/${nodeRg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${D.aksName}-agentpool`,
          clientId: kubelet.appId, objectId: kubelet.objectId,
        },
      },
    },
  });
  s.roleAssignments.push(roleAssignment({ scope: reg.arm.id, role: 'AcrPull', principalId: kubelet.objectId, subscriptionId: sub, createdOn: longAgo }));
  // The signed-in SP may read the cluster (so the AKS check can find it), nothing else in the group.
  s.roleAssignments.push(roleAssignment({ scope: s.managedClusters[0].id, role: 'Reader', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }));
  // The node resource group holds the kubelet identity (a user-assigned managed identity); the
  // signed-in SP may read it, so a client can tell whether that identity still exists.
  s.resourceGroups.push(resourceGroupJson(sub, nodeRg, D.location));
  s.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${sub}/resourceGroups/${nodeRg}`, role: 'Reader', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }));

  // A VNet whose subnet has the ACR service endpoint.
  const vnetId = `/subscriptions/${sub}/resourceGroups/${D.resourceGroup}/providers/Microsoft.Network/virtualNetworks/contoso-vnet`;
  s.virtualNetworks.push({
    id: vnetId, name: 'contoso-vnet', type: 'Microsoft.Network/virtualNetworks', location: D.location,
    properties: {
      provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
      subnets: [{
        id: `${vnetId}/subnets/default`, name: 'default', type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: {
          addressPrefix: '10.1.0.0/24', provisioningState: 'Succeeded',
          serviceEndpoints: [{ service: 'Microsoft.ContainerRegistry', locations: ['*'], provisioningState: 'Succeeded' }],
        },
      }],
    },
  });

  // Log Analytics + diagnostic settings sending login events.
  const wsId = `/subscriptions/${sub}/resourceGroups/${D.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/contoso-logs`;
  s.workspaces.push({
    id: wsId, name: 'contoso-logs', type: 'Microsoft.OperationalInsights/workspaces', location: D.location,
    properties: { customerId: D.workspaceCustomerId, provisioningState: 'Succeeded', retentionInDays: 30 },
  });
  s.loginEvents[D.workspaceCustomerId] = [];
  s.diagnosticSettings[reg.arm.id.toLowerCase()] = [{
    id: `${reg.arm.id}/providers/microsoft.insights/diagnosticSettings/to-logs`, name: 'to-logs',
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: {
      workspaceId: wsId,
      logs: [
        { category: 'ContainerRegistryLoginEvents', categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } },
        { category: 'ContainerRegistryRepositoryEvents', categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } },
      ],
      metrics: [{ category: 'AllMetrics', enabled: false }],
    },
  }];

  // A second tenant where the same (multi-tenant) app has its own service principal.
  const sub2 = D.secondSubscriptionId;
  s.tenants.push(tenantJson(D.secondTenantId, 'Fabrikam', 'fabrikam.onmicrosoft.com'));
  s.subscriptions.push(subscriptionJson(sub2, D.secondTenantId, 'Fabrikam Dev'));
  s.resourceGroups.push(resourceGroupJson(sub2, 'fabrikam-rg', 'eastus'));
  s.providers[sub2.toLowerCase()] = providersFor(sub2);
  const fab = registryRecord({ subscriptionId: sub2, resourceGroup: 'fabrikam-rg', name: 'fabrikam', location: 'eastus', sku: 'Basic', now });
  s.registries.push(fab);
  const sp2: ServicePrincipal = { ...sp, tenantId: D.secondTenantId, objectId: randomUUID(), secrets: sp.secrets.map((x) => ({ ...x })) };
  s.servicePrincipals.push(sp2);
  s.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${sub2}`, role: 'Reader', principalId: sp2.objectId, subscriptionId: sub2, createdOn: longAgo }));
  return s;
}
