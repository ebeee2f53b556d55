// Which catalogue action runs which Azure SDK function (src/core/azure/registry-fixes.ts, reached
// through the lazily loaded Azure area), and the words the confirmation uses for it. An action
// missing here is copy-only.
import * as vscode from 'vscode';
import type { ArmAccess } from '../../../core/azure/connection';
import type { FixResult } from '../../../core/azure/registry-fixes';
import type { RegistryRef } from '../../../core/azure/registry-view';
import { azureArea } from '../../lazy/azure';

export interface AzureFixSpec {
  /** Fix params that must be present (beyond the registry itself). */
  needs: string[];
  /** What will change, one line each, for the modal. */
  describe(ref: RegistryRef, p: Record<string, string>): string[];
  run(azure: ArmAccess, ref: RegistryRef, p: Record<string, string>, signal: AbortSignal): Promise<FixResult>;
}

/** A refused role assignment (core's RoleAssignmentRefused) in the user's language: who may grant it, and the command. */
export function refusalInWords(e: unknown, scope: string, principalId: string): unknown {
  const r = e as { refusal?: unknown; command?: unknown };
  const command = typeof r?.command === 'string' ? r.command : '';
  if (r?.refusal === 'not-authorized') {
    return new Error(vscode.l10n.t('You may not assign roles on {0} (it needs Microsoft.Authorization/roleAssignments/write there). Ask an Owner or User Access Administrator of the registry, its resource group or subscription to run: {1}', scope, command));
  }
  if (r?.refusal === 'principal-not-found') {
    return new Error(vscode.l10n.t('Entra ID has no principal {0} in this tenant (a deleted identity, or one just created: try again in a few minutes).', principalId));
  }
  return e;
}

const where = (ref: RegistryRef) => vscode.l10n.t('Registry {0} (resource group {1}, subscription {2})', ref.name, ref.resourceGroup, ref.subscriptionId);

/** The role named in the command (`--role AcrPull`, `--role "Container Registry Repository Reader"`). */
export function roleOfCommand(command: string | undefined): string | undefined {
  const m = /--role\s+(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(command ?? '');
  return m ? m[1] ?? m[2] ?? m[3] : undefined;
}

export const AZURE_FIXES: Record<string, AzureFixSpec> = {
  'registry.addIpRule': {
    needs: ['clientIp'],
    describe: (ref, p) => [where(ref), vscode.l10n.t('Adds a firewall rule that allows {0}.', p.clientIp)],
    run: (azure, ref, p, signal) => azureArea().addClientIpRule(azure, ref, p.clientIp, signal),
  },
  'registry.enablePublicNetworkAccess': {
    needs: [],
    describe: (ref) => [where(ref), vscode.l10n.t('Sets public network access to Enabled.')],
    run: (azure, ref, _p, signal) => azureArea().enablePublicNetworkAccess(azure, ref, signal),
  },
  'registry.allowTrustedServices': {
    needs: [],
    describe: (ref) => [where(ref), vscode.l10n.t('Lets trusted Azure services through the network rules (AzureServices).')],
    run: (azure, ref, _p, signal) => azureArea().enableTrustedServicesBypass(azure, ref, signal),
  },
  'registry.enableAdminUser': {
    needs: [],
    describe: (ref) => [where(ref), vscode.l10n.t('Enables the admin user.')],
    run: (azure, ref, _p, signal) => azureArea().setAdminUserEnabled(azure, ref, true, signal),
  },
  'registry.enableArmAudience': {
    needs: [],
    describe: (ref) => [where(ref), vscode.l10n.t('Accepts Entra tokens with the Azure Resource Manager audience again.')],
    run: (azure, ref, _p, signal) => azureArea().enableArmAudienceTokens(azure, ref, signal),
  },
  'registry.enableToken': {
    needs: ['tokenName'],
    describe: (ref, p) => [where(ref), vscode.l10n.t('Enables the repository token {0}.', p.tokenName)],
    run: (azure, ref, p, signal) => azureArea().enableRepositoryToken(azure, ref, p.tokenName, signal),
  },
  'registry.approvePrivateEndpoint': {
    needs: ['connectionName'],
    describe: (ref, p) => [where(ref), vscode.l10n.t('Approves the private endpoint connection {0}.', p.connectionName)],
    run: (azure, ref, p, signal) => azureArea().approvePrivateEndpointConnection(azure, ref, p.connectionName, signal),
  },
  'subscription.registerContainerRegistryProvider': {
    needs: [],
    describe: (ref, p) => [vscode.l10n.t('Registers the resource provider Microsoft.ContainerRegistry in subscription {0}.', p.subscriptionId ?? ref.subscriptionId)],
    run: (azure, ref, p, signal) => azureArea().registerResourceProvider(azure, p.subscriptionId ?? ref.subscriptionId, 'Microsoft.ContainerRegistry', signal),
  },
  'puller.enableVnetImagePull': {
    needs: ['serviceId'],
    describe: (_ref, p) => [vscode.l10n.t('App Service app {0}', p.serviceId.split('/').pop() ?? p.serviceId), vscode.l10n.t('Pulls the container image over the app\'s virtual network (vnetImagePullEnabled).')],
    run: (azure, _ref, p, signal) => azureArea().enableVnetImagePull(azure, p.serviceId, signal),
  },
  'puller.useManagedIdentity': {
    needs: ['serviceId'],
    describe: (ref, p) => [vscode.l10n.t('Azure service {0}', (p.siteContainerId ?? p.serviceId).split('/').pop() ?? p.serviceId), vscode.l10n.t('Pulls from {0} with its system-assigned managed identity instead of stored credentials.', p.loginServer ?? ref.name)],
    // A sidecar switches its own authType; the app's setting speaks for its main container only.
    run: (azure, ref, p, signal) => azureArea().usePullerManagedIdentity(azure, p.siteContainerId ?? p.serviceId, p.loginServer ?? `${ref.name}.azurecr.io`, signal),
  },
  'roleAssignment.create': {
    needs: ['principalId', 'role'],
    describe: (ref, p) => [vscode.l10n.t('Assigns the role {0} to {1} on {2}.', p.role, p.principalId, p.registryId ?? ref.id)],
    run: (azure, ref, p, signal) => azureArea().createRoleAssignment(azure, { scope: p.registryId ?? ref.id, role: p.role, principalId: p.principalId }, signal)
      .catch((e: unknown) => { throw refusalInWords(e, p.registryId ?? ref.id, p.principalId); }),
  },
};
