// User-assigned managed identities the account can see, by client id: the object (principal) id
// that role assignments name. ARM lists them per subscription (Microsoft.ManagedIdentity).
import { armList, type ArmAccess } from './connection';
import { listSubscriptions } from './list-subscriptions';

export interface ManagedIdentityInfo { id: string; name: string; clientId: string; principalId: string }

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findManagedIdentity(azure: ArmAccess, clientId: string, signal?: AbortSignal): Promise<{ found?: ManagedIdentityInfo; seen: number; failures: string[] }> {
  const subs = azure.subscriptionId ? [azure.subscriptionId] : (await listSubscriptions(azure, signal)).map((s) => s.subscriptionId);
  const failures: string[] = [];
  let seen = 0;
  let found: ManagedIdentityInfo | undefined;
  await Promise.all(subs.slice(0, 50).map(async (sub) => {
    try {
      const items = await armList(azure, `/subscriptions/${encodeURIComponent(sub)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`, { apiVersion: '2023-01-31', signal, operation: `list managed identities in ${sub}` });
      for (const raw of items) {
        const o = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; name?: unknown; properties?: { clientId?: unknown; principalId?: unknown } };
        const c = o.properties?.clientId; const p = o.properties?.principalId;
        if (typeof o.id !== 'string' || typeof c !== 'string' || typeof p !== 'string' || !GUID.test(c) || !GUID.test(p)) continue;
        seen++;
        if (c.toLowerCase() === clientId.toLowerCase()) found = { id: o.id, name: typeof o.name === 'string' ? o.name : o.id.split('/').pop()!, clientId: c.toLowerCase(), principalId: p.toLowerCase() };
      }
    } catch (e) {
      failures.push(`${sub}: ${(e as Error).message}`);
    }
  }));
  return { found, seen, failures };
}
