// Loads and caches what the registries tree shows. Children are computed once per refresh and the
// same element objects are returned until then, so `onDidChangeTreeData(element)` and expansion
// state work. Registries are listed once per tenant for all its subscriptions (one Resource Graph
// query), not once per subscription node.
import * as vscode from 'vscode';
import { readManualRegistries } from '../../core/registry/manual-registries';
import { groupBySubscription, type RegistrySummary } from '../../core/registry/summary';
import type { AzureSession, AzureSubscriptionInfo, AzureTenantInfo } from '../auth/azure-session';
import type { AzureSessionManager } from '../auth/session-manager';
import { readSubscriptionFilter } from '../auth/subscription-filter';
import { classifyAzureError } from './azure-error-kind';
import type {
  ActionElement, ErrorElement, InfoElement, ParentElement, RegistryElement, SubscriptionElement, TenantElement, TreeElement,
} from './elements';
import { TREE_COMMANDS } from './tree-command-ids';
import type { RegistryLister } from './registry-lister';
import { RegistryContents, type CatalogLister } from './registry-contents';
import type { LoadMoreElement, PulledByElement } from './elements';
import type { PulledByLister } from './pulled-by-lister';

interface AccountLoad {
  session: AzureSession;
  tenants: AzureTenantInfo[];
  subscriptions: AzureSubscriptionInfo[];
}

interface TenantRegistries {
  bySubscription: Map<string, RegistrySummary[]>;
  failures: Map<string, unknown>;
}

export type ProgressRunner = <T>(work: Promise<T>) => Promise<T>;

export class RegistryTreeModel implements vscode.Disposable {
  private controller = new AbortController();
  private account: Promise<AccountLoad | undefined> | undefined;
  private readonly registryLoads = new Map<string, Promise<TenantRegistries>>();
  private readonly children = new Map<ParentElement | ErrorElement | 'root', Promise<TreeElement[]>>();
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  /** Fires with the node whose children must be asked again (undefined = the whole tree). */
  readonly onDidChange = this.changed.event;
  private readonly contents: RegistryContents | undefined;
  /** Settled listings by login server, and the tenants: what a diagnosis may use without waiting. */
  private readonly loaded = new Map<string, RegistrySummary>();
  private loadedTenantList: AzureTenantInfo[] | undefined;

  constructor(
    private readonly sessions: AzureSessionManager,
    private readonly listRegistries: RegistryLister,
    private readonly log: vscode.LogOutputChannel,
    private readonly progress: ProgressRunner = (p) => p,
    catalog?: CatalogLister,
  ) {
    this.contents = catalog ? new RegistryContents(catalog, log) : undefined;
  }

  /** Registry nodes unfold into repositories and tags when a catalog lister is given. */
  get listsContents(): boolean { return !!this.contents; }

  /** Set: an Azure registry's first child is "Pulled by" (the resources that pull from it). */
  pulledBy: PulledByLister | undefined;

  getChildren(element?: TreeElement): Promise<TreeElement[]> {
    if (element?.kind === 'pulledBy') return this.pulledBy ? this.progress(this.pulledBy.children(element, this.controller.signal)) : Promise.resolve([]);
    if (element && (element.kind === 'registry' || element.kind === 'repository')) {
      const rows = this.contents ? this.progress(this.contents.children(element, this.controller.signal)) : Promise.resolve([]);
      if (element.kind !== 'registry' || element.source !== 'azure' || !this.pulledBy) return rows;
      const pulledBy = this.pulledByOf(element);
      return rows.then((r) => [pulledBy, ...r]);
    }
    if (element && element.kind !== 'tenant' && element.kind !== 'subscription' &&
        element.kind !== 'otherRegistries' && element.kind !== 'error') return Promise.resolve([]);
    const key = element ?? 'root';
    let result = this.children.get(key);
    if (!result) {
      result = this.compute(element as ParentElement | ErrorElement | undefined).catch((err) => [this.error(err, element as ParentElement | undefined)]);
      this.children.set(key, result);
    }
    return result;
  }

  private readonly pulledByNodes = new WeakMap<RegistryElement, PulledByElement>();

  /** The same "Pulled by" element per registry element, so its expansion state holds. */
  private pulledByOf(registry: RegistryElement): PulledByElement {
    let el = this.pulledByNodes.get(registry);
    if (!el) { el = { kind: 'pulledBy', registry }; this.pulledByNodes.set(registry, el); }
    return el;
  }

  /** Fetches the next page of a paged list and repaints its parent. */
  async loadMore(more: LoadMoreElement): Promise<void> {
    if (!this.contents) return;
    await this.progress(this.contents.loadMore(more, this.controller.signal));
    this.changed.fire(more.parent);
  }

