// The TreeDataProvider: elements come from the model; TreeItems are built here, per kind.
import * as vscode from 'vscode';
import { ActionNode, InfoNode } from './action-node';
import type { TreeElement } from './elements';
import { ErrorNode } from './error-node';
import { OtherRegistriesNode } from './other-registries-node';
import type { RegistryHealth } from './registry-health';
import { RegistryNode } from './registry-node';
import type { RegistryTreeModel } from './registry-tree-model';
import { SubscriptionNode } from './subscription-node';
import { TenantNode } from './tenant-node';
import { LoadMoreNode, RepositoryNode, TagNode } from './image-nodes';
import { PulledByNode, PullerNode } from './pulled-by-nodes';
import { glanceLabel, type GlanceHealth } from './glance-health';

export class RegistryTreeProvider implements vscode.TreeDataProvider<TreeElement> {
  readonly onDidChangeTreeData: vscode.Event<TreeElement | undefined>;
  /** The registry rows drawn last, by login server: a quick check's answer redraws just that row. */
  private readonly drawn = new Map<string, TreeElement>();

  constructor(private readonly model: RegistryTreeModel, private readonly health: RegistryHealth, private readonly glance?: GlanceHealth) {
    const rowChanged = new vscode.EventEmitter<TreeElement | undefined>();
    model.onDidChange((el) => rowChanged.fire(el));
    glance?.onDidChange((server) => { const el = this.drawn.get(server); if (el) rowChanged.fire(el); });
    this.onDidChangeTreeData = rowChanged.event;
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
      case 'pulledBy': return PulledByNode.treeItem(el);
      case 'puller': return PullerNode.treeItem(el);
      case 'registry': {
        const server = el.registry.loginServer.toLowerCase();
        this.drawn.set(server, el);
        this.glance?.request(server);
        const item = RegistryNode.treeItem(el, this.health.getHealth(server), this.glance?.get(server));
        if (this.model.listsContents) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        // A click opens nothing by itself; Diagnose is the inline action and context-menu entry.
        const glanced = this.glance?.enabled ? `, ${glanceLabel(this.glance.get(server)?.health)}` : '';
        item.accessibilityInformation = { label: `${el.registry.name}, ${item.description ?? ''}${glanced}`, role: 'treeitem' };
        return item;
      }
    }
  }

  getChildren(el?: TreeElement): Promise<TreeElement[]> {
    return this.model.getChildren(el);
  }
}
