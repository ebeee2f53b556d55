// The tree's elements: plain data with a `kind` (TreeItems are built in getTreeItem). Elements are
// cached by the model, so the same object stands for the same node until a refresh.
import type { RegistrySummary } from '../../core/registry/summary';
import type { AzureSubscriptionInfo, AzureTenantInfo } from '../auth/azure-session';

export interface TenantElement {
  kind: 'tenant';
  tenant: AzureTenantInfo;
}

export interface SubscriptionElement {
  kind: 'subscription';
  subscription: AzureSubscriptionInfo;
  /** Shown under a tenant node (more than one tenant) or at the root. */
  underTenant: boolean;
}

export interface RegistryElement {
  kind: 'registry';
  registry: RegistrySummary;
  /** 'azure': found through ARM; 'manual': added by name (acrDoctor.registries.manual). */
  source: 'azure' | 'manual';
}

export interface OtherRegistriesElement {
  kind: 'otherRegistries';
}

/** Something went wrong loading `parent`'s children: shown, never an empty tree. */
export interface ErrorElement {
  kind: 'error';
  id: string;
  message: string;
  /** Longer text for the tooltip (status, code, what to do). */
  detail?: string;
  /** The node to reload on Retry (undefined = the root). */
  parent?: ParentElement;
  /** Also offer "Sign in" (expired or missing session). */
  offerSignIn?: boolean;
}

/** A clickable row: Retry, Sign in, Sign in to tenant, Select subscriptions, Open settings. */
export interface ActionElement {
  kind: 'action';
  id: string;
  label: string;
  icon: string;
  command: string;
  args?: unknown[];
}

/** A quiet line such as "No container registries". */
export interface InfoElement {
  kind: 'info';
  id: string;
  label: string;
  tooltip?: string;
}

/** A repository under a registry node (listed through the registry's catalog). */
export interface RepositoryElement {
  kind: 'repository';
  registry: RegistryElement;
  repository: string;
}

export interface TagElement {
  kind: 'tag';
  registry: RegistryElement;
  repository: string;
  tag: string;
}

/** "Load more…" at the end of a paged list of repositories or tags. */
export interface LoadMoreElement {
  kind: 'loadMore';
  id: string;
  parent: RegistryElement | RepositoryElement;
  /** The cursor (`last`) of the next page. */
  after: string;
}

/** "Pulled by" under an Azure registry: the Azure resources that pull from it. */
export interface PulledByElement {
  kind: 'pulledBy';
  registry: RegistryElement;
}

/** One resource that pulls from the registry, with its verdict (pullers' assessment). */
export interface PullerElement {
  kind: 'puller';
  registry: RegistryElement;
  /** Its ARM resource id (what --identity service:<id> names). */
  serviceId: string;
  name: string;
  /** What it is, in words: "App Service app", "Container App", … */
  what: string;
  /** An AKS cluster: its pull is diagnosed as --identity aks:<cluster> (the kubelet identity and the node subnets' egress). */
  aks?: boolean;
  health: 'ok' | 'fail' | 'warn' | 'unknown';
  /** The first cause found, if any. */
  causeId?: string;
}

export type ParentElement = TenantElement | SubscriptionElement | OtherRegistriesElement | RegistryElement | RepositoryElement | PulledByElement;
export type TreeElement = ParentElement | ErrorElement | ActionElement | InfoElement | TagElement | LoadMoreElement | PullerElement;

export function isPullerElement(x: unknown): x is PullerElement {
  if (!x || typeof x !== 'object') return false;
  const o = x as Partial<PullerElement>;
  return o.kind === 'puller' && typeof o.serviceId === 'string' && typeof o.name === 'string' && isRegistryElement(o.registry);
}

export function isRegistryElement(x: unknown): x is RegistryElement {
  return !!x && typeof x === 'object' && (x as { kind?: unknown }).kind === 'registry' &&
    typeof (x as RegistryElement).registry?.loginServer === 'string';
}

export function isImageElement(x: unknown): x is RepositoryElement | TagElement {
  if (!x || typeof x !== 'object') return false;
  const o = x as { kind?: unknown; tag?: unknown; repository?: unknown; registry?: unknown };
  return (o.kind === 'repository' || (o.kind === 'tag' && typeof o.tag === 'string')) && typeof o.repository === 'string' && isRegistryElement(o.registry);
}