  /** Forgets what was loaded under `element` (everything when undefined) and aborts running loads. */
  refresh(element?: TreeElement): void {
    if (element && (element.kind === 'pulledBy' || element.kind === 'puller')) {
      this.pulledBy?.forget(element.registry.registry.loginServer);
      this.changed.fire(element.kind === 'pulledBy' ? element : this.pulledByOf(element.registry));
      return;
    }
    if (element && (element.kind === 'registry' || element.kind === 'repository')) {
      if (element.kind === 'registry') this.pulledBy?.forget(element.registry.loginServer);
      this.contents?.forget(element);
      this.changed.fire(element);
      return;
    }
    if (element && element.kind === 'loadMore') { this.refresh(element.parent); return; }
    if (element && element.kind === 'tag') { this.changed.fire(element); return; }
    if (!element || element.kind === 'tenant' || element.kind === 'action' || element.kind === 'info') {
      this.controller.abort();
      this.controller = new AbortController();
      this.account = undefined;
      this.registryLoads.clear();
      this.loaded.clear();
      this.loadedTenantList = undefined;
      this.children.clear();
      this.contents?.forget();
      this.changed.fire(undefined);
      return;
    }
    if (element.kind === 'subscription') {
      this.registryLoads.delete(element.subscription.tenantId.toLowerCase());
      // Siblings in the same tenant share the query: forget theirs too.
      for (const key of [...this.children.keys()]) {
        if (key !== 'root' && key.kind === 'subscription' && sameTenant(key.subscription.tenantId, element.subscription.tenantId)) {
          this.children.delete(key);
          this.changed.fire(key);
        }
      }
      return;
    }
    if (element.kind === 'error') {
      this.refresh(element.parent);
      return;
    }
    if (element.kind === 'otherRegistries') this.children.delete(element);
    this.changed.fire(element);
  }

  /** Manual registries or the health of a row changed: re-render without reloading Azure. */
  rerender(element?: TreeElement): void {
    if (!element) {
      // Only the root's list and "Other registries" depend on settings.
      for (const key of [...this.children.keys()]) if (key === 'root' || key.kind === 'otherRegistries') this.children.delete(key);
    }
    this.changed.fire(element);
  }

  /** Health badges changed: repaint the rows, keep every cache. */
  repaint(): void {
    this.changed.fire(undefined);
  }

  /** The registry as a listing that already finished found it; never starts or awaits a listing. */
  loadedRegistry(loginServer: string): RegistrySummary | undefined { return this.loaded.get(loginServer.toLowerCase()); }

  /** The tenants of the account as already loaded, or undefined. */
  loadedTenants(): AzureTenantInfo[] | undefined { return this.loadedTenantList; }

  /** Every registry the tree knows (loaded subscriptions + manual), for the command palette pick. */
  async allRegistries(): Promise<RegistryElement[]> {
    const out: RegistryElement[] = [];
    const account = await this.loadAccount().catch(() => undefined);
    if (account) {
      for (const tenantId of new Set(account.subscriptions.map((s) => s.tenantId.toLowerCase()))) {
        const loaded = await this.loadTenantRegistries(account, tenantId).catch(() => undefined);
        for (const list of loaded?.bySubscription.values() ?? []) for (const r of list) out.push({ kind: 'registry', registry: r, source: 'azure' });
      }
    }
    for (const loginServer of this.manual().loginServers) out.push(manualElement(loginServer));
    return out;
  }

  private async compute(element: ParentElement | ErrorElement | undefined): Promise<TreeElement[]> {
    if (!element) return this.rootChildren();
    switch (element.kind) {
      case 'tenant': return this.tenantChildren(element);
      case 'subscription': return this.subscriptionChildren(element);
      case 'otherRegistries': return this.otherChildren();
      case 'error': return this.errorChildren(element);
      case 'registry': case 'repository': case 'pulledBy': return [];
    }
  }

  private async rootChildren(): Promise<TreeElement[]> {
    const out: TreeElement[] = [];
    const session = await this.sessions.get();
    const manual = this.manual();
    const hasManual = manual.loginServers.length > 0 || manual.invalid.length > 0;
    if (!session) {
      out.push({
        kind: 'error', id: 'error:servicePrincipal',
        message: vscode.l10n.t('Service principal sign-in is incomplete: {0} missing', (this.sessions.missing ?? []).join(', ')),
        detail: vscode.l10n.t('Set acrDoctor.azure.tenantId and acrDoctor.azure.clientId, and AZURE_CLIENT_SECRET or sign in to store the secret, or set acrDoctor.azure.signIn to "vscode".'),
        offerSignIn: true,
      });
    } else if (!(await session.isSignedIn())) {
      // With nothing else to show the view's welcome text offers sign-in; next to manual registries, a row does.
      if (hasManual) out.push(this.signInAction('root'));
    } else {
      let account: AccountLoad | undefined;
      try {
        account = await this.loadAccount();
      } catch (err) {
        out.push(this.error(err, undefined));
      }
      if (account) {
        if (account.tenants.length > 1) {
          for (const tenant of account.tenants) out.push({ kind: 'tenant', tenant } satisfies TenantElement);
        } else {
          for (const subscription of account.subscriptions) out.push({ kind: 'subscription', subscription, underTenant: false } satisfies SubscriptionElement);
          if (!account.subscriptions.length) out.push(...this.noSubscriptions('root'));
        }
      }
    }
    if (hasManual) out.push({ kind: 'otherRegistries' });
    return out;
  }

