import * as vscode from 'vscode';
import type { TenantElement } from './elements';

export class TenantNode {
  static readonly contextValue = 'acrDoctor.tenant';
  static readonly contextValueSignedOut = 'acrDoctor.tenant.signedOut';

  static treeItem(el: TenantElement): vscode.TreeItem {
    const t = el.tenant;
    const item = new vscode.TreeItem(t.displayName, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `tenant:${t.tenantId}`;
    item.description = t.signedIn ? t.defaultDomain ?? t.tenantId : vscode.l10n.t('sign-in needed');
    item.tooltip = new vscode.MarkdownString([
      `**${escape(t.displayName)}**`,
      '',
      vscode.l10n.t('Tenant ID: {0}', t.tenantId),
      ...(t.defaultDomain ? ['', vscode.l10n.t('Domain: {0}', t.defaultDomain)] : []),
      ...(t.signedIn ? [] : ['', vscode.l10n.t('This tenant needs its own sign-in.')]),
    ].join('\n'));
    item.iconPath = new vscode.ThemeIcon(t.signedIn ? 'organization' : 'lock');
    item.contextValue = t.signedIn ? TenantNode.contextValue : TenantNode.contextValueSignedOut;
    return item;
  }
}

export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
