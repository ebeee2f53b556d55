import * as vscode from 'vscode';
import type { ActionElement, InfoElement } from './elements';

export class ActionNode {
  static readonly contextValue = 'acrDoctor.action';

  static treeItem(el: ActionElement): vscode.TreeItem {
    const item = new vscode.TreeItem(el.label, vscode.TreeItemCollapsibleState.None);
    item.id = el.id;
    item.iconPath = new vscode.ThemeIcon(el.icon);
    item.command = { command: el.command, title: el.label, arguments: el.args };
    item.contextValue = ActionNode.contextValue;
    return item;
  }
}

export class InfoNode {
  static readonly contextValue = 'acrDoctor.info';

  static treeItem(el: InfoElement): vscode.TreeItem {
    const item = new vscode.TreeItem(el.label, vscode.TreeItemCollapsibleState.None);
    item.id = el.id;
    item.tooltip = el.tooltip;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = InfoNode.contextValue;
    return item;
  }
}
