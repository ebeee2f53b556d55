// "Pulled by" under a registry and one row per Azure resource that pulls from it, coloured by
// whether it can; "Diagnose pull by …" is the row's inline action and context-menu entry.
import * as vscode from 'vscode';
import type { PulledByElement, PullerElement } from './elements';

export class PulledByNode {
  static readonly contextValue = 'acrDoctor.pulledBy';

  static treeItem(el: PulledByElement): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Pulled by'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `pulledBy:${el.registry.registry.loginServer}`;
    item.iconPath = new vscode.ThemeIcon('cloud-download');
    item.tooltip = vscode.l10n.t("Azure resources that pull from {0}: App Service and Functions apps and their sidecars, Container Apps, container groups, Machine Learning workspaces, AKS clusters, and the registry's own ACR tasks and connected registries", el.registry.registry.loginServer);
    item.contextValue = PulledByNode.contextValue;
    return item;
  }
}

const ICONS: Record<PullerElement['health'], [string, string]> = {
  ok: ['pass', 'testing.iconPassed'], fail: ['error', 'testing.iconFailed'], warn: ['warning', 'list.warningForeground'], unknown: ['question', 'descriptionForeground'],
};

function healthWords(h: PullerElement['health']): string {
  switch (h) {
    case 'ok': return vscode.l10n.t('can pull');
    case 'fail': return vscode.l10n.t('cannot pull');
    case 'warn': return vscode.l10n.t('may not pull');
    case 'unknown': return vscode.l10n.t('not judged');
  }
}

export class PullerNode {
  static readonly contextValue = 'acrDoctor.puller';

  static treeItem(el: PullerElement): vscode.TreeItem {
    const item = new vscode.TreeItem(el.name, vscode.TreeItemCollapsibleState.None);
    item.id = `puller:${el.registry.registry.loginServer}:${el.serviceId}`;
    const [icon, colour] = ICONS[el.health];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
    item.description = `${el.what} · ${healthWords(el.health)}`;
    item.tooltip = `${el.serviceId}${el.causeId ? `\n${el.causeId}` : ''}`;
    item.contextValue = PullerNode.contextValue;
    item.accessibilityInformation = { label: `${el.name}, ${el.what}, ${healthWords(el.health)}`, role: 'treeitem' };
    return item;
  }
}
