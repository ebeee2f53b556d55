// The subscription filter is shared with Azure Resources: `azureResourceGroups.selectedSubscriptions`
// holds "tenantId/subscriptionId" entries, and an empty list means "all". When Azure Resources is
// not installed that setting is not registered and cannot be written, so the same list is kept in
// `acrDoctor.azure.selectedSubscriptions` instead (read only when the shared one is empty).
import * as vscode from 'vscode';
import { parseSubscriptionFilter, type SubscriptionFilter } from './subscription-filter-entries';

const SHARED_SECTION = 'azureResourceGroups';
const SHARED_KEY = 'selectedSubscriptions';
const OWN_SECTION = 'acrDoctor.azure';
const OWN_KEY = 'selectedSubscriptions';

export function readSubscriptionFilter(): SubscriptionFilter {
  const shared = vscode.workspace.getConfiguration(SHARED_SECTION).get<unknown>(SHARED_KEY);
  const parsedShared = parseSubscriptionFilter(shared);
  if (parsedShared.entries.length > 0) return parsedShared;
  return parseSubscriptionFilter(vscode.workspace.getConfiguration(OWN_SECTION).get<unknown>(OWN_KEY));
}

/** Writes "tenantId/subscriptionId" entries; returns which setting took them. */
export async function writeSubscriptionFilter(entries: string[]): Promise<'shared' | 'own'> {
  const target = vscode.ConfigurationTarget.Global;
  try {
    await vscode.workspace.getConfiguration(SHARED_SECTION).update(SHARED_KEY, entries, target);
    // Keep our copy empty so a stale list never masks the shared one.
    await vscode.workspace.getConfiguration(OWN_SECTION).update(OWN_KEY, undefined, target);
    return 'shared';
  } catch {
    // Not registered (Azure Resources absent): VS Code refuses unknown keys.
    await vscode.workspace.getConfiguration(OWN_SECTION).update(OWN_KEY, entries, target);
    return 'own';
  }
}

export function affectsSubscriptionFilter(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SHARED_SECTION}.${SHARED_KEY}`) || e.affectsConfiguration(`${OWN_SECTION}.${OWN_KEY}`);
}
