// The Azure access a diagnosis or a fix uses in VS Code: the tree's sign-in (service principal or
// the VS Code account), the tenant and subscription the tree knows the registry under.
import * as vscode from 'vscode';
import type { ArmAccess } from '../../core/azure/connection';
import type { RegistryTarget } from '../../core/registry/target';
import type { Ctx } from '../context';
import { registryServices } from '../tree/registryServices';

export async function azureAccessFor(ctx: Ctx, target: RegistryTarget, extraCaPem?: string[]): Promise<ArmAccess | undefined> {
  const services = registryServices(ctx);
  const session = await services.sessions.get();
  if (!session || !(await session.isSignedIn())) return undefined;
  const known = (await services.model.allRegistries().catch(() => [])).find((r) => r.registry.loginServer === target.loginServer)?.registry;
  const tenantId = known?.tenantId ?? (await session.listTenants()).find((t) => t.signedIn)?.tenantId;
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
