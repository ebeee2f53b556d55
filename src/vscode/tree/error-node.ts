import * as vscode from 'vscode';
import type { ErrorElement } from './elements';

export class ErrorNode {
  static readonly contextValue = 'acrDoctor.error';

  static treeItem(el: ErrorElement): vscode.TreeItem {
    // Expanded so the Retry / Sign in children are visible without a click.
    const item = new vscode.TreeItem(el.message, vscode.TreeItemCollapsibleState.Expanded);
    item.id = el.id;
    item.tooltip = new vscode.MarkdownString(undefined, false);
    item.tooltip.appendText(el.detail ? `${el.message}\n\n${el.detail}` : el.message);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = ErrorNode.contextValue;
    return item;
  }
}
