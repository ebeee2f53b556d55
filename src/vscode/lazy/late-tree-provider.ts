// The registries views' provider from activation on: it hands every call to the tree's own provider
// (dist/main.js), which it loads on the first call, and passes on its change events. Until the
// tree's own rows are there (dist/main.js and then dist/azure.js load, the sign-in, the listing:
// seconds on a slow machine), the views get the rows of the last complete listing, marked as
// cached and without menus; the real rows replace them as soon as they come.
import * as vscode from 'vscode';

/** One root row of a listing, as kept between sessions (plain data: no commands, no menus). */
export interface CachedRow {
  id?: string;
  label: string;
  description?: string;
  icon?: string;
  expandable: boolean;
}

export interface ListingCache {
  read(): CachedRow[] | undefined;
  write(rows: CachedRow[]): void;
  /** The tree's own root rows are a complete listing (not a sign-in prompt, a spinner, an error). */
  listed(): boolean;
}

/** A cached row as the views hold it (told apart from the tree's own elements by its class). */
class CachedElement {
  constructor(readonly row: CachedRow) {}
}

/** The parts of a TreeItem worth keeping; undefined when it has no plain label. */
export function cachedRowOf(item: vscode.TreeItem): CachedRow | undefined {
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  if (!label) return undefined;
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
  return {
    ...(item.id ? { id: item.id } : {}), label,
    ...(typeof item.description === 'string' && item.description ? { description: item.description } : {}),
    ...(icon ? { icon } : {}),
    expandable: item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
  };
}

/** What a kept listing may be: a short list of rows with string fields (the state is not trusted to be ours). */
export function validCachedRows(value: unknown): CachedRow[] | undefined {
  if (!Array.isArray(value) || !value.length || value.length > 200) return undefined;
  const str = (v: unknown) => v === undefined || (typeof v === 'string' && v.length < 300);
  const ok = value.every((r: Record<string, unknown> | null) => !!r && typeof r.label === 'string' && r.label.length > 0 && r.label.length < 300
    && str(r.id) && str(r.description) && str(r.icon) && typeof r.expandable === 'boolean');
  return ok ? value as CachedRow[] : undefined;
}

export class LateTreeProvider implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private real: vscode.TreeDataProvider<unknown> | undefined;
  /** The kept rows while the tree's own root rows load; 'done' once they are there (or none were kept). */
  private cachedRows: CachedRow[] | 'done' | undefined;
  private realRoots: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<unknown>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: () => vscode.TreeDataProvider<unknown>, private readonly cache?: ListingCache) {}

  /** The tree's own provider (loads dist/main.js the first time). */
  get provider(): vscode.TreeDataProvider<unknown> {
    if (!this.real) {
      const real = this.load();
      this.real = real;
      const sub = real.onDidChangeTreeData?.((e) => this.changed.fire(e));
      if (sub) this.subscriptions.push(sub);
    }
    return this.real;
  }

  getTreeItem(element: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (element instanceof CachedElement) return this.cachedItem(element.row);
    return this.provider.getTreeItem(element);
  }

  getChildren(element?: unknown): vscode.ProviderResult<unknown[]> {
    if (element instanceof CachedElement) return this.realChildrenOf(element.row);
    if (element === undefined && this.cachedRows !== 'done') {
      this.cachedRows ??= (!this.real && this.readCache()) || 'done';
      if (this.cachedRows !== 'done') {
        // Every view, and every ask, gets the kept rows until the tree's own root rows are there;
        // then VS Code is asked for the root again. They load after this answer.
        const rows = this.cachedRows.map((r) => new CachedElement(r));
        this.realRoots ??= new Promise<void>((resolve) => setTimeout(resolve, 0))
          .then(() => this.provider.getChildren(undefined))
          .then((real) => this.remember(real), () => undefined)
          .finally(() => { this.cachedRows = 'done'; this.changed.fire(undefined); });
        return rows;
      }
    }
    const children = this.provider.getChildren(element);
    return element === undefined ? Promise.resolve(children).then((rows) => { this.remember(rows); return rows; }) : children;
  }

  /** A cached row's children: those of the tree's own row with the same id (or label), once it has its rows. */
  private async realChildrenOf(row: CachedRow): Promise<unknown[]> {
    const roots = (await this.provider.getChildren(undefined)) ?? [];
    for (const r of roots) {
      const item = await this.provider.getTreeItem(r);
      const same = row.id !== undefined ? item.id === row.id : cachedRowOf(item)?.label === row.label;
      if (same) return (await this.provider.getChildren(r)) ?? [];
    }
    return [];
  }

  private cachedItem(row: CachedRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    if (row.id !== undefined) item.id = row.id;
    const cached = vscode.l10n.t('cached');
    item.description = row.description ? `${row.description} · ${cached}` : cached;
    item.tooltip = vscode.l10n.t('From the last listing; the current one is on its way.');
    if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon);
    return item;
  }

  private readCache(): CachedRow[] | undefined {
    try { return validCachedRows(this.cache?.read()); } catch { return undefined; }
  }

  /** Keeps the root rows of a complete listing for the next session's first showing. */
  private remember(rows: unknown[] | null | undefined): void {
    const cache = this.cache;
    if (!cache || !rows?.length || !cache.listed()) return;
    void Promise.all(rows.map((r) => Promise.resolve(this.provider.getTreeItem(r)).then(cachedRowOf, () => undefined)))
      .then((items) => { const kept = items.filter((i): i is CachedRow => !!i); if (kept.length) cache.write(kept); })
      .catch(() => undefined);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
