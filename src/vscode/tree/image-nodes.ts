// Rows under a registry: repositories (unfold into tags), tags, and "Load more…". Diagnose pull /
// push are their inline actions and context-menu entries (package.json, by contextValue).
import * as vscode from 'vscode';
import type { LoadMoreElement, RepositoryElement, TagElement } from './elements';
import { TREE_COMMANDS } from './tree-command-ids';

export class RepositoryNode {
  static readonly contextValue = 'acrDoctor.repository';

  static treeItem(el: RepositoryElement): vscode.TreeItem {
    const item = new vscode.TreeItem(el.repository, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `repository:${el.registry.registry.loginServer}/${el.repository}`;
    item.iconPath = new vscode.ThemeIcon('repo');
    item.tooltip = `${el.registry.registry.loginServer}/${el.repository}`;
    item.contextValue = RepositoryNode.contextValue;
    return item;
  }
}

export class TagNode {
  static readonly contextValue = 'acrDoctor.tag';

  static treeItem(el: TagElement): vscode.TreeItem {
    const item = new vscode.TreeItem(el.tag, vscode.TreeItemCollapsibleState.None);
    item.id = `tag:${el.registry.registry.loginServer}/${el.repository}:${el.tag}`;
    item.iconPath = new vscode.ThemeIcon('tag');
    item.tooltip = `${el.registry.registry.loginServer}/${el.repository}:${el.tag}`;
    item.contextValue = TagNode.contextValue;
    item.accessibilityInformation = { label: `${el.repository}:${el.tag}`, role: 'treeitem' };
    return item;
  }
}

export class LoadMoreNode {
  static readonly contextValue = 'acrDoctor.loadMore';

  static treeItem(el: LoadMoreElement): vscode.TreeItem {
    const label = vscode.l10n.t('Load more…');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = el.id;
    item.iconPath = new vscode.ThemeIcon('more');
    item.command = { command: TREE_COMMANDS.loadMore, title: label, arguments: [el] };
    item.contextValue = LoadMoreNode.contextValue;
    return item;
  }
}
