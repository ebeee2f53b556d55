// The tree's repositories and tags under a registry node: paged with "Load more…", the same
// element objects until a refresh, and a listing failure as an error row that says what happened.
import '../../security/vscode-stub';
import assert from 'node:assert/strict';
import { CatalogError, type CatalogPage } from '../../../../src/core/acr/catalog';
import type { LoadMoreElement, RegistryElement, TreeElement } from '../../../../src/vscode/tree/elements';
import { RegistryContents, type CatalogLister } from '../../../../src/vscode/tree/registry-contents';

const REPOS = Array.from({ length: 120 }, (_, i) => `app-${String(i).padStart(3, '0')}`);
const log = { warn: () => undefined, info: () => undefined } as never;
const registry: RegistryElement = { kind: 'registry', source: 'azure', registry: { name: 'contoso', loginServer: 'contoso.azurecr.io' } };

function pages(size: number, calls: string[]): CatalogLister {
  const page = (all: string[], after: string | undefined): CatalogPage => {
    const start = after ? all.indexOf(after) + 1 : 0;
    const items = all.slice(start, start + size);
    return { items, next: start + size < all.length ? items.at(-1) : undefined, skipped: 0 };
  };
  return {
    repositories: async (ls, after) => { calls.push(`repos ${ls} ${after ?? '-'}`); return page(REPOS, after); },
    tags: async (ls, repo, after) => { calls.push(`tags ${repo} ${after ?? '-'}`); return page(['v1', 'v2'], after); },
  };
}

const labels = (rows: TreeElement[]) => rows.map((r) => (r.kind === 'repository' ? r.repository : r.kind === 'tag' ? r.tag : r.kind));

describe('registries tree: repositories and tags', () => {
  const signal = new AbortController().signal;

  it('lists a page, then the next one on Load more, keeping the rows already shown', async () => {
    const calls: string[] = [];
    const contents = new RegistryContents(pages(50, calls), log);
    const first = await contents.children(registry, signal);
    assert.deepEqual(labels(first), [...REPOS.slice(0, 50), 'loadMore']);
    const more = first.at(-1) as LoadMoreElement;
    assert.equal(more.after, REPOS[49]);
    await contents.loadMore(more, signal);
    const second = await contents.children(registry, signal);
    assert.deepEqual(labels(second), [...REPOS.slice(0, 100), 'loadMore']);
    assert.equal(second[0], first[0], 'the same element objects stand for the same rows');
    await contents.loadMore(second.at(-1) as LoadMoreElement, signal);
    assert.deepEqual(labels(await contents.children(registry, signal)), REPOS);
    // A stale "Load more…" (clicked twice) fetches nothing.
    await contents.loadMore(more, signal);
    assert.deepEqual(calls, ['repos contoso.azurecr.io -', `repos contoso.azurecr.io ${REPOS[49]}`, `repos contoso.azurecr.io ${REPOS[99]}`]);
  });

  it('lists the tags of a repository, and says so when there are none', async () => {
    const calls: string[] = [];
    const contents = new RegistryContents(pages(50, calls), log);
    const repo = (await contents.children(registry, signal))[0];
    assert.equal(repo.kind, 'repository');
    const tags = await contents.children(repo, signal);
    assert.deepEqual(labels(tags), ['v1', 'v2']);
    assert.deepEqual(tags[0], { kind: 'tag', registry, repository: 'app-000', tag: 'v1' });
    const empty = new RegistryContents({ repositories: async () => ({ items: [], skipped: 0 }), tags: async () => ({ items: [], skipped: 0 }) }, log);
    const rows = await empty.children(registry, signal);
    assert.deepEqual(rows.map((r) => r.kind === 'info' && r.label), ['No repositories']);
  });

  it('shows a listing failure as an error row with its reason, and lists again after a refresh', async () => {
    let fail: Error | undefined = new CatalogError('denied', 'The identity may not list this (403 DENIED: requested access to the resource is denied).', 403);
    const contents = new RegistryContents({
      repositories: async () => { if (fail) throw fail; return { items: ['hello'], skipped: 0 }; },
      tags: async () => ({ items: [], skipped: 0 }),
    }, log);
    const rows = await contents.children(registry, signal);
    assert.equal(rows.length, 1);
    const err = rows[0];
    assert.ok(err.kind === 'error');
    assert.equal(err.message, 'No permission to list the repositories of contoso.azurecr.io');
    assert.match(err.detail ?? '', /DENIED/);
    assert.equal(err.parent, registry, 'Retry reloads the registry node');
    fail = new CatalogError('network', 'Cannot reach contoso.azurecr.io: dns: getaddrinfo ENOTFOUND');
    contents.forget(registry);
    assert.match((await contents.children(registry, signal))[0].kind === 'error' ? ((await contents.children(registry, signal))[0] as { message: string }).message : '', /^Cannot reach contoso\.azurecr\.io to list/);
    fail = undefined;
    contents.forget(registry);
    assert.deepEqual(labels(await contents.children(registry, signal)), ['hello']);
  });
});
