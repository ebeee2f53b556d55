// The registries the account can see, by resource name (→ login server), for the Docker Hub
// look-alike hint. Listed lazily, on the first file that has a candidate, and again when the tree
// reloads; undefined until the first list arrives.
import type { Ctx } from '../context';
import { registryServices } from '../tree/registry-services';

const RELOAD_AFTER_MS = 30_000;

export class KnownRegistryNames {
  private names: Map<string, string> | undefined;
  private loading = false;
  private stale = false;
  private listening = false;
  private loadedAt = 0;

  constructor(private readonly ctx: Ctx, private readonly onLoaded: () => void) {}

  get(): ReadonlyMap<string, string> | undefined {
    // Listing fills the tree's caches, which reports a change: reload at most twice a minute.
    const due = !this.names || (this.stale && Date.now() - this.loadedAt > RELOAD_AFTER_MS);
    if (due && !this.loading) void this.load();
    return this.names;
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.stale = false;
    const services = registryServices(this.ctx);
    if (!this.listening) {
      this.listening = true;
      this.ctx.register(services.model.onDidChange(() => { this.stale = true; }));
    }
    try {
      const all = await services.model.allRegistries();
      this.names = new Map(all.map((r) => [r.registry.name.toLowerCase(), r.registry.loginServer.toLowerCase()]));
    } catch (err) {
      this.ctx.log.warn(`problems: could not list the registries for the Docker Hub hint: ${String(err instanceof Error ? err.message : err)}`);
      this.names ??= new Map();
    } finally {
      this.loading = false;
      this.loadedAt = Date.now();
    }
    this.onLoaded();
  }
}
