// One report panel (one per registry): owns the webview, the host-side model, the running
// diagnosis, and answers the webview's commands after validating each one.
import * as vscode from 'vscode';
import type { RegistryTarget } from '../../core/registry/target';
import type { DiagnosisReport, EngineEvent } from '../../core/engine/types';
import {
  CancelCommand, CopyCommandCommand, DidChangeStateNotification, DidUpdateCheckNotification, ExplainCommand, ExplainDiagnoseCommand, ExportCommand,
  OpenDocsCommand, ReadyCommand, RerunAllCommand, RerunCheckCommand, ResponseNotification, RunFixCommand,
  ImageSuggestionsNotification, PickIdentityCommand, SetTargetCommand, SuggestImagesCommand,
  type IpcResponse, type ReportState, type TargetView,
} from '../../shared/report-protocol';
import { isInt, isRecord, type IpcMessage } from '../../shared/ipc';
import { defaultTarget, imageOfText, imageText, type DiagnosisTarget } from './target/diagnosis-target';
import { identityLabel } from './target/identity-label';
import { Disposable } from '../lifecycle';
import { reportHtml, reportResourceRoots } from './report-html';
import { reportAssets } from './report-assets';
import { ReportModel } from './report-model';
import type { ReportHost } from './report-host';
import { describeHostileMessage } from './hostile-message';
import { namedLoginServer } from './explain-input';
import { HostTrace } from './host-trace';

function targetView(t: DiagnosisTarget): TargetView {
  return { image: imageText(t.image), operation: t.operation, identity: t.identity, identityLabel: identityLabel(t.identity) };
}

/** Findings that finish within this long of the last message go to the webview together (one frame). */
const POST_FRAME_MS = 16;

