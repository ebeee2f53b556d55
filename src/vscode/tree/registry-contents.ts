// What a registry node holds: its repositories, and under each its tags, listed through the
// registry's catalog a page at a time ("Load more…" fetches the next one, as Container Tools
// does). Lists are kept until a refresh, so the same element objects stand for the same rows.
import * as vscode from 'vscode';
import type { CatalogPage } from '../../core/acr/catalog';
import type { ErrorElement, LoadMoreElement, RegistryElement, RepositoryElement, TagElement, TreeElement } from './elements';

export interface CatalogLister {
  repositories(loginServer: string, after: string | undefined, signal: AbortSignal): Promise<CatalogPage>;
  tags(loginServer: string, repository: string, after: string | undefined, signal: AbortSignal): Promise<CatalogPage>;
}

type Listed = RegistryElement | RepositoryElement;

interface PagedList {
  items: (RepositoryElement | TagElement)[];
  next?: string;
  error?: ErrorElement;
  loading?: Promise<void>;
}

export class RegistryContents {
  private readonly lists = new Map<Listed, PagedList>();

  constructor(private readonly lister: CatalogLister, private readonly log: vscode.LogOutputChannel) {}

  async children(el: Listed, signal: AbortSignal): Promise<TreeElement[]> {
    let list = this.lists.get(el);
    if (!list) {
      list = { items: [] };
      this.lists.set(el, list);
      list.loading = this.loadPage(el, list, undefined, signal);
    }
    await list.loading;
    return this.rows(el, list);
  }

  /** Fetches the next page after a "Load more…" row; the caller then repaints `more.parent`. */
  async loadMore(more: LoadMoreElement, signal: AbortSignal): Promise<void> {
    const list = this.lists.get(more.parent);
    if (!list || list.next !== more.after) return;
    await list.loading;
    list.loading = this.loadPage(more.parent, list, more.after, signal);
    await list.loading;
  }

  forget(el?: Listed): void {
    if (!el) { this.lists.clear(); return; }
    this.lists.delete(el);
    if (el.kind === 'registry') for (const key of [...this.lists.keys()]) if (key.kind === 'repository' && key.registry === el) this.lists.delete(key);
  }

  private rows(el: Listed, list: PagedList): TreeElement[] {
    const out: TreeElement[] = [...list.items];
    if (list.error) out.push(list.error);
    else if (list.next) out.push({ kind: 'loadMore', id: `more:${idOf(el)}:${list.next}`, parent: el, after: list.next } satisfies LoadMoreElement);
    else if (!list.items.length) {
      out.push({ kind: 'info', id: `info:empty:${idOf(el)}`, label: el.kind === 'registry' ? vscode.l10n.t('No repositories') : vscode.l10n.t('No tags') });
    }
    return out;
  }

  private async loadPage(el: Listed, list: PagedList, after: string | undefined, signal: AbortSignal): Promise<void> {
    const loginServer = (el.kind === 'registry' ? el.registry : el.registry.registry).loginServer;
    try {
      const page = el.kind === 'registry'
        ? await this.lister.repositories(loginServer, after, signal)
        : await this.lister.tags(loginServer, el.repository, after, signal);
      const registry = el.kind === 'registry' ? el : el.registry;
      for (const name of page.items) {
        list.items.push(el.kind === 'registry'
          ? { kind: 'repository', registry, repository: name }
          : { kind: 'tag', registry, repository: el.repository, tag: name });
      }
      list.next = page.next;
      list.error = undefined;
      if (page.skipped) this.log.warn(`registries tree: ${loginServer} listed ${page.skipped} name(s) that are not valid; left out`);
    } catch (err) {
      list.error = catalogError(err, el, loginServer);
      this.log.warn(`registries tree: listing ${el.kind === 'registry' ? 'repositories of' : `tags of ${el.repository} in`} ${loginServer}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function idOf(el: Listed): string {
  return el.kind === 'registry' ? el.registry.loginServer : `${el.registry.registry.loginServer}/${el.repository}`;
}

/** A listing failure as a row that says what happened (permission, network, sign-in) and offers Retry. */
function catalogError(err: unknown, parent: Listed, loginServer: string): ErrorElement {
  const kind = typeof err === 'object' && err !== null && typeof (err as { kind?: unknown }).kind === 'string' ? (err as { kind: string }).kind : undefined;
  const detail = err instanceof Error ? err.message : String(err);
  const what = parent.kind === 'registry' ? vscode.l10n.t('the repositories of {0}', loginServer) : vscode.l10n.t('the tags of {0}', parent.repository);
  const id = `error:catalog:${idOf(parent)}`;
  switch (kind) {
    case 'denied':
      return { kind: 'error', id, parent, detail, message: vscode.l10n.t('No permission to list {0}', what) };
    case 'unauthorized':
      return { kind: 'error', id, parent, detail, offerSignIn: true, message: vscode.l10n.t('The registry refused the sign-in while listing {0}', what) };
    case 'network':
      return { kind: 'error', id, parent, detail, message: vscode.l10n.t('Cannot reach {0} to list {1}', loginServer, what) };
    case 'not-found':
      return { kind: 'error', id, parent, detail, message: vscode.l10n.t('{0} does not exist any more', parent.kind === 'repository' ? parent.repository : loginServer) };
    case 'garbage': case 'server':
      return { kind: 'error', id, parent, detail, message: vscode.l10n.t('The registry sent an answer that is not a list ({0})', detail.slice(0, 120)) };
    default:
      // Not signed in to Azure (CatalogAccessError) or anything else: its own words.
      return { kind: 'error', id, parent, detail, offerSignIn: /sign in/i.test(detail), message: vscode.l10n.t('Could not list {0}: {1}', what, detail.slice(0, 160)) };
  }
}