  private async tenantChildren(el: TenantElement): Promise<TreeElement[]> {
    if (!el.tenant.signedIn) {
      return [{
        kind: 'action', id: `action:signInTenant:${el.tenant.tenantId}`, icon: 'sign-in',
        label: vscode.l10n.t('Sign in to {0}…', el.tenant.displayName),
        command: TREE_COMMANDS.signInToTenant, args: [el],
      } satisfies ActionElement];
    }
    const account = await this.loadAccount();
    const subs = (account?.subscriptions ?? []).filter((s) => sameTenant(s.tenantId, el.tenant.tenantId));
    if (!subs.length) return this.noSubscriptions(`tenant:${el.tenant.tenantId}`);
    return subs.map((subscription) => ({ kind: 'subscription', subscription, underTenant: true }) satisfies SubscriptionElement);
  }

  private async subscriptionChildren(el: SubscriptionElement): Promise<TreeElement[]> {
    const account = await this.loadAccount();
    if (!account) return [];
    const loaded = await this.loadTenantRegistries(account, el.subscription.tenantId.toLowerCase());
    const failure = loaded.failures.get(el.subscription.subscriptionId.toLowerCase());
    if (failure !== undefined) return [this.error(failure, el)];
    const registries = loaded.bySubscription.get(el.subscription.subscriptionId.toLowerCase()) ?? [];
    if (!registries.length) {
      return [{ kind: 'info', id: `info:noRegistries:${el.subscription.subscriptionId}`, label: vscode.l10n.t('No container registries') } satisfies InfoElement];
    }
    return registries.map((registry) => ({ kind: 'registry', registry, source: 'azure' }) satisfies RegistryElement);
  }

  private otherChildren(): TreeElement[] {
    const manual = this.manual();
    const out: TreeElement[] = manual.loginServers.map(manualElement);
    for (const bad of manual.invalid) {
      out.push({
        kind: 'error', id: `error:manual:${bad.entry}`,
        message: vscode.l10n.t('Cannot read "{0}" in acrDoctor.registries.manual', bad.entry),
        detail: bad.reason,
        parent: { kind: 'otherRegistries' },
      } satisfies ErrorElement);
    }
    return out;
  }

  private errorChildren(el: ErrorElement): TreeElement[] {
    const out: TreeElement[] = [];
    if (el.offerSignIn) out.push(this.signInAction(el.id));
    if (el.id.startsWith('error:manual:')) {
      out.push({
        kind: 'action', id: `action:openSettings:${el.id}`, icon: 'settings-gear', label: vscode.l10n.t('Open settings'),
        command: 'workbench.action.openSettings', args: ['acrDoctor.registries.manual'],
      });
    } else if (el.id !== 'error:servicePrincipal') {
      out.push({
        kind: 'action', id: `action:retry:${el.id}`, icon: 'refresh', label: vscode.l10n.t('Retry'),
        command: TREE_COMMANDS.refresh, args: [el],
      });
    } else {
      out.push({
        kind: 'action', id: 'action:openSettings:servicePrincipal', icon: 'settings-gear', label: vscode.l10n.t('Open settings'),
        command: 'workbench.action.openSettings', args: ['acrDoctor.azure'],
      });
    }
    return out;
  }

  private noSubscriptions(where: string): TreeElement[] {
    const filtered = readSubscriptionFilter().entries.length > 0;
    return [
      {
        kind: 'info', id: `info:noSubscriptions:${where}`,
        label: filtered ? vscode.l10n.t('No subscriptions match the filter') : vscode.l10n.t('No subscriptions'),
      },
      {
        kind: 'action', id: `action:selectSubscriptions:${where}`, icon: 'filter', label: vscode.l10n.t('Select subscriptions…'),
        command: TREE_COMMANDS.selectSubscriptions,
      },
    ];
  }

  private signInAction(where: string): ActionElement {
    return { kind: 'action', id: `action:signIn:${where}`, icon: 'sign-in', label: vscode.l10n.t('Sign in to Azure…'), command: TREE_COMMANDS.signIn };
  }