export class ReportPanel extends Disposable {
  private readonly model: ReportModel;
  private run: { controller: AbortController; promise: Promise<void> } | undefined;
  private ready = false;
  private subjectValue: DiagnosisTarget;
  private readonly counts = { states: 0, checks: 0, ignored: 0 };
  /** Finished checks waiting for the next post (postChecksSoon), and when the last message went. */
  private readonly unposted = new Set<string>();
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPostAt = -Infinity;
  private readonly responses: { ok: number; refused: number; lastError?: string } = { ok: 0, refused: 0 };
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  /** The panel's first trace: its webview's ready is marked there even when the run settled before it. */
  private readonly bootTrace = new HostTrace();
  /** The run being traced; the first one counts from the panel's creation (the webview's start). */
  private trace: HostTrace | undefined = this.bootTrace;
  private traced: HostTrace | undefined;
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, readonly target: RegistryTarget, private readonly host: ReportHost, restored?: DiagnosisReport, subject?: DiagnosisTarget) {
    super();
    this.model = new ReportModel(target.loginServer, host.viewContext(), vscode.workspace.isTrusted);
    this.subjectValue = subject ?? defaultTarget();
    this.model.setTarget(targetView(this.subjectValue));
    if (restored) {
      this.model.restoreReport(restored);
      // The stored report does not say who was signed in: ask again, as a run would.
      void host.source.identity().then((identity) => { this.model.setIdentity(identity); this.postState(); }, () => undefined);
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: reportResourceRoots(host.extensionUri) };
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'report.svg');
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => { this.model.setTrusted(true); this.postState(); }));
    this.render();
  }

  get state(): ReportState { return this.model.state; }
  get lastReport() { return this.model.lastReport; }

  reveal(): void { this.panel.reveal(undefined, false); }

  /** The image, operation and identity this report diagnoses. */
  get subject(): DiagnosisTarget { return this.subjectValue; }

  /** Changes what is diagnosed (the header shows it at once; the caller starts the run). */
  setSubject(subject: DiagnosisTarget): void {
    this.subjectValue = subject;
    this.model.setTarget(targetView(subject));
    this.postState();
  }

  /** (Re)runs the whole diagnosis, or only some checks. Resolves when the run ends. */
  diagnose(onlyChecks?: string[]): Promise<void> {
    this.run?.controller.abort();
    const controller = new AbortController();
    const partial = !!onlyChecks?.length && !!this.model.lastReport;
    const trace = (!this.run && this.trace) || new HostTrace();
    this.trace = trace;
    const promise = (async () => {
      try {
        const identity = await trace.span('identity', () => this.host.source.identity()).catch(() => undefined);
        this.model.setIdentity(identity);
        const report = await this.host.source.run({
          target: this.target, signal: controller.signal, onlyChecks: partial ? onlyChecks : undefined, subject: this.subjectValue, trace,
          onEvent: (e) => { if (!controller.signal.aborted || e.type === 'done') this.onEngineEvent(e, partial); },
        });
        if (this.run?.controller === controller) this.host.reportFinished(this.target, this.model.lastReport ?? report);
      } catch (err) {
        this.host.log.error(`diagnosis of ${this.target.loginServer} failed: ${this.host.redact(String(err instanceof Error ? err.message : err))}`);
        this.model.fail(err instanceof Error ? err.message : String(err));
        this.postState();
      } finally {
        trace.mark('settled');
        if (this.trace === trace) { this.traced = trace; this.trace = undefined; }
        if (this.run?.controller === controller) this.run = undefined;
      }
    })();
    this.run = { controller, promise };
    return promise;
  }

  private onEngineEvent(e: EngineEvent, partial: boolean): void {
    if (this.isDisposed) return;
    const changed = this.model.apply(e, Date.now(), partial);
    // Posted before the webview says it is ready too: VS Code holds a webview's messages until its
    // page has loaded, so the first findings show as soon as it can paint, not a round trip later.
    if (changed && (this.ready || changed.status !== 'pending')) {
      this.unposted.add(changed.id);
      this.postChecksSoon();
    } else {
      this.postState();
    }
  }

  /**
   * Posts the finished checks not yet posted: at once when nothing was posted during the last frame
   * (the first finding is not held back), else one frame after the last post. Each message costs the
   * host a round trip through the workbench (and code-server's compressed socket) and the webview a
   * render: checks finishing together (the ARM checks of one read) go as one message.
   */
  private postChecksSoon(): void {
    if (this.postTimer) return;
    const wait = this.lastPostAt + POST_FRAME_MS - performance.now();
    if (wait <= 0) { this.postChecks(); return; }
    this.postTimer = setTimeout(() => { this.postTimer = undefined; this.postChecks(); }, wait);
  }

  private postChecks(): void {
    if (this.isDisposed || !this.unposted.size) return;
    const checks = this.model.state.checks.filter((c) => this.unposted.has(c.id));
    this.unposted.clear();
    if (!checks.length) return;
    this.counts.checks += checks.length;
    this.lastPostAt = performance.now();
    this.markShown();
    void this.panel.webview.postMessage(DidUpdateCheckNotification.create({ checks, causes: this.model.state.causes, elapsedMs: this.model.state.elapsedMs }));
  }

  /** The whole state carries every check: nothing is left to post separately. */
  private dropUnposted(): void {
    this.unposted.clear();
    if (this.postTimer) { clearTimeout(this.postTimer); this.postTimer = undefined; }
  }

  private render(): void {
    this.ready = false;
    this.panel.title = vscode.l10n.t('Diagnosis: {0}', this.target.loginServer);
    const boot = { state: this.model.state, strings: this.host.strings() };
    const inline = this.host.extensionUri.scheme === 'file' ? reportAssets(this.host.extensionUri.fsPath) : undefined;
    this.panel.webview.html = reportHtml(this.panel.webview, this.host.extensionUri, boot, inline);
  }

  postState(): void {
    // Until the webview is ready only finished checks go ahead (cheap to apply); its ready asks for the whole state.
    if (!this.ready || this.isDisposed) return;
    this.dropUnposted();
    this.lastPostAt = performance.now();
    this.counts.states++;
    this.markShown();
    void this.panel.webview.postMessage(DidChangeStateNotification.create({ state: this.model.state }));
  }

  /** Every message from the webview is untrusted: only well-formed known commands get through. */
  async handleMessage(msg: unknown): Promise<void> {
    switch (true) {
      case ReadyCommand.is(msg): this.bootTrace.markOnce('webview ready'); this.ready = true; this.postState(); return;
      case RerunAllCommand.is(msg): this.model.setLastFix(undefined); void this.diagnose(); return;
      case CancelCommand.is(msg): this.run?.controller.abort(); return;
      case RerunCheckCommand.is(msg): {
        const id = msg.params.checkId;
        if (!this.model.state.checks.some((c) => c.id === id)) return this.ignore(msg, 'unknown check');
        void this.diagnose([id]);
        return;
      }
      case OpenDocsCommand.is(msg): {
        const cause = this.findCause(msg.params.causeId);
        if (!cause) return this.ignore(msg, 'unknown cause');
        await vscode.env.openExternal(vscode.Uri.parse(cause.docsUrl, true));
        return;
      }
      case CopyCommandCommand.is(msg): return this.reply(msg, () => this.host.fixes.copy(this.target, this.model, msg.params));
      case RunFixCommand.is(msg): return this.reply(msg, () => this.host.fixes.run(this, this.model, msg.params));
      case ExportCommand.is(msg): return this.reply(msg, async () => { await this.host.exportReport(this.model.state, msg.params.format); });
      case ExplainCommand.is(msg): return this.reply(msg, async () => { this.showExplain(msg.params.text); });
      case ExplainDiagnoseCommand.is(msg): {
        const named = this.model.state.explain?.registry;
        if (!named) return this.ignore(msg, 'the pasted text named no registry');
        if (named === this.target.loginServer) { this.model.setLastFix(undefined); void this.diagnose(); return; }
        await vscode.commands.executeCommand('acrDoctor.diagnose', named);
        return;
      }
      case SetTargetCommand.is(msg): return this.reply(msg, async () => {
        const { image: text, operation } = msg.params;
        let image;
        try {
          image = imageOfText(text, this.target.loginServer);
        } catch (err) {
          throw new Error(vscode.l10n.t('"{0}" is not an image of {1}: {2}', text.slice(0, 100), this.target.loginServer, err instanceof Error ? err.message : String(err)));
        }
        this.setSubject({ ...this.subjectValue, image, operation });
        void this.diagnose();
      });
      case PickIdentityCommand.is(msg): return this.reply(msg, async () => {
        const identity = await this.host.pickIdentity(this.target, this.subjectValue.identity);
        if (!identity || this.isDisposed) return;
        this.setSubject({ ...this.subjectValue, identity });
        void this.diagnose();
      });
      case SuggestImagesCommand.is(msg): {
        const text = msg.params.text;
        const suggestions = await this.host.suggestImages(this.target, this.subjectValue.identity, text)
          .catch((err: unknown) => ({ text, items: [], error: this.host.redact(err instanceof Error ? err.message : String(err)) }));
        if (!this.isDisposed) void this.panel.webview.postMessage(ImageSuggestionsNotification.create(suggestions));
        return;
      }
      default: return this.ignore(msg, 'not a known, well-formed command');
    }
  }

  /** The first finished check the webview is sent: the first streamed finding it can show. */
  private markShown(): void {
    if (this.trace && this.model.state.checks.some((c) => c.status !== 'pending')) this.trace.markOnce('first finding posted');
  }

  private findCause(causeId: string) {
    return this.model.state.causes.find((c) => c.causeId === causeId) ?? this.model.state.explain?.causes.find((c) => c.causeId === causeId);
  }

  private async reply(msg: IpcMessage<unknown>, work: () => Promise<void>): Promise<void> {
    let res: IpcResponse;
    try {
      await work();
      res = { seq: msg.req ?? 0, ok: true };
    } catch (err) {
      const message = this.host.redact(err instanceof Error ? err.message : String(err));
      this.host.log.warn(`report ${msg.method} failed: ${message}`);
      res = { seq: msg.req ?? 0, ok: false, error: message };
    }
    if (res.ok) this.responses.ok++; else { this.responses.refused++; this.responses.lastError = res.error; }
    if (msg.req !== undefined && !this.isDisposed) void this.panel.webview.postMessage(ResponseNotification.create(res));
  }

  /** Shows what pasted text matches in the report's explain view (the panel's own registry fills the fixes). */
  showExplain(text: string): void {
    this.model.setExplain(this.host.redact(text).slice(0, 200), this.host.explain(text, this.target), namedLoginServer(text), this.host.explainSummary?.(text));
    this.postState();
  }

  /** Resolves when no diagnosis is running for this panel (re-runs after a fix included). */
  async settled(): Promise<void> {
    while (this.run) await this.run.promise;
  }

  snapshot() {
    return { state: this.model.state, webviewReady: this.ready, posted: { states: this.counts.states, checks: this.counts.checks },
      ignored: this.counts.ignored, visible: this.panel.visible, responses: { ...this.responses },
      trace: { spans: [...this.traced?.spans ?? []], engineStartMs: this.traced?.engineStartMs, epochMs: this.traced?.epochMs } };
  }

  private ignore(msg: unknown, why: string): void {
    this.counts.ignored++;
    this.host.log.warn(`report webview (${this.target.loginServer}): ignored a message (${why}): ${describeHostileMessage(msg)}`);
    // A message that asked for an answer gets a refusal it can show, never silence.
    const req = isRecord(msg) ? msg.req : undefined;
    if (isInt(req, 0, Number.MAX_SAFE_INTEGER) && !this.isDisposed) {
      const error = vscode.l10n.t('The report refused a malformed request ({0}).', describeHostileMessage(msg));
      this.responses.refused++;
      this.responses.lastError = error;
      void this.panel.webview.postMessage(ResponseNotification.create({ seq: req, ok: false, error }));
    }
  }

  /** Used by the fix runner: re-run the checks a fix affects. */
  rerunAfterFix(checkIds: string[]): Promise<void> {
    return this.diagnose(checkIds.length ? checkIds : undefined);
  }

  /** Exposed for tests and the fix runner. */
  get reportModel(): ReportModel { return this.model; }

  override dispose(): void {
    if (this.isDisposed) return;
    this.dropUnposted();
    this.run?.controller.abort();
    this.disposedEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }
}
