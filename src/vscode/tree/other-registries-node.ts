import * as vscode from 'vscode';

export class OtherRegistriesNode {
  static readonly contextValue = 'acrDoctor.otherRegistries';

  static treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Other registries'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'otherRegistries';
    item.tooltip = vscode.l10n.t('Registries added by name (setting acrDoctor.registries.manual).');
    item.iconPath = new vscode.ThemeIcon('list-unordered');
    item.contextValue = OtherRegistriesNode.contextValue;
    return item;
  }
}