  private loadAccount(): Promise<AccountLoad | undefined> {
    if (!this.account) {
      const signal = this.controller.signal;
      this.account = this.progress((async () => {
        const session = await this.sessions.get();
        if (!session || !(await session.isSignedIn())) return undefined;
        const allTenants = await session.listTenants();
        if (!signal.aborted) this.loadedTenantList = allTenants;
        const subscriptions = await session.listSubscriptions({ filtered: true, tenants: allTenants });
        signal.throwIfAborted();
        // With a filter, only the tenants it names are shown (as Azure Resources does).
        const filter = readSubscriptionFilter();
        const tenants = filter.entries.length
          ? allTenants.filter((t) => filter.tenantIds.includes(t.tenantId.toLowerCase()))
          : allTenants;
        this.log.info(`registries tree: ${tenants.length} tenant(s), ${subscriptions.length} subscription(s) (${session.kind})`);
        return { session, tenants, subscriptions };
      })());
      // A failed load is not cached: the error row's Retry tries again.
      this.account.catch(() => { this.account = undefined; });
    }
    return this.account;
  }

  private loadTenantRegistries(account: AccountLoad, tenantKey: string): Promise<TenantRegistries> {
    let load = this.registryLoads.get(tenantKey);
    if (!load) {
      const subs = account.subscriptions.filter((s) => s.tenantId.toLowerCase() === tenantKey);
      const signal = this.controller.signal;
      load = this.progress((async () => {
        const started = Date.now();
        const result = await this.listRegistries({
          subscriptionIds: subs.map((s) => s.subscriptionId),
          access: account.session.armAccess(subs[0]?.tenantId ?? tenantKey),
          signal,
        });
        this.log.info(`registries tree: ${result.registries.length} registries in ${subs.length} subscription(s) of tenant ${tenantKey} in ${Date.now() - started} ms (${result.source ?? '?'})${result.note ? `; ${result.note}` : ''}`);
        const failures = new Map<string, unknown>();
        for (const f of result.failures) failures.set(f.subscriptionId.toLowerCase(), f.error);
        if (!signal.aborted) for (const r of result.registries) this.loaded.set(r.loginServer.toLowerCase(), r);
        return { bySubscription: groupBySubscription(result.registries, subs.map((s) => s.subscriptionId)), failures };
      })());
      this.registryLoads.set(tenantKey, load);
      load.catch(() => { if (this.registryLoads.get(tenantKey) === load) this.registryLoads.delete(tenantKey); });
    }
    return load;
  }

  private manual() {
    return readManualRegistries(vscode.workspace.getConfiguration('acrDoctor.registries').get<unknown>('manual'));
  }

  private error(err: unknown, parent: ParentElement | undefined): ErrorElement {
    const c = classifyAzureError(err);
    const where = parent?.kind === 'subscription' ? parent.subscription.name : parent?.kind === 'tenant' ? parent.tenant.displayName : undefined;
    this.log.warn(`registries tree: ${where ?? 'root'}: ${c.kind} ${c.status ?? ''} ${c.code ?? ''} ${c.message}`);
    const status = [c.status, c.code].filter(Boolean).join(' ');
    const detail = status ? `${c.message} (${status})` : c.message;
    const id = `error:${parent?.kind === 'subscription' ? parent.subscription.subscriptionId : parent?.kind === 'tenant' ? parent.tenant.tenantId : 'root'}`;
    switch (c.kind) {
      case 'signIn':
        return { kind: 'error', id, parent, offerSignIn: true, detail, message: vscode.l10n.t('Your Azure sign-in has expired or is not valid: sign in again') };
      case 'forbidden':
        return { kind: 'error', id, parent, detail, message: where
          ? vscode.l10n.t('No access to {0}: {1}', where, c.message)
          : vscode.l10n.t('No access: {0}', c.message) };
      case 'network':
        return { kind: 'error', id, parent, detail, message: vscode.l10n.t('Cannot reach Azure: {0}', c.message) };
      case 'throttled':
        return { kind: 'error', id, parent, detail, message: vscode.l10n.t('Azure is throttling requests (429); retry in a moment') };
      case 'server':
        return { kind: 'error', id, parent, detail, message: vscode.l10n.t('Azure answered with an error ({0}): {1}', c.status ?? '', c.message) };
      case 'cancelled':
        return { kind: 'error', id, parent, detail, message: vscode.l10n.t('Loading was cancelled') };
      default:
        return { kind: 'error', id, parent, detail, message: vscode.l10n.t('Could not load registries: {0}', c.message) };
    }
  }

  dispose(): void {
    this.controller.abort();
    this.changed.dispose();
  }
}

function manualElement(loginServer: string): RegistryElement {
  return { kind: 'registry', source: 'manual', registry: { name: loginServer.split('.')[0], loginServer } };
}

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
