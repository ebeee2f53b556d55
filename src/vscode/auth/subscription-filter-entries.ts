// Parsing of the "tenantId/subscriptionId" filter entries (vscode-free, unit-tested).

export interface SubscriptionFilter {
  entries: { tenantId: string; subscriptionId: string }[];
  tenantIds: string[];
  subscriptionIds: string[];
}

export function parseSubscriptionFilter(raw: unknown): SubscriptionFilter {
  const entries: SubscriptionFilter['entries'] = [];
  if (Array.isArray(raw)) {
    for (const item of raw) {
      if (typeof item !== 'string') continue;
      const [tenantId, subscriptionId] = item.trim().toLowerCase().split('/');
      if (tenantId && subscriptionId) entries.push({ tenantId, subscriptionId });
    }
  }
  return {
    entries,
    tenantIds: [...new Set(entries.map((e) => e.tenantId))],
    subscriptionIds: [...new Set(entries.map((e) => e.subscriptionId))],
  };
}

/** Whether a subscription passes the filter (an empty filter lets everything through). */
export function passesFilter(filter: SubscriptionFilter, subscriptionId: string): boolean {
  return filter.subscriptionIds.length === 0 || filter.subscriptionIds.includes(subscriptionId.toLowerCase());
}

export function filterEntry(tenantId: string, subscriptionId: string): string {
  return `${tenantId}/${subscriptionId}`;
}
