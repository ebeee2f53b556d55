import * as vscode from 'vscode';
import type { SubscriptionElement } from './elements';
import { escape } from './tenant-node';

export class SubscriptionNode {
  static readonly contextValue = 'acrDoctor.subscription';

  static treeItem(el: SubscriptionElement): vscode.TreeItem {
    const s = el.subscription;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `subscription:${s.tenantId}/${s.subscriptionId}`;
    item.description = s.subscriptionId;
    item.tooltip = new vscode.MarkdownString([
      `**${escape(s.name)}**`,
      '',
      vscode.l10n.t('Subscription ID: {0}', s.subscriptionId),
      '',
      vscode.l10n.t('Tenant ID: {0}', s.tenantId),
    ].join('\n'));
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = SubscriptionNode.contextValue;
    return item;
  }
}
