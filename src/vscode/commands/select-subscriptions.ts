// Choose which subscriptions the tree shows. The choice is the same list Azure Resources uses
// (`azureResourceGroups.selectedSubscriptions`), so both extensions agree.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { readSubscriptionFilter, writeSubscriptionFilter } from '../auth/subscription-filter';
import { filterEntry } from '../auth/subscription-filter-entries';
import { registryServices } from '../tree/registry-services';

/** `entries` ("tenantId/subscriptionId"; [] = all) lets scripts and tests set the filter without the picker. */
export const selectSubscriptions = (ctx: Ctx) => async (_node?: unknown, entries?: string[]): Promise<boolean> => {
  const { sessions, model } = registryServices(ctx);
  if (Array.isArray(entries)) {
    await writeSubscriptionFilter(entries.filter((e) => typeof e === 'string'));
    model.refresh();
    return true;
  }
  const session = await sessions.get();
  if (!session || !(await session.isSignedIn())) {
    return (await vscode.commands.executeCommand<boolean>('acrDoctor.signIn')) ?? false;
  }
  const all = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading subscriptions…') },
    () => session.listSubscriptions({ filtered: false }),
  );
  const current = readSubscriptionFilter();
  const items = all.map((s) => ({
    label: s.name,
    description: s.subscriptionId,
    picked: current.subscriptionIds.length === 0 || current.subscriptionIds.includes(s.subscriptionId.toLowerCase()),
    entry: filterEntry(s.tenantId, s.subscriptionId),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select subscriptions'),
    placeHolder: vscode.l10n.t('Subscriptions to show (shared with Azure Resources)'),
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!picked) return false;
  // Everything picked means "no filter", as Azure Resources stores it.
  await writeSubscriptionFilter(picked.length === items.length ? [] : picked.map((p) => p.entry));
  model.refresh();
  return true;
};
