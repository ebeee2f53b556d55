// What the registries tree shares with its commands and with the report (health badges, the
// sign-in for a diagnosis), created once per extension context.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { AzureSessionManager } from '../auth/session-manager';
import { azureArea } from '../lazy/azure';
import { HealthDecorationProvider } from './health-decorations';
import { GlanceHealth } from './glance-health';
import { RegistryHealth, type HealthStatus } from './registry-health';
import { RegistryTreeModel, type ProgressRunner } from './registry-tree-model';
import { RegistryTreeProvider } from './registry-tree-provider';
import { REGISTRIES_VIEWS } from '../view-ids';
import { listRepositoriesAs, listTagsAs } from '../report/target/catalog-access';
import type { CatalogLister } from './registry-contents';
import { PulledByLister } from './pulled-by-lister';

export interface RegistryServices {
  readonly sessions: AzureSessionManager;
  readonly health: RegistryHealth;
  readonly model: RegistryTreeModel;
  readonly provider: RegistryTreeProvider;
  readonly decorations: HealthDecorationProvider;
  /** The quick check (light probe) behind each row's badge before any diagnosis. */
  readonly glance: GlanceHealth;
  /** For the report: colour a registry's row after a diagnosis. */
  setHealth(loginServer: string, status: HealthStatus | undefined): void;
}

// Keyed by the context (not a module-level singleton): each activation, and each test's Ctx, gets its own.
const byCtx = new WeakMap<Ctx, RegistryServices>();

export function registryServices(ctx: Ctx): RegistryServices {
  let services = byCtx.get(ctx);
  if (!services) {
    const sessions = ctx.register(new AzureSessionManager(ctx.extension, ctx.log));
    const health = ctx.register(new RegistryHealth());
    // Repositories and tags are listed as the Azure sign-in (the identity the tree shows).
    const catalog: CatalogLister = {
      repositories: (loginServer, after, signal) => listRepositoriesAs(ctx, loginServer, { kind: 'azure' }, { pageSize: TREE_PAGE_SIZE, after, signal }),
      tags: (loginServer, repository, after, signal) => listTagsAs(ctx, loginServer, { kind: 'azure' }, repository, { pageSize: TREE_PAGE_SIZE, after, signal }),
    };
    const model = ctx.register(new RegistryTreeModel(sessions, (req) => azureArea().coreRegistryLister(req), ctx.log, viewProgress, catalog));
    model.pulledBy = new PulledByLister(ctx);
    const glance = ctx.register(new GlanceHealth(ctx.log));
    const provider = new RegistryTreeProvider(model, health, glance);
    const decorations = ctx.register(new HealthDecorationProvider(health, glance));
    services = { sessions, health, model, provider, decorations, glance, setHealth: (loginServer, status) => health.setHealth(loginServer, status) };
    byCtx.set(ctx, services);
  }
  return services;
}

const TREE_PAGE_SIZE = 50;

/** Shows the thin progress bar on the registries view while `work` runs. */
const viewProgress: ProgressRunner = (work) => {
  for (const viewId of REGISTRIES_VIEWS) {
    void vscode.window.withProgress({ location: { viewId } }, () => work.catch(() => undefined));
  }
  return work;
};
