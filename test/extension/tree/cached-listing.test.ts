// The registries views' stand-in provider (src/vscode/lazy/late-tree-provider.ts): before the tree's
// own provider is loaded, the first showing gets the last complete listing's root rows marked as
// cached, without menus; then it asks VS Code for the root again and hands over to the real rows.
// A listing is kept only when the tree says it is complete; a malformed kept value is ignored.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LateTreeProvider, validCachedRows, type CachedRow } from '../../../src/vscode/lazy/late-tree-provider';

interface Real { name: string; kids?: string[] }

function realProvider(roots: Real[]): vscode.TreeDataProvider<unknown> & { loads: number } {
  const changed = new vscode.EventEmitter<unknown>();
  return {
    loads: 0,
    onDidChangeTreeData: changed.event,
    getTreeItem: (e) => {
      const r = e as Real;
      const item = new vscode.TreeItem(r.name, r.kids ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `tenant:${r.name}`; item.contextValue = 'tenant'; item.iconPath = new vscode.ThemeIcon('organization'); item.description = 'Contoso';
      return item;
    },
    getChildren: async (e) => (e === undefined ? roots : ((e as Real).kids ?? []).map((k) => ({ name: k }))),
  };
}

describe('registries tree: first rows from the cached last listing', () => {
  const row: CachedRow = { id: 'tenant:t1', label: 't1', description: 'Contoso', icon: 'organization', expandable: true };

  it('shows the kept rows marked as cached and without menus, then hands over to the real rows', async () => {
    const real = realProvider([{ name: 't1', kids: ['reg1'] }, { name: 't2' }]);
    let loaded = 0;
    const tree = new LateTreeProvider(() => { loaded++; return real; }, { read: () => [row], write: () => undefined, listed: () => true });
    const refreshed = new Promise<unknown>((resolve) => tree.onDidChangeTreeData((e) => resolve(e)));
    const first = (await tree.getChildren()) ?? [];
    assert.equal(loaded, 0, 'the cached rows come without loading the tree');
    assert.equal(first.length, 1);
    const item = await tree.getTreeItem(first[0]);
    assert.equal(item.label, 't1');
    assert.equal(item.contextValue, undefined, 'no menus on a cached row');
    assert.match(String(item.description), new RegExp(`Contoso · ${vscode.l10n.t('cached')}`));
    assert.equal(await refreshed, undefined, 'then the whole tree is asked again');
    assert.equal(loaded, 1);
    const again = (await tree.getChildren()) ?? [];
    assert.deepEqual(again.map((r) => (r as Real).name), ['t1', 't2']);
    assert.deepEqual(((await tree.getChildren(first[0])) ?? []).map((r) => (r as Real).name), ['reg1'], "a cached row expands to its real row's children");
  });

  it('keeps a complete listing only, and never offers it once the tree is loaded', async () => {
    const written: CachedRow[][] = [];
    let listed = false;
    const tree = new LateTreeProvider(() => realProvider([{ name: 't1', kids: [] }]), { read: () => undefined, write: (r) => written.push(r), listed: () => listed });
    await tree.getChildren();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(written.length, 0, 'not a finished listing: nothing kept');
    listed = true;
    await tree.getChildren();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(written.at(-1), [{ id: 'tenant:t1', label: 't1', description: 'Contoso', icon: 'organization', expandable: true }]);
  });

  it('ignores a kept value that is not a short list of rows', async () => {
    assert.equal(validCachedRows({ label: 'x' }), undefined);
    assert.equal(validCachedRows([]), undefined);
    assert.equal(validCachedRows([{ label: 3, expandable: true }]), undefined);
    assert.equal(validCachedRows([{ label: 'x', expandable: true, description: 'y'.repeat(400) }]), undefined);
    const tree = new LateTreeProvider(() => realProvider([{ name: 'real' }]), { read: () => [{ nope: 1 }] as unknown as CachedRow[], write: () => undefined, listed: () => true });
    assert.deepEqual(((await tree.getChildren()) ?? []).map((r) => (r as Real).name), ['real']);
  });
});
