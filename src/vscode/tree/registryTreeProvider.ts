// The TreeDataProvider: elements come from the model; TreeItems are built here, per kind.
import * as vscode from 'vscode';
import { ActionNode, InfoNode } from './actionNode';
import type { TreeElement } from './elements';
import { ErrorNode } from './errorNode';
import { OtherRegistriesNode } from './otherRegistriesNode';
import type { RegistryHealth } from './registryHealth';
import { RegistryNode } from './registryNode';
import type { RegistryTreeModel } from './registryTreeModel';
import { SubscriptionNode } from './subscriptionNode';
import { TenantNode } from './tenantNode';
import { LoadMoreNode, RepositoryNode, TagNode } from './imageNodes';

export class RegistryTreeProvider implements vscode.TreeDataProvider<TreeElement> {
  readonly onDidChangeTreeData: vscode.Event<TreeElement | undefined>;

  constructor(private readonly model: RegistryTreeModel, private readonly health: RegistryHealth) {
    this.onDidChangeTreeData = model.onDidChange;
  }

  getTreeItem(el: TreeElement): vscode.TreeItem {
    switch (el.kind) {
      case 'tenant': return TenantNode.treeItem(el);
      case 'subscription': return SubscriptionNode.treeItem(el);
      case 'otherRegistries': return OtherRegistriesNode.treeItem();
      case 'error': return ErrorNode.treeItem(el);
      case 'action': return ActionNode.treeItem(el);
      case 'info': return InfoNode.treeItem(el);
      case 'repository': return RepositoryNode.treeItem(el);
      case 'tag': return TagNode.treeItem(el);
      case 'loadMore': return LoadMoreNode.treeItem(el);
      case 'registry': {
        const item = RegistryNode.treeItem(el, this.health.getHealth(el.registry.loginServer));
        if (this.model.listsContents) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        // A click opens nothing by itself; Diagnose is the inline action and context-menu entry.
        item.accessibilityInformation = { label: `${el.registry.name}, ${item.description ?? ''}`, role: 'treeitem' };
        return item;
      }
    }
  }

  getChildren(el?: TreeElement): Promise<TreeElement[]> {
    return this.model.getChildren(el);
  }
}
