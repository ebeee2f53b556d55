// The report feature: one panel per registry, the serializer that restores them after a
// reload, the latest diagnosis per registry, and the glue to the tree's health badges.
import * as vscode from 'vscode';
import type { ResolvedFix } from '../../core/catalogue/types';
import type { DiagnosisReport } from '../../core/engine/types';
import { parseRegistryInput, type RegistryTarget } from '../../core/registry/target';
import { redact } from '../../core/text/redact';
import { isRecord } from '../../shared/ipc';
import {
  isTargetView, MAX_IMAGE_SUGGESTIONS, REPORT_VIEW_TYPE, type ExportFormat, type ImageSuggestions, type ReportState,
} from '../../shared/report-protocol';
import type { IdentitySpec } from '../../core/registry/image-reference';
import { listRepositoriesAs, listTagsAs } from './target/catalog-access';
import { defaultTarget, imageOfText, type DiagnosisTarget } from './target/diagnosis-target';
import { pickIdentity } from './target/identity-pick';
import type { Ctx } from '../context';
import { Disposable } from '../lifecycle';
import { registryServices } from '../tree/registry-services';
import { causeDocsUrl, explainSummary, explainText, findCause } from './catalogue-adapter';
import { defaultDiagnosisSource } from './engine-source';
import type { DiagnosisSource } from './diagnosis-source';
import { DiagnosisStore } from './diagnosis-store';
import { exportReport } from './export/save-export';
import { azureAndTerminalActions } from './fixes/azure-and-terminal-actions';
import { ReportFixRunner } from './fixes/fix-runner';
import type { FixActions } from './fixes/fix-actions';
import { ReportPanel } from './report-panel';
import type { ReportHost } from './report-host';
import { reportStrings } from './report-strings';
import { languageOf, type ViewContext } from './view-context';
import type { CauseInput } from './view-model';
import { healthOf } from './health';

const byCtx = new WeakMap<Ctx, ReportService>();

export class ReportService extends Disposable implements ReportHost {
  private readonly panels = new Map<string, ReportPanel>();
  readonly store: DiagnosisStore;
  readonly fixes: ReportFixRunner;
  private readonly actions: FixActions;
  source: DiagnosisSource;

  /** One service per extension context (each test's Ctx gets its own). */
  static of(ctx: Ctx): ReportService {
    let s = byCtx.get(ctx);
    if (!s) { s = ctx.register(new ReportService(ctx)); byCtx.set(ctx, s); }
    return s;
  }

