// Tenants and subscriptions the signed-in account can see (@azure/arm-resources-subscriptions).
import { armCall } from './errors';
import { subscriptionClient, type ArmAccess } from './connection';
import { str } from '../text/json-guards';

export interface TenantSummary {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

export interface SubscriptionSummary {
  subscriptionId: string;
  displayName: string;
  tenantId?: string;
  state?: string;
}

export async function listTenants(azure: ArmAccess, signal?: AbortSignal): Promise<TenantSummary[]> {
  return armCall('list tenants', async () => {
    const out: TenantSummary[] = [];
    for await (const t of subscriptionClient(azure).tenants.list({ abortSignal: signal })) {
      if (typeof t.tenantId !== 'string' || !t.tenantId) continue;
      out.push({ tenantId: t.tenantId, displayName: str(t.displayName), defaultDomain: str(t.defaultDomain) });
    }
    return out;
  }, signal);
}

export async function listSubscriptions(azure: ArmAccess, signal?: AbortSignal): Promise<SubscriptionSummary[]> {
  return armCall('list subscriptions', async () => {
    const out: SubscriptionSummary[] = [];
    for await (const s of subscriptionClient(azure).subscriptions.list({ abortSignal: signal })) {
      if (typeof s.subscriptionId !== 'string' || !s.subscriptionId) continue;
      out.push({ subscriptionId: s.subscriptionId, displayName: str(s.displayName) ?? s.subscriptionId, tenantId: str(s.tenantId), state: str(s.state) });
    }
    return out.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }, signal);
}

