// The Azure access a diagnosis or a fix uses in VS Code: the tree's sign-in (service principal or
// the VS Code account), the tenant and subscription the tree knows the registry under.
import * as vscode from 'vscode';
import type { ArmAccess } from '../../core/azure/connection';
import type { RegistryTarget } from '../../core/registry/target';
import type { Ctx } from '../context';
import { registryServices } from '../tree/registry-services';
import type { HostTrace } from './host-trace';

export async function azureAccessFor(ctx: Ctx, target: RegistryTarget, extraCaPem?: string[], trace?: HostTrace): Promise<ArmAccess | undefined> {
  const span = <T>(phase: string, work: () => Promise<T>): Promise<T> => (trace ? trace.span(phase, work) : work());
  const services = registryServices(ctx);
  const session = await span('sign-in session (azure.js)', () => services.sessions.get());
  if (!session || !(await session.isSignedIn())) return undefined;
  // Only what the tree has listed already: the engine finds the registry's subscription itself
  // (as the CLI does), so a diagnosis never waits for a whole listing of every subscription.
  const known = services.model.loadedRegistry(target.loginServer);
  const tenantId = known?.tenantId ?? services.model.loadedTenants()?.find((t) => t.signedIn)?.tenantId ?? session.homeTenantId ??
    (await span('tenants', () => session.listTenants())).find((t) => t.signedIn)?.tenantId;
  if (!tenantId) return undefined;
  const authorityHost = vscode.workspace.getConfiguration('acrDoctor.azure').get<string>('authorityHost') || process.env.AZURE_AUTHORITY_HOST || undefined;
  return {
    credential: session.credentialFor(tenantId),
    armEndpoint: session.armEndpoint,
    armScope: session.armScope,
    ...(session.allowCustomEndpointAudience ? { allowCustomEndpointAudience: true } : {}),
    tenantId,
    subscriptionId: known?.subscriptionId,
    authorityHost,
    extraCaPem,
  };
}