  private constructor(private readonly ctx: Ctx) {
    super();
    this.store = this._register(new DiagnosisStore(ctx.extension.workspaceState));
    this.source = defaultDiagnosisSource(ctx);
    this.actions = azureAndTerminalActions(ctx);
    this.fixes = new ReportFixRunner({
      actions: this.actions, log: ctx.log, mode: ctx.extension.extensionMode,
      lang: () => languageOf(vscode.env.language).lang, redact: (t) => redact(t),
    });
    // The bundled extension registers the serializer at activation (dist/extension.js) and hands revivals here.
    if (!ctx.shell) {
      this._register(vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.revive(panel, state),
      }));
    }
    this._register({ dispose: () => [...this.panels.values()].forEach((p) => p.dispose()) });
  }

  get extensionUri(): vscode.Uri { return this.ctx.extensionUri; }
  get log(): vscode.LogOutputChannel { return this.ctx.log; }

  panel(loginServer: string): ReportPanel | undefined { return this.panels.get(loginServer.toLowerCase()); }

  /** The report in front (or the only one open). */
  activePanel(): ReportPanel | undefined {
    const all = [...this.panels.values()];
    return all.find((p) => p.panel.active) ?? (all.length === 1 ? all[0] : undefined);
  }

  /**
   * Opens (or reveals) the registry's report and starts a diagnosis. Resolves when it ends.
   * `subject` (image, operation, identity) replaces what the report diagnosed so far.
   */
  async diagnose(target: RegistryTarget, subject?: DiagnosisTarget): Promise<ReportPanel> {
    const panel = this.open(target, subject);
    await panel.diagnose();
    return panel;
  }

  open(target: RegistryTarget, subject?: DiagnosisTarget): ReportPanel {
    const existing = this.panels.get(target.loginServer);
    if (existing) {
      if (subject) existing.setSubject(subject);
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, target.loginServer,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false });
    return this.adopt(webviewPanel, target, this.store.latest(target.loginServer), subject);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, target: RegistryTarget, restored?: DiagnosisReport, subject?: DiagnosisTarget): ReportPanel {
    const panel = new ReportPanel(webviewPanel, target, this, restored, subject);
    this.panels.set(target.loginServer, panel);
    panel.onDidDispose(() => { if (this.panels.get(target.loginServer) === panel) this.panels.delete(target.loginServer); });
    return panel;
  }

  /** Restores a panel after a reload. The persisted state is untrusted input: only the login server is taken from it. */
  async revive(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const loginServer = isRecord(state) && isRecord(state.state) ? state.state.loginServer : undefined;
    let target: RegistryTarget | undefined;
    try { target = typeof loginServer === 'string' ? parseRegistryInput(loginServer) : undefined; } catch { target = undefined; }
    if (!target || this.panels.has(target.loginServer)) {
      this.log.warn('report: could not restore a panel (no valid registry in its saved state); closing it');
      webviewPanel.dispose();
      return;
    }
    this.adopt(webviewPanel, target, this.store.latest(target.loginServer), this.restoredSubject(state, target));
  }

  /** The saved target, checked as strictly as a message; anything malformed falls back to the default. */
  private restoredSubject(state: unknown, target: RegistryTarget): DiagnosisTarget | undefined {
    const view = isRecord(state) && isRecord(state.state) ? state.state.target : undefined;
    if (view === undefined) return undefined;
    if (!isTargetView(view)) {
      this.log.warn('report: the saved target of a restored panel is malformed; diagnosing the registry alone');
      return undefined;
    }
    try {
      return defaultTarget(view.image ? imageOfText(view.image, target.loginServer) : undefined, view.operation, view.identity);
    } catch {
      return defaultTarget(undefined, view.operation, view.identity);
    }
  }

  pickIdentity(target: RegistryTarget, current: IdentitySpec): Promise<IdentitySpec | undefined> {
    return pickIdentity(this.ctx, target.loginServer, current);
  }

  private readonly repositoryLists = new Map<string, { at: number; items: Promise<string[]> }>();

  /** Repositories (kept a minute per registry and identity), or the tags of the repository before ':'. */
  async suggestImages(target: RegistryTarget, identity: IdentitySpec, text: string): Promise<ImageSuggestions> {
    const typed = text.trim().replace(new RegExp(`^${target.loginServer.replace(/\./g, '\\.')}/`, 'i'), '');
    const colon = typed.lastIndexOf(':');
    const failed = (err: unknown): ImageSuggestions => ({
      text, items: [], error: vscode.l10n.t('Cannot list {0}: {1}', target.loginServer, redact(err instanceof Error ? err.message : String(err))),
    });
    if (colon > typed.lastIndexOf('/') && colon > 0) {
      const repository = typed.slice(0, colon).toLowerCase();
      try {
        const tags = await listTagsAs(this.ctx, target.loginServer, identity, repository, { pageSize: 100, maxPages: 2 });
        return { text, items: tags.items.slice(0, MAX_IMAGE_SUGGESTIONS).map((t) => `${repository}:${t}`) };
      } catch (err) { return failed(err); }
    }
    const key = `${target.loginServer} ${JSON.stringify(identity)}`;
    let cached = this.repositoryLists.get(key);
    if (!cached || Date.now() - cached.at > 60_000) {
      cached = { at: Date.now(), items: listRepositoriesAs(this.ctx, target.loginServer, identity, { pageSize: 100, maxPages: 5 }).then((p) => p.items) };
      this.repositoryLists.set(key, cached);
      cached.items.catch(() => this.repositoryLists.delete(key));
    }
    try {
      const repositories = await cached.items;
      const lower = typed.toLowerCase();
      return { text, items: repositories.filter((r) => r.startsWith(lower)).slice(0, MAX_IMAGE_SUGGESTIONS) };
    } catch (err) { return failed(err); }
  }

  viewContext(): ViewContext {
    const { lang, docsLocale } = languageOf(vscode.env.language);
    return {
      lang, docsLocale,
      getCause: findCause,
      causeDocsUrl: (cause) => causeDocsUrl(cause, docsLocale),
      checkTitle: (id, english) => {
        const key = `check.${id}.title`;
        const t = vscode.l10n.t(key);
        return t === key ? english : t;
      },
      canRun: (fix) => this.actions.canRun(fix),
      redact: (t) => redact(t),
    };
  }

  canRunFix(fix: ResolvedFix): boolean { return this.actions.canRun(fix); }

  strings() { return reportStrings(); }
  redact(text: string): string { return redact(text); }
  explain(text: string, target: RegistryTarget): CauseInput[] { return explainText(text, target); }
  explainSummary(text: string) { return explainSummary(text); }

  /** Writes to `to` without asking (the extension's own callers), else asks where, `suggested` pre-filled. */
  async exportReport(state: ReportState, format: ExportFormat, where: { to?: vscode.Uri; suggested?: vscode.Uri } = {}): Promise<vscode.Uri | undefined> {
    return exportReport(state, format, this.strings(), (t) => redact(t), where.to, where.suggested);
  }

  reportFinished(target: RegistryTarget, report: DiagnosisReport): void {
    this.store.set(report);
    try { registryServices(this.ctx).setHealth(target.loginServer, healthOf(report)); } catch (err) {
      this.log.warn(`report: could not update the tree's health badge: ${String(err)}`);
    }
  }
}

export function reportServiceOf(ctx: Ctx): ReportService { return ReportService.of(ctx); }
